import CSQLite
import ReportModel

/// The warehouse schema, as an ordered list of SQL scripts; `PRAGMA user_version` counts those applied.
///
/// Never edit a script once released: append a new one.
public enum Migrations {
    /// The scripts, in order; script `i` brings the schema to version `i + 1`.
    public static let all: [String] = [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13]

    /// The schema version this build writes.
    public static var latestVersion: Int { all.count }

    /// Applies the scripts not yet applied (up to version `target`, by default the latest), each in its own transaction.
    public static func migrate(_ db: SQLiteConnection, upTo target: Int? = nil) throws {
        let current = try version(of: db)
        guard current <= all.count else {
            throw ReportError(.usage, vi: "kho dữ liệu do một phiên bản dailyreports mới hơn ghi (lược đồ \(current), bản này biết \(all.count)); hãy dùng bản mới hơn",
                              en: "the warehouse was written by a newer version of dailyreports (schema \(current), this one knows \(all.count)); use a newer build",
                              location: db.path)
        }
        for (i, script) in all.enumerated().dropFirst(current) where i < (target ?? all.count) {
            try db.transaction {
                try db.execute(script)
                try db.execute("PRAGMA user_version = \(i + 1)")
            }
        }
    }

    /// The schema version recorded in the database (0 for a new file).
    public static func version(of db: SQLiteConnection) throws -> Int {
        let s = try db.prepare("PRAGMA user_version")
        defer { s.reset() }
        return try s.step() ? s.int(0) : 0
    }

    static let v1 = """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        command TEXT NOT NULL,
        arguments TEXT NOT NULL,          -- JSON array of strings
        started_at INTEGER NOT NULL,      -- epoch seconds
        finished_at INTEGER,
        outcome TEXT NOT NULL DEFAULT 'running',
        files_new INTEGER NOT NULL DEFAULT 0,
        rows_accepted INTEGER NOT NULL DEFAULT 0,
        rows_rejected INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,               -- relative to the inbox, '/'-separated
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        received_at INTEGER NOT NULL,     -- epoch seconds
        encoding TEXT NOT NULL,
        format TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('accepted', 'partial', 'rejected', 'duplicate')),
        duplicate_of TEXT,
        run_id INTEGER REFERENCES runs(id)
    );
    CREATE INDEX submissions_path ON submissions(path);
    CREATE INDEX submissions_sha256 ON submissions(sha256);

    CREATE TABLE submission_dates (
        submission_id INTEGER NOT NULL REFERENCES submissions(id),
        report_date TEXT NOT NULL,        -- YYYY-MM-DD
        PRIMARY KEY (report_date, submission_id)
    ) WITHOUT ROWID;
    CREATE INDEX submission_dates_submission ON submission_dates(submission_id);

    -- report_rows and unit_reports declare no foreign key (it costs ~8% of the bulk load):
    -- they are only written by recordBatch, right after their submission, in the same transaction.
    CREATE TABLE report_rows (
        submission_id INTEGER NOT NULL,         -- submissions.id
        line INTEGER NOT NULL,
        report_date TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        procedure_code TEXT NOT NULL,
        received_online INTEGER NOT NULL CHECK (received_online >= 0),
        received_offline INTEGER NOT NULL CHECK (received_offline >= 0),
        resolved_on_time INTEGER NOT NULL CHECK (resolved_on_time >= 0),
        resolved_late INTEGER NOT NULL CHECK (resolved_late >= 0),
        returned INTEGER NOT NULL CHECK (returned >= 0),
        pending_on_time INTEGER NOT NULL CHECK (pending_on_time >= 0),
        pending_overdue INTEGER NOT NULL CHECK (pending_overdue >= 0),
        submitted_at INTEGER NOT NULL,
        reporter_name TEXT NOT NULL DEFAULT '',
        reporter_email TEXT NOT NULL DEFAULT '',
        reporter_phone TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX report_rows_key ON report_rows(report_date, unit_code, procedure_code);

    CREATE TABLE unit_reports (
        submission_id INTEGER NOT NULL,         -- submissions.id
        report_date TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        submitted_at INTEGER NOT NULL,
        line INTEGER NOT NULL,
        reporter_name TEXT NOT NULL DEFAULT '',
        reporter_email TEXT NOT NULL DEFAULT '',
        reporter_phone TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX unit_reports_key ON unit_reports(report_date, unit_code);

    CREATE TABLE rejects (
        id INTEGER PRIMARY KEY,
        submission_id INTEGER REFERENCES submissions(id),
        run_id INTEGER REFERENCES runs(id),
        file TEXT NOT NULL,
        line INTEGER NOT NULL,
        reason TEXT NOT NULL,
        detail TEXT NOT NULL,
        raw TEXT NOT NULL,
        report_date TEXT              -- NULL: every report date of its submission
    );
    CREATE INDEX rejects_report_date ON rejects(report_date);
    CREATE INDEX rejects_submission ON rejects(submission_id);

    CREATE TABLE notes (
        submission_id INTEGER REFERENCES submissions(id),
        run_id INTEGER REFERENCES runs(id),
        file TEXT NOT NULL,
        line INTEGER NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL
    );
    CREATE INDEX notes_submission ON notes(submission_id);

    CREATE TABLE findings (
        report_date TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        procedure_code TEXT NOT NULL,     -- '' for a finding about a whole report
        rule TEXT NOT NULL,
        metric TEXT NOT NULL,
        value TEXT NOT NULL,
        expected TEXT NOT NULL,
        score TEXT NOT NULL,
        detail TEXT NOT NULL,
        run_id INTEGER REFERENCES runs(id)
    );
    CREATE INDEX findings_report_date ON findings(report_date);

    -- Registries as last loaded (replaced whole on each load).
    CREATE TABLE registry_units (
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        level TEXT NOT NULL,
        parent_code TEXT,
        kind TEXT NOT NULL,
        aliases TEXT NOT NULL,            -- '|'-separated
        active_from TEXT,
        active_to TEXT,
        position INTEGER NOT NULL         -- order in the registry file
    );
    CREATE TABLE registry_procedures (
        code TEXT NOT NULL PRIMARY KEY,
        name TEXT NOT NULL,
        field TEXT NOT NULL,
        level TEXT NOT NULL,
        priority INTEGER NOT NULL,
        max_days INTEGER
    );
    CREATE TABLE registry_contacts (
        unit_code TEXT NOT NULL,
        full_name TEXT NOT NULL,
        title TEXT NOT NULL,
        phone TEXT NOT NULL,
        email TEXT NOT NULL,
        active_from TEXT,
        active_to TEXT,
        position INTEGER NOT NULL
    );
    CREATE TABLE registry_calendar (
        date TEXT NOT NULL PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday'))
    );

    CREATE TABLE published (
        report_date TEXT NOT NULL,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        run_id INTEGER REFERENCES runs(id),
        PRIMARY KEY (report_date, name)
    );

    CREATE TABLE restatements (
        at INTEGER NOT NULL,
        report_date TEXT NOT NULL,
        scope TEXT NOT NULL,
        figure TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT,
        run_id INTEGER REFERENCES runs(id)
    );
    CREATE INDEX restatements_report_date ON restatements(report_date);
    """

    /// Dates whose exports or archive must be recomputed: written with the rows that
    /// changed them, cleared once published, so a run killed in between is finished by the next.
    static let v2 = """
    CREATE TABLE pending_dates (
        report_date TEXT PRIMARY KEY,
        figures INTEGER NOT NULL DEFAULT 0   -- 1: accepted rows or reports changed (later days' checks depend on it)
    ) WITHOUT ROWID;
    """

    /// Where each received file's bytes are kept: a slice of a pack file under `OUT/raw/`.
    static let v3 = """
    CREATE TABLE raw_blobs (
        sha256 TEXT PRIMARY KEY,
        pack TEXT NOT NULL,
        offset INTEGER NOT NULL,
        length INTEGER NOT NULL
    ) WITHOUT ROWID;
    """

    /// A computed report day's winning counts, compact, so the checks' history is read
    /// without re-querying a month of rows each night. Rewritten whenever the day is recomputed.
    static let v4 = """
    CREATE TABLE day_snapshots (
        report_date TEXT PRIMARY KEY,
        counts BLOB NOT NULL
    ) WITHOUT ROWID;
    """

    /// The published bytes of a figure file, so restatements compare with what was last published
    /// (recorded in the same transaction), not with whatever folder a killed run left.
    static let v5 = """
    ALTER TABLE published ADD COLUMN content BLOB;
    """

    /// The pack files that hold at least one recorded file's bytes, so the sweep at each run's start finds
    /// orphan packs (a killed run's) without scanning every blob (a year is ~800,000); and the warehouse's
    /// own facts.
    static let v6 = """
    CREATE TABLE raw_packs (
        name TEXT PRIMARY KEY
    ) WITHOUT ROWID;
    INSERT INTO raw_packs (name) SELECT DISTINCT pack FROM raw_blobs;

    -- Small facts about the warehouse itself: 'registries' is the image of the registry snapshot last stored,
    -- so an unchanged registry is not rewritten each run.
    CREATE TABLE warehouse_meta (
        name TEXT PRIMARY KEY,
        value BLOB
    ) WITHOUT ROWID;
    """

    /// The analysts' views (contract §8; documented in docs/WAREHOUSE.md). Their names and columns are a promise:
    /// a later migration may add tables or columns under them but must leave what they answer unchanged
    /// (MigrationTests checks every later script against them).
    static let v7 = """
    -- The deadline each computed report day was computed with (written with its published figures).
    -- Days computed before this version get the contract's default deadline, 10:00 +07:00 the next day.
    CREATE TABLE report_days (
        report_date TEXT PRIMARY KEY,
        due_at INTEGER NOT NULL           -- epoch seconds
    ) WITHOUT ROWID;
    INSERT INTO report_days (report_date, due_at)
        SELECT DISTINCT report_date, CAST(strftime('%s', report_date, '+1 day', '+3 hours') AS INTEGER) FROM published;

    -- The registered unit a rejected row named (resolved before a later check rejected it); NULL when none.
    ALTER TABLE rejects ADD COLUMN unit_code TEXT;

    -- Registry rows by code, for the views' lookups of a unit's province and name.
    CREATE INDEX registry_units_code ON registry_units(code, position);

    -- One row per unit code: its first row in registry order (names and province for the views below).
    CREATE VIEW units AS
    SELECT u.code, u.name, u.level, COALESCE(u.parent_code, u.code) AS province_code, u.kind, u.active_from, u.active_to
    FROM registry_units u
    WHERE u.position = (SELECT MIN(e.position) FROM registry_units e WHERE e.code = u.code);

    -- The winning rows: one per report date, unit and procedure (the latest submitted_at, then the later
    -- received file, the greater path, the later line), as the exports sum them.
    CREATE VIEW current_rows AS
    SELECT r.report_date, r.unit_code,
        COALESCE(
            (SELECT COALESCE(u.parent_code, u.code) FROM registry_units u
             WHERE u.code = r.unit_code
               AND COALESCE(u.active_from, '') <= r.report_date AND r.report_date <= COALESCE(u.active_to, '9999-12-31')
             ORDER BY u.position LIMIT 1),
            (SELECT u.province_code FROM units u WHERE u.code = r.unit_code)) AS province_code,
        r.procedure_code,
        r.received_online, r.received_offline, r.resolved_on_time, r.resolved_late, r.returned,
        r.pending_on_time, r.pending_overdue,
        strftime('%Y-%m-%dT%H:%M:%S+07:00', r.submitted_at + 25200, 'unixepoch') AS submitted_at,
        s.path AS file
    FROM report_rows r JOIN submissions s ON s.id = r.submission_id
    WHERE NOT EXISTS (
        SELECT 1 FROM report_rows w JOIN submissions ws ON ws.id = w.submission_id
        WHERE w.report_date = r.report_date AND w.unit_code = r.unit_code AND w.procedure_code = r.procedure_code
          AND (w.submitted_at, ws.received_at, ws.path, w.line, w.submission_id)
              > (r.submitted_at, s.received_at, s.path, r.line, r.submission_id));

    -- One row per computed report day and unit expected that day (every unit active in the registry as
    -- last loaded, provinces included): whether it reported (an accepted row or an empty envelope), whether
    -- its first report came after the day's deadline, and when that was.
    CREATE VIEW unit_days AS
    SELECT report_date, unit_code, province_code,
        first IS NOT NULL AS reported,
        COALESCE(first > due_at, 0) AS late,
        strftime('%Y-%m-%dT%H:%M:%S+07:00', first + 25200, 'unixepoch') AS first_submitted_at
    FROM (
        SELECT d.report_date, d.due_at, u.code AS unit_code, COALESCE(u.parent_code, u.code) AS province_code,
            (SELECT MIN(x.submitted_at) FROM unit_reports x
             WHERE x.report_date = d.report_date AND x.unit_code = u.code) AS first
        FROM report_days d JOIN registry_units u
            ON COALESCE(u.active_from, '') <= d.report_date AND d.report_date <= COALESCE(u.active_to, '9999-12-31')
        WHERE NOT EXISTS (
            SELECT 1 FROM registry_units e
            WHERE e.code = u.code AND e.position < u.position
              AND COALESCE(e.active_from, '') <= d.report_date AND d.report_date <= COALESCE(e.active_to, '9999-12-31')));

    -- Rejects by report date: a dated reject on its date, an undated one (a whole-file reject) on every date
    -- of its file (NULL when the file has none), as each date's rejects.csv lists them; with the unit the row
    -- named, else the one unit the file's accepted rows name.
    CREATE VIEW reject_rows AS
    SELECT report_date, file, line, reason, detail, raw, unit_code,
        (SELECT u.province_code FROM units u WHERE u.code = q.unit_code) AS province_code
    FROM (
        SELECT COALESCE(j.report_date, sd.report_date) AS report_date, j.file, j.line, j.reason, j.detail, j.raw,
            COALESCE(j.unit_code, (
                SELECT MIN(x.unit_code) FROM unit_reports x WHERE x.submission_id = j.submission_id
                HAVING COUNT(DISTINCT x.unit_code) = 1)) AS unit_code
        FROM rejects j LEFT JOIN submission_dates sd ON j.report_date IS NULL AND sd.submission_id = j.submission_id
    ) q;

    -- Late reports with names: the units whose first report for the day came after its deadline.
    CREATE VIEW late_reports AS
    SELECT d.report_date, d.province_code, p.name AS province_name, d.unit_code, u.name AS unit_name,
        d.first_submitted_at,
        strftime('%Y-%m-%dT%H:%M:%S+07:00', r.due_at + 25200, 'unixepoch') AS due_at
    FROM unit_days d
    JOIN report_days r ON r.report_date = d.report_date
    LEFT JOIN units u ON u.code = d.unit_code
    LEFT JOIN units p ON p.code = d.province_code
    WHERE d.late = 1;

    -- Findings with the unit's and province's codes and names.
    CREATE VIEW finding_rows AS
    SELECT f.report_date, u.province_code, p.name AS province_name, f.unit_code, u.name AS unit_name,
        f.procedure_code, f.rule, f.metric, f.value, f.expected, f.score, f.detail
    FROM findings f
    LEFT JOIN units u ON u.code = f.unit_code
    LEFT JOIN units p ON p.code = u.province_code;
    """

    /// What each report day published, for the period reports (contract §6): the national summary's rows, the
    /// procedures' and every expected unit's. Replaced with the day's exports, in the same transaction.
    static let v8 = """
    CREATE TABLE day_scope_figures (
        report_date TEXT NOT NULL,
        position INTEGER NOT NULL,        -- 0: the nation, then provinces in code order
        scope_code TEXT NOT NULL,
        scope_name TEXT NOT NULL,
        expected_reports INTEGER NOT NULL,
        received_reports INTEGER NOT NULL,
        late_reports INTEGER NOT NULL,
        received_online INTEGER NOT NULL,
        received_offline INTEGER NOT NULL,
        resolved_on_time INTEGER NOT NULL,
        resolved_late INTEGER NOT NULL,
        returned INTEGER NOT NULL,
        pending_on_time INTEGER NOT NULL,
        pending_overdue INTEGER NOT NULL,
        anomalies INTEGER NOT NULL,
        PRIMARY KEY (report_date, position)
    ) WITHOUT ROWID;
    CREATE TABLE day_procedure_figures (
        report_date TEXT NOT NULL,
        procedure_code TEXT NOT NULL,
        units_reporting INTEGER NOT NULL,
        received_online INTEGER NOT NULL,
        received_offline INTEGER NOT NULL,
        resolved_on_time INTEGER NOT NULL,
        resolved_late INTEGER NOT NULL,
        returned INTEGER NOT NULL,
        pending_on_time INTEGER NOT NULL,
        pending_overdue INTEGER NOT NULL,
        PRIMARY KEY (report_date, procedure_code)
    ) WITHOUT ROWID;
    CREATE TABLE day_unit_figures (
        report_date TEXT NOT NULL,
        unit_code TEXT NOT NULL,          -- every unit expected that day
        province_code TEXT NOT NULL,
        reported INTEGER NOT NULL,        -- 0 or 1
        late INTEGER NOT NULL,            -- 0 or 1
        anomalies INTEGER NOT NULL,
        PRIMARY KEY (report_date, unit_code)
    ) WITHOUT ROWID;
    """

    /// Why a figure was restated (`late_file`, `correction`, `reingest`, `registry_change`, `recompute`),
    /// so the committee can filter the few real corrections from the many late arrivals.
    static let v9 = """
    ALTER TABLE restatements ADD COLUMN cause TEXT NOT NULL DEFAULT '';
    """

    /// The inbox folders discovery last saw, with their modification time then, so a night skips a folder unchanged
    /// since and older than the horizon (issue #19, docs/DECISIONS.md); and the known files of one folder found
    /// without reading every path (a year is ~860,000).
    static let v10 = """
    CREATE TABLE inbox_folders (
        path TEXT PRIMARY KEY,            -- relative to the inbox, '/'-separated, as shown ('' the inbox itself)
        fs_path BLOB,                     -- the same path as the file system has it (a name may not be UTF-8); NULL: the inbox
        mtime_ns INTEGER NOT NULL         -- its modification time when it was last listed or seen unchanged
    ) WITHOUT ROWID;
    -- A submission's folder: its path up to and including the last '/' ('' at the inbox's root).
    CREATE INDEX submissions_folder ON submissions(rtrim(path, replace(path, '/', '')));
    """

    /// Hashes are looked up through their first 12 hex digits (issue #19): a key in a hash-ordered index lands on a
    /// random page, and with the whole 64-digit hash (twice: `submissions_sha256` and `raw_blobs`' key) a year's
    /// indexes outgrew the page cache, so each commit of a backfill rewrote thousands of random 16 KiB pages and a
    /// night's load read them. The 12-digit keys are a fifth of the size; `raw_blobs` keeps its rows in the order they
    /// were packed, and its one-row-per-hash rule is the code's (`recordRawBlobs`). Every query compares the whole
    /// hash after the prefix, written `+sha256 = ?` where the hash is a constant (otherwise SQLite substitutes the
    /// constant into `substr(sha256, 1, 12)` and no longer sees the index: a full scan).
    static let v11 = """
    DROP INDEX submissions_sha256;
    CREATE INDEX submissions_sha_prefix ON submissions(substr(sha256, 1, 12));
    CREATE TABLE raw_blobs_v11 (
        sha256 TEXT NOT NULL,
        pack TEXT NOT NULL,
        offset INTEGER NOT NULL,
        length INTEGER NOT NULL
    );
    INSERT INTO raw_blobs_v11 (sha256, pack, offset, length) SELECT sha256, pack, offset, length FROM raw_blobs ORDER BY pack, offset;
    DROP TABLE raw_blobs;
    ALTER TABLE raw_blobs_v11 RENAME TO raw_blobs;
    CREATE INDEX raw_blobs_sha_prefix ON raw_blobs(substr(sha256, 1, 12));
    """

    /// Hashes in two tiers (issue #19): a hash recorded since the last settling is in tier 1 (`hash_tier = 1`), all
    /// others in tier 0. The indexes lead with the tier, so a night's new hashes land among the few thousand of
    /// tier 1 instead of on random pages of a year's index (which each night rewrote almost whole: WAL, checkpoint,
    /// page cache). `settleHashes()` moves tier 1 into tier 0 now and then (a backfill, the weekly full scan, a tier 1
    /// past its bound). Every lookup asks both tiers: `hash_tier IN (0, 1)`.
    static let v12 = """
    ALTER TABLE submissions ADD COLUMN hash_tier INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE raw_blobs ADD COLUMN hash_tier INTEGER NOT NULL DEFAULT 0;
    DROP INDEX submissions_sha_prefix;
    CREATE INDEX submissions_sha_tier ON submissions(hash_tier, substr(sha256, 1, 12));
    DROP INDEX raw_blobs_sha_prefix;
    CREATE INDEX raw_blobs_sha_tier ON raw_blobs(hash_tier, substr(sha256, 1, 12));
    """

    /// A file's unit reports by the file: `reject_rows` finds the one unit a wholly rejected file names through them,
    /// which scanned every unit report of the warehouse once per reject (a year with 2,088 such rejects: one
    /// province's rejects of a day took 112 s to list, 0.03 s with this index).
    static let v13 = """
    CREATE INDEX unit_reports_submission ON unit_reports(submission_id);
    """
}

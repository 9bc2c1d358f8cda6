import CSQLite
import ReportModel

/// The warehouse schema, as an ordered list of SQL scripts; `PRAGMA user_version` counts those applied.
///
/// Never edit a script once released: append a new one.
public enum Migrations {
    /// The scripts, in order; script `i` brings the schema to version `i + 1`.
    public static let all: [String] = [v1, v2, v3, v4, v5, v6]

    /// The schema version this build writes.
    public static var latestVersion: Int { all.count }

    /// Applies the scripts not yet applied, each in its own transaction.
    public static func migrate(_ db: SQLiteConnection) throws {
        let current = try version(of: db)
        guard current <= all.count else {
            throw ReportError(.usage, "The warehouse was written by a newer version of dailyreports (schema \(current), this one knows \(all.count)); use a newer build.",
                              location: db.path)
        }
        for (i, script) in all.enumerated().dropFirst(current) {
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
}

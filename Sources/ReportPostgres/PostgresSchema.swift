/// The PostgreSQL schema `dailyreports`, as an ordered list of scripts; `dailyreports.schema_version` counts those applied.
///
/// Never edit a script once released: append a new one. Tables carry the names and columns of the SQLite
/// warehouse's views and of the daily CSV files (docs/WAREHOUSE.md).
public enum PostgresSchema {
    /// The scripts, in order; script `i` brings the schema to version `i + 1`.
    public static let all: [String] = [v1]

    /// Creates the schema or applies the scripts it lacks, in one transaction (concurrent publishers wait on the lock).
    public static func migrate(_ pg: PostgresConnection) throws {
        try pg.transaction {
            try pg.execute("""
                CREATE SCHEMA IF NOT EXISTS dailyreports;
                CREATE TABLE IF NOT EXISTS dailyreports.schema_version (version integer NOT NULL);
                LOCK TABLE dailyreports.schema_version IN EXCLUSIVE MODE;
                """)
            let found = try pg.query("SELECT max(version) FROM dailyreports.schema_version").first?.first ?? nil
            let current = found.flatMap { Int($0) } ?? 0
            for (i, script) in all.enumerated().dropFirst(current) {
                try pg.execute(script)
                try pg.execute("INSERT INTO dailyreports.schema_version (version) VALUES (\(i + 1))")
            }
        }
    }

    /// Column lists of the tables a date's publication replaces, in COPY order.
    static let columns: [String: [String]] = [
        "current_rows": ["report_date", "unit_code", "province_code", "procedure_code", "received_online", "received_offline",
                         "resolved_on_time", "resolved_late", "returned", "pending_on_time", "pending_overdue",
                         "submitted_at", "file"],
        "unit_days": ["report_date", "unit_code", "province_code", "reported", "late", "first_submitted_at"],
        "reject_rows": ["report_date", "file", "line", "reason", "detail", "raw", "unit_code", "province_code"],
        "findings": ["report_date", "unit_code", "procedure_code", "rule", "metric", "value", "expected", "score", "detail"],
        "national_summary": ["report_date", "scope_code", "scope_name", "expected_reports", "received_reports", "late_reports",
                             "missing_reports", "completeness_pct", "timeliness_pct", "received_online", "received_offline",
                             "resolved_on_time", "resolved_late", "returned", "pending_on_time", "pending_overdue",
                             "online_rate_pct", "on_time_resolution_pct", "anomalies"],
        "procedure_summary": ["report_date", "procedure_code", "procedure_name", "units_reporting", "received_online",
                              "received_offline", "resolved_on_time", "resolved_late", "returned", "pending_on_time",
                              "pending_overdue"],
        "registry_units": ["code", "name", "level", "parent_code", "kind", "aliases", "active_from", "active_to", "position"],
        "registry_procedures": ["code", "name", "field", "level", "priority", "max_days"],
        "registry_contacts": ["unit_code", "full_name", "title", "phone", "email", "active_from", "active_to", "position"],
        "registry_calendar": ["date", "name", "kind"],
    ]

    static let v1 = """
    CREATE TABLE dailyreports.registry_units (
        code text NOT NULL, name text NOT NULL, level text NOT NULL, parent_code text, kind text NOT NULL,
        aliases text NOT NULL, active_from date, active_to date, position integer NOT NULL);
    CREATE TABLE dailyreports.registry_procedures (
        code text PRIMARY KEY, name text NOT NULL, field text NOT NULL, level text NOT NULL, priority integer NOT NULL,
        max_days integer);
    CREATE TABLE dailyreports.registry_contacts (
        unit_code text NOT NULL, full_name text NOT NULL, title text NOT NULL, phone text NOT NULL, email text NOT NULL,
        active_from date, active_to date, position integer NOT NULL);
    CREATE TABLE dailyreports.registry_calendar (date date PRIMARY KEY, name text NOT NULL, kind text NOT NULL);

    CREATE TABLE dailyreports.current_rows (
        report_date date NOT NULL, unit_code text NOT NULL, province_code text, procedure_code text NOT NULL,
        received_online bigint NOT NULL, received_offline bigint NOT NULL, resolved_on_time bigint NOT NULL,
        resolved_late bigint NOT NULL, returned bigint NOT NULL, pending_on_time bigint NOT NULL,
        pending_overdue bigint NOT NULL, submitted_at timestamptz NOT NULL, file text NOT NULL);
    CREATE INDEX current_rows_date ON dailyreports.current_rows (report_date, province_code);
    CREATE INDEX current_rows_unit ON dailyreports.current_rows (unit_code, report_date);

    CREATE TABLE dailyreports.unit_days (
        report_date date NOT NULL, unit_code text NOT NULL, province_code text NOT NULL,
        reported smallint NOT NULL, late smallint NOT NULL, first_submitted_at timestamptz,
        PRIMARY KEY (report_date, unit_code));
    CREATE INDEX unit_days_unit ON dailyreports.unit_days (unit_code, report_date);

    -- report_date is NULL for a reject whose file has no report date at all.
    CREATE TABLE dailyreports.reject_rows (
        report_date date, file text NOT NULL, line integer NOT NULL, reason text NOT NULL, detail text NOT NULL,
        raw text NOT NULL, unit_code text, province_code text);
    CREATE INDEX reject_rows_date ON dailyreports.reject_rows (report_date, province_code);

    CREATE TABLE dailyreports.findings (
        report_date date NOT NULL, unit_code text NOT NULL, procedure_code text NOT NULL, rule text NOT NULL,
        metric text NOT NULL, value text NOT NULL, expected text NOT NULL, score text NOT NULL, detail text NOT NULL);
    CREATE INDEX findings_date ON dailyreports.findings (report_date);

    CREATE TABLE dailyreports.national_summary (
        report_date date NOT NULL, scope_code text NOT NULL, scope_name text NOT NULL,
        expected_reports integer NOT NULL, received_reports integer NOT NULL, late_reports integer NOT NULL,
        missing_reports integer NOT NULL, completeness_pct numeric(5,1), timeliness_pct numeric(5,1),
        received_online bigint NOT NULL, received_offline bigint NOT NULL, resolved_on_time bigint NOT NULL,
        resolved_late bigint NOT NULL, returned bigint NOT NULL, pending_on_time bigint NOT NULL,
        pending_overdue bigint NOT NULL, online_rate_pct numeric(5,1), on_time_resolution_pct numeric(5,1),
        anomalies integer NOT NULL, PRIMARY KEY (report_date, scope_code));

    CREATE TABLE dailyreports.procedure_summary (
        report_date date NOT NULL, procedure_code text NOT NULL, procedure_name text NOT NULL,
        units_reporting integer NOT NULL, received_online bigint NOT NULL, received_offline bigint NOT NULL,
        resolved_on_time bigint NOT NULL, resolved_late bigint NOT NULL, returned bigint NOT NULL,
        pending_on_time bigint NOT NULL, pending_overdue bigint NOT NULL, PRIMARY KEY (report_date, procedure_code));

    -- Which run's computation of each date is published here: a date is owed when the warehouse holds a later one.
    CREATE TABLE dailyreports.publications (
        report_date date PRIMARY KEY, run_id bigint NOT NULL, published_at timestamptz NOT NULL DEFAULT now());
    """
}

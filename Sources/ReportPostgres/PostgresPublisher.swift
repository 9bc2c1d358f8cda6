import ReportModel
import ReportWarehouse

/// Copies the warehouse's published state into PostgreSQL's schema `dailyreports` (contract §8): the registries,
/// then each date computed since its last publication, one transaction per date, with COPY.
public struct PostgresPublisher {
    public let warehouse: Warehouse
    public let postgres: PostgresConnection

    public init(warehouse: Warehouse, postgres: PostgresConnection) {
        self.warehouse = warehouse
        self.postgres = postgres
    }

    /// Publishes what is owed: every date whose latest computation (run) is not the one PostgreSQL holds.
    /// A publication killed half-way leaves whole dates only; the next one publishes the rest.
    public func publish(progress: ((Day) -> Void)? = nil) throws -> PublishReport {
        try PostgresSchema.migrate(postgres)
        var report = PublishReport()
        report.registryRows = try publishRegistries()
        for (day, runId) in try owedDates() {
            progress?(day)
            let rows = try publish(day, runId: runId)
            report.dates.append(day)
            for (table, n) in rows { report.rows[table, default: 0] += n }
        }
        return report
    }

    /// Dates computed in the warehouse whose run differs from the one PostgreSQL published, ascending.
    public func owedDates() throws -> [(Day, Int64)] {
        var published: [String: Int64] = [:]
        for row in try postgres.query("SELECT report_date::text, run_id::text FROM dailyreports.publications") {
            if let d = row[0], let r = row[1].flatMap({ Int64($0) }) { published[d] = r }
        }
        let s = try warehouse.db.prepare("""
            SELECT report_date, run_id FROM published WHERE name = 'national_summary.csv' AND run_id IS NOT NULL ORDER BY 1
            """)
        var c = s.cursor { s in (s.string(0), s.int64(1)) }
        var owed: [(Day, Int64)] = []
        while let (iso, run) = try c.next() {
            if published[iso] == run { continue }
            guard let day = Day(iso: iso) else { throw ReportError(.damaged, vi: "kho ghi một lần công bố cho \"\(iso)\", không phải là ngày", en: "the warehouse records a publication for \"\(iso)\", which is not a date", location: warehouse.path) }
            owed.append((day, run))
        }
        return owed
    }

    /// The registries and the rejects of files without a report date, replaced whole in one transaction.
    func publishRegistries() throws -> Int {
        let tables: [(String, String)] = [
            ("registry_units", "SELECT code, name, level, parent_code, kind, aliases, active_from, active_to, position FROM registry_units ORDER BY position"),
            ("registry_procedures", "SELECT code, name, field, level, priority, max_days FROM registry_procedures ORDER BY code"),
            ("registry_contacts", "SELECT unit_code, full_name, title, phone, email, active_from, active_to, position FROM registry_contacts ORDER BY position"),
            ("registry_calendar", "SELECT date, name, kind FROM registry_calendar ORDER BY date"),
        ]
        let buffers = try readSnapshot {
            var out = try tables.map { ($0.0, try copyRows($0.1)) }
            out.append(("reject_rows", try copyRows("\(Self.rejectRowsQuery) WHERE report_date IS NULL ORDER BY file, line")))
            return out
        }
        return try postgres.transaction {
            try postgres.execute(tables.map { "DELETE FROM dailyreports.\($0.0);" }.joined()
                                 + "DELETE FROM dailyreports.reject_rows WHERE report_date IS NULL;")
            var n = 0
            for (table, buffer) in buffers {
                try copy(table, buffer)
                n += buffer.rowCount
            }
            return n
        }
    }

    /// One date: its rows read from one SQLite snapshot, then replaced in PostgreSQL in one transaction.
    func publish(_ day: Day, runId: Int64) throws -> [String: Int] {
        let d = day.iso
        let buffers: [(String, CopyBuffer)] = try readSnapshot {
            // The run that computed the date, read in the same snapshot as its rows.
            let again = try warehouse.db.prepare("SELECT run_id FROM published WHERE report_date = ?1 AND name = 'national_summary.csv'")
            again.bind(1, d)
            defer { again.reset() }
            guard try again.step(), again.int64(0) == runId else {
                throw ReportError(.tryLater, vi: "kho vừa tính lại ngày \(d) trong lúc công bố; hãy công bố lại", en: "the warehouse recomputed \(d) while it was being published; publish again")
            }
            return [
                ("current_rows", try copyRows("""
                    SELECT * FROM current_rows WHERE report_date = ?1 ORDER BY unit_code, procedure_code
                    """, d)),
                ("unit_days", try copyRows("SELECT * FROM unit_days WHERE report_date = ?1 ORDER BY unit_code", d)),
                ("reject_rows", try copyRows("\(Self.rejectRowsQuery) WHERE report_date = ?1 ORDER BY file, line", d)),
                ("findings", try copyRows("""
                    SELECT report_date, unit_code, procedure_code, rule, metric, value, expected, score, detail
                    FROM findings WHERE report_date = ?1 ORDER BY rowid
                    """, d)),
                ("national_summary", try nationalSummary(d)),
                ("procedure_summary", try copyRows(Self.procedureSummaryQuery, d)),
            ]
        }
        return try postgres.transaction {
            try postgres.execute(buffers.map { "DELETE FROM dailyreports.\($0.0) WHERE report_date = '\(d)';" }.joined())
            var rows: [String: Int] = [:]
            for (table, buffer) in buffers {
                try copy(table, buffer)
                rows[table] = buffer.rowCount
            }
            _ = try postgres.query("""
                INSERT INTO dailyreports.publications (report_date, run_id, published_at) VALUES ($1, $2, now())
                ON CONFLICT (report_date) DO UPDATE SET run_id = excluded.run_id, published_at = excluded.published_at
                """, [d, String(runId)])
            return rows
        }
    }

    /// The published national_summary.csv of `day`, kept in the warehouse, as COPY rows.
    func nationalSummary(_ day: String) throws -> CopyBuffer {
        let s = try warehouse.db.prepare("SELECT content FROM published WHERE report_date = ?1 AND name = 'national_summary.csv'")
        s.bind(1, day)
        defer { s.reset() }
        var buffer = CopyBuffer()
        guard try s.step(), !s.isNull(0) else { return buffer }
        let records = CSVRecords.parse(s.blob(0))
        let width = PostgresSchema.columns["national_summary"]!.count
        guard records.first?.count == width else {
            throw ReportError(.damaged, vi: "bảng tổng hợp toàn quốc lưu cho \(day) không có đủ \(width) cột của hợp đồng dữ liệu", en: "the national summary kept for \(day) does not have the contract's \(width) columns", location: warehouse.path)
        }
        for record in records.dropFirst() {
            guard record.count == width else {
                throw ReportError(.damaged, vi: "một dòng của bảng tổng hợp toàn quốc lưu cho \(day) có \(record.count) trường, không phải \(width)", en: "a row of the national summary kept for \(day) has \(record.count) fields, not \(width)", location: warehouse.path)
            }
            // An empty percentage is "nothing to divide by": NULL.
            for field in record { buffer.field(field.isEmpty ? nil : field) }
            buffer.endRow()
        }
        return buffer
    }

    private func copy(_ table: String, _ buffer: CopyBuffer) throws {
        guard buffer.rowCount > 0 else { return }
        try postgres.copy(into: "dailyreports.\(table)", columns: PostgresSchema.columns[table]!, body: buffer.bytes)
    }

    /// The rows of a SQLite query, every column as text (NULL kept), as COPY rows.
    private func copyRows(_ sql: String, _ parameter: String? = nil) throws -> CopyBuffer {
        let s = try warehouse.db.prepare(sql)
        if let parameter { s.bind(1, parameter) }
        defer { s.reset() }
        let n = s.columnCount
        var buffer = CopyBuffer()
        while try s.step() {
            for i in 0..<n { buffer.field(s.optionalString(i)) }
            buffer.endRow()
        }
        return buffer
    }

    /// Runs `body` in one SQLite read transaction, so a date's tables agree with each other.
    private func readSnapshot<T>(_ body: () throws -> T) throws -> T {
        try warehouse.db.execute("BEGIN")
        defer { try? warehouse.db.execute("COMMIT") }
        return try body()
    }

    static let rejectRowsQuery = "SELECT report_date, file, line, reason, detail, raw, unit_code, province_code FROM reject_rows"

    /// procedure_summary.csv's rows for a date, from the winning rows (every registered procedure, zeros included).
    static let procedureSummaryQuery = """
        SELECT ?1, p.code, p.name, COUNT(c.unit_code),
            COALESCE(SUM(c.received_online), 0), COALESCE(SUM(c.received_offline), 0),
            COALESCE(SUM(c.resolved_on_time), 0), COALESCE(SUM(c.resolved_late), 0), COALESCE(SUM(c.returned), 0),
            COALESCE(SUM(c.pending_on_time), 0), COALESCE(SUM(c.pending_overdue), 0)
        FROM registry_procedures p LEFT JOIN current_rows c ON c.procedure_code = p.code AND c.report_date = ?1
        GROUP BY p.code ORDER BY p.code
        """
}

import ReportModel

/// `national_summary.csv`: the nation (`VN`), then each province in code order.
public struct NationalSummaryCSV: DayExporter {
    public let fileName = "national_summary.csv"
    public static let header = [
        "report_date", "scope_code", "scope_name", "expected_reports", "received_reports", "late_reports",
        "missing_reports", "completeness_pct", "timeliness_pct", "received_online", "received_offline",
        "resolved_on_time", "resolved_late", "returned", "pending_on_time", "pending_overdue", "online_rate_pct",
        "on_time_resolution_pct", "anomalies",
    ]

    public init() {}

    public func render(_ input: DayExportInput) throws -> [UInt8] {
        var w = CSVWriter(header: Self.header)
        for row in Self.rows(day: input.aggregate.day, scopes: input.aggregate.scopes) { w.append(row: row) }
        return w.bytes
    }

    /// The rows of `scopes` (also the workbooks' `Tổng hợp`).
    static func rows(day: Day, scopes: [ScopeSummary]) -> [[CSVField]] {
        let date = day.iso
        return scopes.map { s in
            let scope: [CSVField] = [.text(date), .text(s.scopeCode), .text(s.scopeName)]
            return scope + s.reportFields + s.flowFields
        }
    }
}

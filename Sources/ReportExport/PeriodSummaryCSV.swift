import ReportModel

/// `period_summary.csv`: the nation (`VN`), then each province in code order, over the period's report days.
public struct PeriodSummaryCSV: PeriodExporter {
    public let fileName = "period_summary.csv"
    public static let header = [
        "period", "first_day", "last_day", "report_days", "scope_code", "scope_name", "expected_reports",
        "received_reports", "late_reports", "missing_reports", "completeness_pct", "timeliness_pct",
        "units_expected_every_day", "units_reporting_every_day", "received_online", "received_offline",
        "resolved_on_time", "resolved_late", "returned", "pending_on_time", "pending_overdue", "online_rate_pct",
        "on_time_resolution_pct", "anomalies",
    ]

    public init() {}

    public func render(_ input: PeriodExportInput) throws -> [UInt8] {
        var w = CSVWriter(header: Self.header)
        for row in Self.rows(input.aggregate) { w.append(row: row) }
        return w.bytes
    }

    /// The rows of the period (also the workbook's `Tổng hợp`).
    static func rows(_ a: PeriodAggregate) -> [[CSVField]] {
        a.scopes.map { p in
            let s = p.summary
            let scope: [CSVField] = [.text(a.period.name), .text(a.firstDay.iso), .text(a.lastDay.iso), .number(a.days.count),
                                     .text(s.scopeCode), .text(s.scopeName)]
            let everyDay: [CSVField] = [.number(p.unitsExpectedEveryDay), .number(p.unitsReportingEveryDay)]
            return scope + s.reportFields + everyDay + s.flowFields
        }
    }
}

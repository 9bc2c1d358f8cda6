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
        a.scopes.map { s in
            let c = s.counts
            return [
                .text(a.period.name), .text(a.firstDay.iso), .text(a.lastDay.iso), .number(a.days.count),
                .text(s.scopeCode), .text(s.scopeName), .number(s.expected), .number(s.received), .number(s.late),
                .number(s.missing),
                .text(Percent.format(numerator: s.received, denominator: s.expected)),
                .text(Percent.format(numerator: s.received - s.late, denominator: s.expected)),
                .number(s.unitsExpectedEveryDay), .number(s.unitsReportingEveryDay),
                .number(c.receivedOnline), .number(c.receivedOffline), .number(c.resolvedOnTime), .number(c.resolvedLate),
                .number(c.returned), .number(c.pendingOnTime), .number(c.pendingOverdue),
                .text(Percent.format(numerator: c.receivedOnline, denominator: c.received)),
                .text(Percent.format(numerator: c.resolvedOnTime, denominator: c.resolved)),
                .number(s.anomalies),
            ]
        }
    }
}

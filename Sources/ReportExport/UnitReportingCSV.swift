import ReportModel

/// `unit_reporting.csv`: every unit active on any report day of the period, by code.
public struct UnitReportingCSV: PeriodExporter {
    public let fileName = "unit_reporting.csv"
    public static let header = [
        "period", "province_code", "province_name", "unit_code", "unit_name", "expected_reports", "received_reports",
        "late_reports", "missing_reports", "longest_missing_run", "anomalies",
    ]

    public init() {}

    public func render(_ input: PeriodExportInput) throws -> [UInt8] {
        var w = CSVWriter(header: Self.header)
        for row in Self.rows(input.aggregate) { w.append(row: row) }
        return w.bytes
    }

    /// The rows of the period's units (also the workbook's `Đơn vị`).
    static func rows(_ a: PeriodAggregate) -> [[CSVField]] {
        a.units.map { u in
            [
                .text(a.period.name), .text(u.provinceCode), .text(u.provinceName), .text(u.unitCode), .text(u.unitName),
                .number(u.expected), .number(u.received), .number(u.late), .number(u.missing),
                .number(u.longestMissingRun), .number(u.anomalies),
            ]
        }
    }
}

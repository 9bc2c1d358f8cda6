import ReportModel

/// `missing_reports.csv`: units expected on the day without a report, with the contact point in force.
public struct MissingReportsCSV: DayExporter {
    public let fileName = "missing_reports.csv"
    public static let header = [
        "report_date", "province_code", "province_name", "unit_code", "unit_name", "contact_name", "contact_phone",
        "contact_email",
    ]

    public init() {}

    public func render(_ input: DayExportInput) throws -> [UInt8] {
        var w = CSVWriter(header: Self.header)
        for row in Self.rows(day: input.aggregate.day, missing: input.aggregate.missing) { w.append(row: row) }
        return w.bytes
    }

    /// The rows of `missing` (also the workbooks' `Chưa báo cáo`).
    static func rows(day: Day, missing: [MissingReport]) -> [[CSVField]] {
        let date = day.iso
        return missing.map { m in
            [
                .text(date), .text(m.province.code), .text(m.province.name), .text(m.unit.code), .text(m.unit.name),
                .untrusted(m.contact?.fullName ?? ""), .untrusted(m.contact?.phone ?? ""), .untrusted(m.contact?.email ?? ""),
            ]
        }
    }
}

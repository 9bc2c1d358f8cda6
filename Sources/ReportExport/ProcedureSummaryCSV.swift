import ReportModel

/// `procedure_summary.csv`: every procedure of the registry in code order, zeros included.
public struct ProcedureSummaryCSV: DayExporter {
    public let fileName = "procedure_summary.csv"
    public static let header = [
        "report_date", "procedure_code", "procedure_name", "units_reporting", "received_online", "received_offline",
        "resolved_on_time", "resolved_late", "returned", "pending_on_time", "pending_overdue",
    ]

    public init() {}

    public func render(_ input: DayExportInput) throws -> [UInt8] {
        var w = CSVWriter(header: Self.header)
        for row in Self.rows(day: input.aggregate.day, procedures: input.aggregate.procedures) { w.append(row: row) }
        return w.bytes
    }

    /// The rows of `procedures` (also the workbooks' `Thủ tục`).
    static func rows(day: Day, procedures: [ProcedureSummary]) -> [[CSVField]] {
        let date = day.iso
        return procedures.map { p in
            [.text(date), .text(p.procedure.code), .text(p.procedure.name), .number(p.unitsReporting)]
                + p.counts.array.map(CSVField.number)
        }
    }
}

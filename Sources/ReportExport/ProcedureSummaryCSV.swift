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
        let date = input.aggregate.day.iso
        for p in input.aggregate.procedures {
            w.append(row: [.text(date), .text(p.procedure.code), .text(p.procedure.name), .number(p.unitsReporting)]
                + p.counts.array.map(CSVField.number))
        }
        return w.bytes
    }
}

import ReportModel

/// `anomalies.csv`: the day's findings of the data-quality checks.
public struct AnomaliesCSV: DayExporter {
    public let fileName = "anomalies.csv"
    public static let header = ["report_date", "unit_code", "procedure_code", "rule", "metric", "value", "expected", "score", "detail"]

    public init() {}

    public func render(_ input: DayExportInput) throws -> [UInt8] {
        var w = CSVWriter(header: Self.header)
        for row in Self.rows(findings: input.findings) { w.append(row: row) }
        return w.bytes
    }

    /// The rows of `findings` (also the workbooks' `Bất thường`).
    static func rows(findings: [Finding]) -> [[CSVField]] {
        findings.map { f in
            [
                .text(f.reportDate.iso), .text(f.unitCode), .text(f.procedureCode), .text(f.rule.rawValue), .text(f.metric),
                // Figures are the program's own; only a reporter's label (and every detail) comes from a submission.
                f.rule == .unregisteredReporter ? .untrusted(f.value) : .text(f.value), .text(f.expected), .text(f.score),
                .untrusted(f.detail),
            ]
        }
    }
}

import ReportModel

/// `anomalies.csv`: the day's findings of the data-quality checks.
public struct AnomaliesCSV: DayExporter {
    public let fileName = "anomalies.csv"
    public static let header = ["report_date", "unit_code", "procedure_code", "rule", "metric", "value", "expected", "score", "detail"]

    public init() {}

    public func render(_ input: DayExportInput) throws -> [UInt8] {
        var w = CSVWriter(header: Self.header)
        for f in input.findings {
            w.append(row: [
                .text(f.reportDate.iso), .text(f.unitCode), .text(f.procedureCode), .text(f.rule.rawValue), .text(f.metric),
                .untrusted(f.value), .untrusted(f.expected), .untrusted(f.score), .untrusted(f.detail),
            ])
        }
        return w.bytes
    }
}

import ReportModel

/// `rejects.csv`: every rejected row or file that belongs to the day.
public struct RejectsCSV: DayExporter {
    public let fileName = "rejects.csv"
    public static let header = ["file", "line", "reason", "detail", "raw"]

    public init() {}

    public func render(_ input: DayExportInput) throws -> [UInt8] {
        var w = CSVWriter(header: Self.header)
        for r in input.rejects {
            w.append(row: [.untrusted(r.file), .number(r.line), .text(r.reason.rawValue), .untrusted(r.detail), .untrusted(r.raw)])
        }
        return w.bytes
    }
}

import ReportModel

/// `rejects.csv`: every rejected row or file that belongs to the day.
public struct RejectsCSV: DayExporter {
    public let fileName = "rejects.csv"
    public static let header = ["file", "line", "reason", "detail", "raw"]

    public init() {}

    public func render(_ input: DayExportInput) throws -> [UInt8] {
        var w = CSVWriter(header: Self.header)
        for row in Self.rows(rejects: input.rejects) { w.append(row: row) }
        return w.bytes
    }

    /// The rows of `rejects` (also the workbooks' `Bị từ chối`).
    static func rows(rejects: [Reject]) -> [[CSVField]] {
        rejects.map { r in [.untrusted(r.file), .number(r.line), .text(r.reason.rawValue), .untrusted(r.detail), .untrusted(r.raw)] }
    }
}

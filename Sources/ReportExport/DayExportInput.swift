import ReportModel

/// Everything the exports of one report day are made from.
public struct DayExportInput: Sendable {
    public var aggregate: DayAggregate
    /// Sorted by unit, procedure, rule, metric.
    public var findings: [Finding]
    /// Sorted by file, line, reason.
    public var rejects: [Reject]
    public var run: RunInfo

    public init(aggregate: DayAggregate, findings: [Finding], rejects: [Reject], run: RunInfo) {
        self.aggregate = aggregate; self.findings = findings; self.rejects = rejects; self.run = run
    }
}

/// The run that wrote an export, and the inputs it read, for `summary.json`.
public struct RunInfo: Sendable, Codable {
    public struct Input: Sendable, Codable, Hashable {
        public var path: String
        public var sha256: String
        public init(path: String, sha256: String) { self.path = path; self.sha256 = sha256 }
    }

    public var id: Int64
    public var command: String
    public var startedAt: String
    /// Registry files and the day's submissions.
    public var inputs: [Input]

    public init(id: Int64, command: String, startedAt: String, inputs: [Input]) {
        self.id = id; self.command = command; self.startedAt = startedAt; self.inputs = inputs
    }
}

/// One file of a report day's export folder; CSV, JSON and HTML are the forms.
public protocol DayExporter: Sendable {
    var fileName: String { get }
    func render(_ input: DayExportInput) throws -> [UInt8]
}

/// The exporters of a report day, in the order their files are written.
public enum DayExporters {
    public static let csv: [any DayExporter] = [
        NationalSummaryCSV(), ProcedureSummaryCSV(), MissingReportsCSV(), AnomaliesCSV(), RejectsCSV(),
    ]
    public static let all: [any DayExporter] = csv + [SummaryJSON(), ReportHTML()]
}

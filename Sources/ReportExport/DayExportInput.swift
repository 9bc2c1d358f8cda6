import ReportModel

/// Everything the exports of one report day are made from.
public struct DayExportInput: Sendable {
    public var aggregate: DayAggregate
    /// Sorted by unit, procedure, rule, metric.
    public var findings: [Finding]
    /// Sorted by file, line, reason.
    public var rejects: [Reject]
    public var run: RunInfo
    /// `provisional` when the run started before the day's deadline (contract §3 "Publication status").
    public var publication: Publication
    /// The day's deadline, for the page's publication note; nil when unknown.
    public var deadline: Timestamp?
    /// The language of the text a person reads (pages, workbooks).
    public var language: Language

    public init(aggregate: DayAggregate, findings: [Finding], rejects: [Reject], run: RunInfo,
                publication: Publication = .final, deadline: Timestamp? = nil, language: Language = .vi) {
        self.aggregate = aggregate; self.findings = findings; self.rejects = rejects; self.run = run
        self.publication = publication; self.deadline = deadline; self.language = language
    }
}

/// Whether a date's exports may still change with reports not yet due (contract §3).
public enum Publication: String, Sendable, Codable {
    /// Written by a run that started before the date's deadline.
    case provisional
    /// Written by a run that started after it.
    case final

    /// The status of exports for a day due at `deadline`, written by a run started at `started`.
    public init(started: Timestamp, deadline: Timestamp) {
        self = started < deadline ? .provisional : .final
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
    /// The version of dailyreports that wrote the file (`1.2.0 (commit)`).
    public var version: String?

    public init(id: Int64, command: String, startedAt: String, inputs: [Input], version: String? = nil) {
        self.id = id; self.command = command; self.startedAt = startedAt; self.inputs = inputs; self.version = version
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

import ReportModel

/// One invocation of the command line, as recorded in `runs`.
public struct RunRecord: Sendable, Hashable {
    public var id: Int64
    public var command: String
    public var arguments: [String]
    public var startedAt: Timestamp
    /// Nil while the run is going on (or if it died).
    public var finishedAt: Timestamp?
    /// `running` until finished; then what the caller wrote (`ok`, `failed`, …).
    public var outcome: String
    public var filesNew: Int
    public var rowsAccepted: Int
    public var rowsRejected: Int

    public init(id: Int64, command: String, arguments: [String], startedAt: Timestamp, finishedAt: Timestamp?,
                outcome: String, filesNew: Int, rowsAccepted: Int, rowsRejected: Int) {
        self.id = id; self.command = command; self.arguments = arguments; self.startedAt = startedAt
        self.finishedAt = finishedAt; self.outcome = outcome; self.filesNew = filesNew
        self.rowsAccepted = rowsAccepted; self.rowsRejected = rowsRejected
    }
}

import ReportModel

/// A published figure that changed when its date was recomputed.
public struct Restatement: Sendable, Hashable {
    public var at: Timestamp
    public var reportDate: Day
    /// Where the figure lives, e.g. `VN`, a province code, or a procedure code.
    public var scope: String
    /// Which figure, e.g. `received_reports`.
    public var figure: String
    public var oldValue: String?
    public var newValue: String?
    /// The run that recorded it (nil in a warehouse older than the column, or before it is recorded).
    public var runId: Int64?
    /// Why it changed; see `Cause`.
    public var cause: String

    /// Why a published figure changed.
    public enum Cause: String, Sendable, CaseIterable {
        /// Files for the date arrived after it was published, from units that had not reported it.
        case lateFile = "late_file"
        /// A unit sent a new file for a date it had already reported (the new one supersedes).
        case correction
        /// `backfill --reingest` normalized the date's kept files again.
        case reingest
        /// The registries changed (a unit renamed, moved, added), and with them the sums.
        case registryChange = "registry_change"
        /// Recomputed with no new data: an earlier day's history changed the checks, or a killed run was finished.
        case recompute
    }

    public init(at: Timestamp, reportDate: Day, scope: String, figure: String, oldValue: String?, newValue: String?,
                runId: Int64? = nil, cause: String = "") {
        self.at = at; self.reportDate = reportDate; self.scope = scope; self.figure = figure
        self.oldValue = oldValue; self.newValue = newValue; self.runId = runId; self.cause = cause
    }
}

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

    public init(at: Timestamp, reportDate: Day, scope: String, figure: String, oldValue: String?, newValue: String?) {
        self.at = at; self.reportDate = reportDate; self.scope = scope; self.figure = figure
        self.oldValue = oldValue; self.newValue = newValue
    }
}

import ReportModel

/// Settings of the checks (from the pipeline file).
public struct CheckSettings: Sendable, Equatable {
    /// Report days of history before D the outlier rule looks at.
    public var outlierWindow = 28
    /// No outlier flag with fewer history values than this.
    public var outlierMinHistory = 7
    /// Same-weekday values needed to use their median as the expectation.
    public var outlierMinSameWeekday = 3
    /// Flag when |x − expected| / scale exceeds this…
    public var outlierThreshold = 3.5
    /// …and x is at least this many dossiers away from the expectation.
    public var outlierMinDifference = 5
    /// The language of the findings' `detail` (contract §4 "Language"); codes and metrics never change.
    public var language: Language = .vi

    /// The contract's defaults.
    public init() {}
}

import ReportModel

/// The nation's dossier counts on one report day, for the trend chart of `report.html`.
public struct TrendPoint: Sendable, Hashable {
    public var day: Day
    /// received_online + received_offline.
    public var received: Int
    /// resolved_on_time + resolved_late.
    public var resolved: Int
    /// pending_on_time + pending_overdue.
    public var pending: Int

    /// Reports expected, received, and received after the deadline (0 when unknown).
    public var expectedReports: Int
    public var receivedReports: Int
    public var lateReports: Int

    public init(day: Day, received: Int, resolved: Int, pending: Int,
                expectedReports: Int = 0, receivedReports: Int = 0, lateReports: Int = 0) {
        self.day = day; self.received = received; self.resolved = resolved; self.pending = pending
        self.expectedReports = expectedReports; self.receivedReports = receivedReports; self.lateReports = lateReports
    }

    /// The point of a national `ScopeSummary` on `day`.
    public init(day: Day, national: ScopeSummary) {
        self.init(day: day, received: national.counts.received, resolved: national.counts.resolved,
                  pending: national.counts.pending, expectedReports: national.expected,
                  receivedReports: national.received, lateReports: national.late)
    }
}

/// What `report.html` shows besides the day's `DayExportInput`: the trend and the previous report day.
public struct ReportHTMLContext: Sendable {
    /// National counts of recent report days, in any order; the last 30 up to the page's day are drawn.
    /// The page's own day is added from its national summary when missing.
    public var trend: [TrendPoint]
    /// The previous report day's national summary (`scope_code` `VN`), anomalies included; nil when none.
    public var previous: ScopeSummary?
    /// The previous report day, for the label of the changes; optional.
    public var previousDay: Day?
    /// Unit names by code for the anomaly table (codes without a name are shown bare).
    public var unitNames: [String: String]
    /// Unit code → its province's code, to place findings and rejects in their province.
    public var provinceOf: [String: String] = [:]

    public init(trend: [TrendPoint] = [], previous: ScopeSummary? = nil, previousDay: Day? = nil,
                unitNames: [String: String] = [:]) {
        self.trend = trend; self.previous = previous; self.previousDay = previousDay; self.unitNames = unitNames
    }
}

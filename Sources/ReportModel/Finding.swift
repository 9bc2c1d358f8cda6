/// The data-quality rules whose findings the `anomalies` column counts.
public enum CheckRule: String, Sendable, Codable, CaseIterable {
    case balanceMismatch = "balance_mismatch"
    case outlier
    case repeatedReport = "repeated_report"
    case unregisteredReporter = "unregistered_reporter"
}

/// One anomaly a check found for a report date.
public struct Finding: Sendable, Hashable {
    public var reportDate: Day
    public var unitCode: String
    /// Empty when the finding is about a whole report.
    public var procedureCode: String
    public var rule: CheckRule
    /// What was measured (`received`, `resolved_late`, `pending`, …).
    public var metric: String
    public var value: String
    public var expected: String
    public var score: String
    public var detail: String

    public init(reportDate: Day, unitCode: String, procedureCode: String, rule: CheckRule, metric: String,
                value: String, expected: String, score: String, detail: String) {
        self.reportDate = reportDate; self.unitCode = unitCode; self.procedureCode = procedureCode; self.rule = rule
        self.metric = metric; self.value = value; self.expected = expected; self.score = score; self.detail = detail
    }
}

/// A winning row of the warehouse, with where it came from.
public struct StoredRow: Sendable, Hashable {
    public var row: ReportRow
    public var submissionPath: String
    public var receivedAt: Timestamp

    public init(row: ReportRow, submissionPath: String, receivedAt: Timestamp) {
        self.row = row; self.submissionPath = submissionPath; self.receivedAt = receivedAt
    }
}

import ReportModel

/// One data-quality rule, applied to a report day.
public protocol CheckRuleImplementation: Sendable {
    /// The rule whose findings this makes.
    var rule: CheckRule { get }
    /// The rule's findings for the context's report day, in no particular order.
    func findings(in context: CheckContext) -> [Finding]
}

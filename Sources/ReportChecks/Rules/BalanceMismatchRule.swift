import ReportModel

/// `balance_mismatch`: pending(previous) + received must equal resolved + returned + pending(D)
/// for a procedure a unit reported on D and on the previous report day.
public struct BalanceMismatchRule: CheckRuleImplementation {
    public let rule = CheckRule.balanceMismatch

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        // No check across a gap: the previous report day must be in the history, and the unit must have reported there.
        guard let previous = context.previous else { return [] }
        var out: [Finding] = []
        for (unit, procedures) in context.today.units {
            guard let before = previous.units[unit] else { continue }
            for (code, c) in procedures {
                guard let p = before[code] else { continue }
                let left = p.pending + c.received
                let right = c.resolved + c.returned + c.pending
                guard left != right else { continue }
                let expected = p.pending + c.received - c.resolved - c.returned
                out.append(Finding(
                    reportDate: context.today.day, unitCode: unit, procedureCode: code, rule: rule, metric: "pending",
                    value: String(c.pending), expected: String(expected), score: String(c.pending - expected),
                    detail: "pending \(p.pending) + received \(c.received) = \(left) ≠ resolved \(c.resolved)"
                        + " + returned \(c.returned) + pending \(c.pending) = \(right)"))
            }
        }
        return out
    }
}

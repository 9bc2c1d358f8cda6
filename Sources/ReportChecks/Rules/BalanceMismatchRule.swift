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
        let today = context.today
        for (u, unit) in today.unitCodes.enumerated() {
            guard let before = previous.entries(of: unit) else { continue }
            // Both units' procedures are sorted by code: walk them together.
            var k = before.lowerBound
            for e in today.entries(ofUnitAt: u) {
                let code = today.procedureCodes[e]
                while k < before.upperBound && previous.procedureCodes[k] < code { k += 1 }
                guard k < before.upperBound, previous.procedureCodes[k] == code else { continue }
                let p = previous.counts[k], c = today.counts[e]
                let left = p.pending + c.received
                let right = c.resolved + c.returned + c.pending
                guard left != right else { continue }
                let expected = p.pending + c.received - c.resolved - c.returned
                out.append(Finding(
                    reportDate: today.day, unitCode: unit, procedureCode: code, rule: rule, metric: "pending",
                    value: String(c.pending), expected: String(expected), score: String(c.pending - expected),
                    detail: context.settings.language.pick(
                        vi: "tồn kỳ trước \(p.pending) + tiếp nhận \(c.received) = \(left) ≠ đã giải quyết \(c.resolved)"
                            + " + trả lại \(c.returned) + đang giải quyết \(c.pending) = \(right)",
                        en: "pending \(p.pending) + received \(c.received) = \(left) ≠ resolved \(c.resolved)"
                            + " + returned \(c.returned) + pending \(c.pending) = \(right)")))
            }
        }
        return out
    }
}

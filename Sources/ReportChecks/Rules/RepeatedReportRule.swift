import ReportModel

/// `repeated_report`: a unit's whole report for D equals its previous report day's, with activity.
public struct RepeatedReportRule: CheckRuleImplementation {
    public let rule = CheckRule.repeatedReport

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        guard let previous = context.previous else { return [] }
        var out: [Finding] = []
        for (unit, procedures) in context.today.units where !procedures.isEmpty {
            guard let before = previous.units[unit], before == procedures else { continue }
            let activity = procedures.values.reduce(0) { $0 + $1.activity }
            // An idle unit legitimately sends the same zeros (and the same pending) day after day.
            guard activity > 0 else { continue }
            out.append(Finding(
                reportDate: context.today.day, unitCode: unit, procedureCode: "", rule: rule, metric: "report",
                value: String(activity), expected: "", score: "",
                detail: "report repeats \(previous.day.iso)'s exactly: \(procedures.count) procedure"
                    + (procedures.count == 1 ? "" : "s") + ", same seven counts each, activity \(activity)"))
        }
        return out
    }
}

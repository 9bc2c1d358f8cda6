import ReportModel

/// `repeated_report`: a unit's whole report for D equals its previous report day's, with activity.
public struct RepeatedReportRule: CheckRuleImplementation {
    public let rule = CheckRule.repeatedReport

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        guard let previous = context.previous else { return [] }
        var out: [Finding] = []
        let today = context.today
        for (u, unit) in today.unitCodes.enumerated() {
            let entries = today.entries(ofUnitAt: u)
            guard !entries.isEmpty, let before = previous.entries(of: unit),
                  today.sameReport(entries, as: previous, before) else { continue }
            let activity = entries.reduce(0) { $0 + today.counts[$1].activity }
            // An idle unit legitimately sends the same zeros (and the same pending) day after day.
            guard activity > 0 else { continue }
            out.append(Finding(
                reportDate: today.day, unitCode: unit, procedureCode: "", rule: rule, metric: "report",
                value: String(activity), expected: "", score: "",
                detail: context.settings.language.pick(
                    vi: "báo cáo giống hệt báo cáo ngày \(FindingNumber.date(previous.day, .vi)): \(entries.count) thủ tục, "
                        + "cả bảy số liệu của từng thủ tục đều trùng, tổng phát sinh \(activity) hồ sơ",
                    en: "report repeats \(previous.day.iso)'s exactly: \(entries.count) procedure"
                        + (entries.count == 1 ? "" : "s") + ", same seven counts each, activity \(activity)")))
        }
        return out
    }
}

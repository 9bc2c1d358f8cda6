import ReportModel

/// `unregistered_reporter`: a submission whose reporter is no contact point of the unit or of its province on D.
public struct UnregisteredReporterRule: CheckRuleImplementation {
    public let rule = CheckRule.unregisteredReporter

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let day = context.today.day
        let registries = context.registries
        var seen = Set<String>()
        var out: [Finding] = []
        for report in context.unitReports where report.reportDate == day && !report.reporter.isEmpty {
            let reporter = report.reporter
            // UnitReport carries no submission id: one file's several rows for a unit share reporter and submitted_at.
            let key = report.unitCode + "\u{1F}" + reporter.email + "\u{1F}" + reporter.phone + "\u{1F}"
                + String(report.submittedAt.seconds)
            guard seen.insert(key).inserted else { continue }
            let province = registries.directory.unit(code: report.unitCode, on: day)?.provinceCode
            let matches = registries.contacts.matches(email: reporter.email, phone: reporter.phone, on: day)
            if matches.contains(where: { $0.unitCode == report.unitCode || $0.unitCode == province }) { continue }
            let registered = registries.contacts.contact(of: report.unitCode, on: day)
            let expected = registered.map {
                Reporter(fullName: $0.fullName, email: $0.email, phone: $0.phone).label
            } ?? ""
            let scope = province.map { $0 == report.unitCode ? "province \($0)" : "unit \(report.unitCode) or of province \($0)" }
                ?? "unit \(report.unitCode)"
            out.append(Finding(
                reportDate: day, unitCode: report.unitCode, procedureCode: "", rule: rule, metric: "reporter",
                value: reporter.label, expected: expected, score: "",
                detail: "reporter \(reporter.label) (submitted \(report.submittedAt.iso)) is not a contact point of "
                    + scope + " on \(day.iso)"))
        }
        return out
    }
}

import ReportModel

/// `unregistered_reporter`: a submission whose reporter is no contact point of the unit or of its province on D.
public struct UnregisteredReporterRule: CheckRuleImplementation {
    public let rule = CheckRule.unregisteredReporter

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let day = context.today.day
        let registries = context.registries
        var seen = Set<SeenKey>()
        var out: [Finding] = []
        for report in context.unitReports where report.reportDate == day && !report.reporter.isEmpty {
            let reporter = report.reporter
            // UnitReport carries no submission id: one file's several rows for a unit share reporter and submitted_at.
            guard seen.insert(SeenKey(unit: report.unitCode, email: reporter.email, phone: reporter.phone,
                                      submittedAt: report.submittedAt.seconds)).inserted else { continue }
            let province = registries.directory.unit(code: report.unitCode, on: day)?.provinceCode
            if registries.contacts.isContact(email: reporter.email, phone: reporter.phone, on: day,
                                             of: { $0 == report.unitCode || $0 == province }) { continue }
            let registered = registries.contacts.contact(of: report.unitCode, on: day)
            let expected = registered.map {
                Reporter(fullName: $0.fullName, email: $0.email, phone: $0.phone).label
            } ?? ""
            let language = context.settings.language
            let scope = language == .vi
                ? province.map { $0 == report.unitCode ? "tỉnh \($0)" : "đơn vị \(report.unitCode) hay của tỉnh \($0)" }
                    ?? "đơn vị \(report.unitCode)"
                : province.map { $0 == report.unitCode ? "province \($0)" : "unit \(report.unitCode) or of province \($0)" }
                    ?? "unit \(report.unitCode)"
            let registeredText = expected.isEmpty ? "" : language.pick(vi: "; đầu mối đã đăng ký: \(expected)",
                                                                       en: "; registered contact: \(expected)")
            out.append(Finding(
                reportDate: day, unitCode: report.unitCode, procedureCode: "", rule: rule, metric: "reporter",
                value: reporter.label, expected: expected, score: "",
                detail: language.pick(
                    vi: "người báo cáo \(reporter.label) (gửi lúc \(FindingNumber.time(report.submittedAt, .vi))) không phải "
                        + "đầu mối liên hệ của " + scope + " ngày \(FindingNumber.date(day, .vi))" + registeredText,
                    en: "reporter \(reporter.label) (submitted \(report.submittedAt.iso)) is not a contact point of "
                        + scope + " on \(day.iso)" + registeredText)))
        }
        return out
    }

    /// One finding per unit, reporter and submission time.
    private struct SeenKey: Hashable {
        var unit: String
        var email: String
        var phone: String
        var submittedAt: Int64
    }
}

import ReportModel

/// The data-quality checks of a report day.
public enum Checks {
    /// The rules `run` applies.
    public static let rules: [any CheckRuleImplementation] = [
        BalanceMismatchRule(), OutlierRule(), RepeatedReportRule(), UnregisteredReporterRule(),
    ]

    /// All findings for `today`, sorted by unit_code, procedure_code, rule, metric.
    /// `history`: the previous report days, oldest first, at most `outlierWindow` of them (the last element is the previous report day when present — compare its `day` with `previousReportDay`).
    /// `unitReports`: every UnitReport for today (one per file × unit; reporter included) for `unregistered_reporter`.
    public static func run(today: DayReports, previousReportDay: Day?, history: [DayReports], unitReports: [UnitReport],
                           registries: Registries, settings: CheckSettings) -> [Finding] {
        let context = CheckContext(today: today, previousReportDay: previousReportDay, history: history,
                                   unitReports: unitReports, registries: registries, settings: settings)
        var findings: [Finding] = []
        for rule in rules { findings += rule.findings(in: context) }
        findings.sort(by: exportOrder)
        return findings
    }

    /// anomalies.csv order: unit_code, procedure_code, rule, metric, then value and detail so ties are deterministic.
    public static func exportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.unitCode != b.unitCode { return a.unitCode < b.unitCode }
        if a.procedureCode != b.procedureCode { return a.procedureCode < b.procedureCode }
        if a.rule != b.rule { return a.rule.rawValue < b.rule.rawValue }
        if a.metric != b.metric { return a.metric < b.metric }
        if a.value != b.value { return a.value < b.value }
        return a.detail < b.detail
    }
}

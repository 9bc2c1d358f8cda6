import ReportModel

extension Aggregation {
    /// The figures a report day keeps for the period reports: the aggregate's scopes and procedures, and for every
    /// unit expected on the day whether it reported, late, and how many findings concern it.
    public static func figures(of aggregate: DayAggregate, firstReports: [String: Timestamp], findings: [Finding],
                               registries: Registries, deadline: Deadline) -> DayFigures {
        let due = deadline.instant(for: aggregate.day)
        var findingsOf: [String: Int] = [:]
        for f in findings { findingsOf[f.unitCode, default: 0] += 1 }
        let units = registries.activeUnits(on: aggregate.day).map { u in
            let first = firstReports[u.code]
            return UnitDayFigures(unitCode: u.code, provinceCode: u.provinceCode, reported: first != nil,
                                  late: first.map { $0 > due } ?? false, anomalies: findingsOf[u.code] ?? 0)
        }
        let procedures = aggregate.procedures.map {
            ProcedureDayFigures(procedureCode: $0.procedure.code, unitsReporting: $0.unitsReporting, counts: $0.counts)
        }
        return DayFigures(day: aggregate.day, scopes: aggregate.scopes, procedures: procedures, units: units)
    }
}

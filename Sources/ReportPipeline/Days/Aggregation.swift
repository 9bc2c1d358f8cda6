import ReportChecks
import ReportModel

/// Stage 7: sums a report day nationally, per province and per procedure.
public enum Aggregation {
    /// - Parameters:
    ///   - reports: the day's winning counts by unit and procedure (units with only an empty envelope included).
    ///   - firstReports: unit → its earliest submission with an accepted row (or empty envelope) for the day.
    ///   - findings: the day's anomalies.
    public static func aggregate(day: Day, reports: DayReports, firstReports: [String: Timestamp], findings: [Finding],
                                 registries: Registries, deadline: Deadline) -> DayAggregate {
        let active = registries.activeUnits(on: day)
        let provinces = active.filter { $0.level == .province }
        var scopeIndex: [String: Int] = [:]
        var scopes = [ScopeSummary(scopeCode: "VN", scopeName: "Việt Nam")]
        for p in provinces {
            scopeIndex[p.code] = scopes.count
            scopes.append(ScopeSummary(scopeCode: p.code, scopeName: p.name))
        }
        let due = deadline.instant(for: day)
        var missing: [MissingReport] = []
        var late: [String] = []
        var lateReports: [LateReport] = []
        var provinceOf: [String: Int] = [:]
        var unitRows: [ScopeSummary] = []
        var unitRowIndex: [String: Int] = [:]
        for u in active {
            let s = scopeIndex[u.provinceCode]
            provinceOf[u.code] = s
            unitRowIndex[u.code] = unitRows.count
            var row = ScopeSummary(scopeCode: u.code, scopeName: u.name)
            row.expected = 1
            scopes[0].expected += 1
            if let s { scopes[s].expected += 1 }
            defer { unitRows.append(row) }
            if let first = firstReports[u.code] {
                scopes[0].received += 1
                row.received = 1
                if let s { scopes[s].received += 1 }
                if first > due {
                    late.append(u.code)
                    row.late = 1
                    if let province = registries.directory.unit(code: u.provinceCode, on: day) {
                        lateReports.append(LateReport(province: province, unit: u, firstSubmission: first))
                    }
                    scopes[0].late += 1
                    if let s { scopes[s].late += 1 }
                }
            } else if let province = registries.directory.unit(code: u.provinceCode, on: day) {
                missing.append(MissingReport(province: province, unit: u, contact: registries.contacts.contact(of: u.code, on: day)))
            }
        }
        var procIndex: [String: Int] = [:]
        var procedures: [ProcedureSummary] = []
        for p in registries.procedures {
            procIndex[p.code] = procedures.count
            procedures.append(ProcedureSummary(procedure: p))
        }
        var provinceProcedures = [[ProcedureSummary]](repeating: procedures, count: scopes.count)
        for (u, unit) in reports.unitCodes.enumerated() {
            let s = provinceOf[unit] ?? nil
            for e in reports.entries(ofUnitAt: u) {
                let counts = reports.counts[e]
                scopes[0].counts += counts
                if let s { scopes[s].counts += counts }
                if let r = unitRowIndex[unit] { unitRows[r].counts += counts }
                if let i = procIndex[reports.procedureCodes[e]] {
                    procedures[i].unitsReporting += 1
                    procedures[i].counts += counts
                    if let s {
                        provinceProcedures[s][i].unitsReporting += 1
                        provinceProcedures[s][i].counts += counts
                    }
                }
            }
        }
        for f in findings {
            scopes[0].anomalies += 1
            let province = registries.directory.unit(code: f.unitCode, on: day)?.provinceCode
            if let province, let s = scopeIndex[province] { scopes[s].anomalies += 1 }
            if let r = unitRowIndex[f.unitCode] { unitRows[r].anomalies += 1 }
        }
        missing.sort { ($0.province.code, $0.unit.code) < ($1.province.code, $1.unit.code) }
        lateReports.sort { ($0.province.code, $0.unit.code) < ($1.province.code, $1.unit.code) }
        var aggregate = DayAggregate(day: day, scopes: scopes, procedures: procedures, missing: missing, lateUnits: late)
        aggregate.late = lateReports
        for (code, s) in scopeIndex { aggregate.provinceProcedures[code] = provinceProcedures[s] }
        for u in active { aggregate.unitRows[u.provinceCode, default: []].append(unitRows[unitRowIndex[u.code]!]) }
        for k in aggregate.unitRows.keys { aggregate.unitRows[k]!.sort { $0.scopeCode < $1.scopeCode } }
        return aggregate
    }
}

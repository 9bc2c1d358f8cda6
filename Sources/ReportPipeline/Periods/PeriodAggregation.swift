import ReportModel

/// Sums a period's published daily figures into the rows of its files (contract §6).
public enum PeriodAggregation {
    /// - Parameter daily: the figures of every report day covered, in date order (at least one).
    public static func aggregate(period: Period, daily: [DayFigures], registries: Registries) -> PeriodAggregate {
        precondition(!daily.isEmpty, "a period covers at least one report day")
        let days = daily.map(\.day)
        let last = daily[daily.count - 1]
        let (scopes, scopeIndex) = sumScopes(daily)
        var units = unitRows(daily, registries: registries, provinceNames: { code in
            scopeIndex[code].map { scopes[$0].summary.scopeName }
        })
        var result = scopes
        for i in units.indices where units[i].expected == days.count {
            let u = units[i]
            let every = u.received == days.count
            result[0].unitsExpectedEveryDay += 1
            if every { result[0].unitsReportingEveryDay += 1 }
            if let s = scopeIndex[u.provinceCode] {
                result[s].unitsExpectedEveryDay += 1
                if every { result[s].unitsReportingEveryDay += 1 }
            }
        }
        units.sort { $0.unitCode < $1.unitCode }
        var procedures = registries.procedures.map(PeriodProcedure.init(procedure:))
        var procIndex: [String: Int] = [:]
        for (i, p) in procedures.enumerated() { procIndex[p.procedure.code] = i }
        for d in daily {
            for p in d.procedures {
                guard let i = procIndex[p.procedureCode] else { continue }
                procedures[i].counts.addFlows(p.counts)
            }
        }
        for p in last.procedures {
            guard let i = procIndex[p.procedureCode] else { continue }
            procedures[i].counts.setBacklog(p.counts)
        }
        return PeriodAggregate(period: period, days: days, scopes: result, units: units, procedures: procedures, daily: daily)
    }

    /// The nation, then every province any day published, in code order; names as the latest day wrote them.
    static func sumScopes(_ daily: [DayFigures]) -> ([PeriodScope], [String: Int]) {
        var names: [String: String] = [:]
        for d in daily { for s in d.scopes.dropFirst() { names[s.scopeCode] = s.scopeName } }
        var scopes = [PeriodScope(scopeCode: "VN", scopeName: daily[daily.count - 1].scopes.first?.scopeName ?? "Việt Nam")]
        var index: [String: Int] = [:]
        for code in names.keys.sorted() {
            index[code] = scopes.count
            scopes.append(PeriodScope(scopeCode: code, scopeName: names[code]!))
        }
        for (t, d) in daily.enumerated() {
            for (k, s) in d.scopes.enumerated() {
                guard let i = k == 0 ? 0 : index[s.scopeCode] else { continue }
                scopes[i].summary.expected += s.expected
                scopes[i].summary.received += s.received
                scopes[i].summary.late += s.late
                scopes[i].summary.anomalies += s.anomalies
                scopes[i].summary.counts.addFlows(s.counts)
                // A backlog is not a flow: the last day's (none for a province gone by then).
                if t == daily.count - 1 { scopes[i].summary.counts.setBacklog(s.counts) }
            }
        }
        return (scopes, index)
    }

    /// One row per unit expected on any covered day (not yet sorted).
    static func unitRows(_ daily: [DayFigures], registries: Registries, provinceNames: (String) -> String?) -> [PeriodUnit] {
        var index: [String: Int] = [:]
        var rows: [PeriodUnit] = []
        var lastSeen: [Int] = [], run: [Int] = []
        for (t, d) in daily.enumerated() {
            for f in d.units {
                let i: Int
                if let found = index[f.unitCode] {
                    i = found
                } else {
                    i = rows.count
                    index[f.unitCode] = i
                    rows.append(PeriodUnit(provinceCode: f.provinceCode, provinceName: "", unitCode: f.unitCode,
                                           unitName: "", lastExpected: d.day))
                    lastSeen.append(-1)
                    run.append(0)
                }
                rows[i].expected += 1
                rows[i].provinceCode = f.provinceCode
                rows[i].lastExpected = d.day
                if f.reported { rows[i].received += 1 }
                if f.late { rows[i].late += 1 }
                rows[i].anomalies += f.anomalies
                // A day the unit was not expected ends a run of missing days.
                if lastSeen[i] != t - 1 { run[i] = 0 }
                run[i] = f.reported ? 0 : run[i] + 1
                rows[i].longestMissingRun = max(rows[i].longestMissingRun, run[i])
                lastSeen[i] = t
            }
        }
        for i in rows.indices {
            let day = rows[i].lastExpected
            rows[i].unitName = registries.directory.unit(code: rows[i].unitCode, on: day)?.name
                ?? registries.directory.anyUnit(code: rows[i].unitCode)?.name ?? ""
            rows[i].provinceName = provinceNames(rows[i].provinceCode)
                ?? registries.directory.unit(code: rows[i].provinceCode, on: day)?.name ?? ""
        }
        return rows
    }
}

extension Counts {
    /// Adds the five flows (received, resolved, returned), not the backlog.
    mutating func addFlows(_ c: Counts) {
        receivedOnline += c.receivedOnline; receivedOffline += c.receivedOffline
        resolvedOnTime += c.resolvedOnTime; resolvedLate += c.resolvedLate; returned += c.returned
    }

    /// Takes the backlog (pending on time, overdue) of `c`.
    mutating func setBacklog(_ c: Counts) {
        pendingOnTime = c.pendingOnTime; pendingOverdue = c.pendingOverdue
    }
}

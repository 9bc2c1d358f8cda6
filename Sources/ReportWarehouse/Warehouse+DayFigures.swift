import ReportModel

extension Warehouse {
    /// Replaces what `figures.day` published (scopes, procedures, expected units), joining the open transaction.
    public func replaceDayFigures(_ figures: DayFigures) throws {
        let iso = figures.day.iso
        try joiningTransaction {
            for table in ["day_scope_figures", "day_procedure_figures", "day_unit_figures"] {
                let d = try db.prepare("DELETE FROM \(table) WHERE report_date = ?")
                d.bind(1, iso)
                try d.run()
            }
            let s = try db.prepare("INSERT INTO day_scope_figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for (i, scope) in figures.scopes.enumerated() {
                s.bind(1, iso)
                s.bind(2, i)
                s.bind(3, scope.scopeCode)
                s.bind(4, scope.scopeName)
                s.bind(5, scope.expected)
                s.bind(6, scope.received)
                s.bind(7, scope.late)
                bindCounts(s, from: 8, scope.counts)
                s.bind(15, scope.anomalies)
                try s.run()
            }
            let p = try db.prepare("INSERT INTO day_procedure_figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for proc in figures.procedures {
                p.bind(1, iso)
                p.bind(2, proc.procedureCode)
                p.bind(3, proc.unitsReporting)
                bindCounts(p, from: 4, proc.counts)
                try p.run()
            }
            let u = try db.prepare("INSERT INTO day_unit_figures VALUES (?, ?, ?, ?, ?, ?)")
            for unit in figures.units {
                u.bind(1, iso)
                u.bind(2, unit.unitCode)
                u.bind(3, unit.provinceCode)
                u.bind(4, unit.reported ? 1 : 0)
                u.bind(5, unit.late ? 1 : 0)
                u.bind(6, unit.anomalies)
                try u.run()
            }
        }
    }

    private func bindCounts(_ s: Statement, from first: Int32, _ c: Counts) {
        for (k, v) in [c.receivedOnline, c.receivedOffline, c.resolvedOnTime, c.resolvedLate, c.returned,
                       c.pendingOnTime, c.pendingOverdue].enumerated() {
            s.bind(first + Int32(k), v)
        }
    }

    private func counts(_ s: Statement, from first: Int32) -> Counts {
        Counts(receivedOnline: s.int(first), receivedOffline: s.int(first + 1), resolvedOnTime: s.int(first + 2),
               resolvedLate: s.int(first + 3), returned: s.int(first + 4), pendingOnTime: s.int(first + 5),
               pendingOverdue: s.int(first + 6))
    }

    /// The report days in `from...to` whose figures were published, in order.
    public func dayFiguresDays(from: Day, through to: Day) throws -> [Day] {
        let s = try db.prepare("SELECT report_date FROM day_scope_figures WHERE position = 0 AND report_date BETWEEN ? AND ? ORDER BY 1")
        s.bind(1, from.iso)
        s.bind(2, to.iso)
        var c = s.cursor { try self.day($0.string(0)) }
        return try c.all()
    }

    /// The latest report day whose figures were published, if any.
    public func lastDayFiguresDay() throws -> Day? {
        let s = try db.prepare("SELECT max(report_date) FROM day_scope_figures")
        var c = s.cursor { s in s.isNull(0) ? nil : try self.day(s.string(0)) }
        return try c.all().first ?? nil
    }

    /// The published figures of the days in `from...to`, in date order.
    public func dayFigures(from: Day, through to: Day) throws -> [DayFigures] {
        var byDay: [String: Int] = [:]
        var out: [DayFigures] = []
        func slot(_ iso: String) throws -> Int {
            if let i = byDay[iso] { return i }
            byDay[iso] = out.count
            out.append(DayFigures(day: try day(iso), scopes: [], procedures: [], units: []))
            return out.count - 1
        }
        let s = try db.prepare("""
            SELECT report_date, scope_code, scope_name, expected_reports, received_reports, late_reports, received_online,
                   received_offline, resolved_on_time, resolved_late, returned, pending_on_time, pending_overdue, anomalies
            FROM day_scope_figures WHERE report_date BETWEEN ? AND ? ORDER BY report_date, position
            """)
        s.bind(1, from.iso)
        s.bind(2, to.iso)
        while try s.step() {
            var scope = ScopeSummary(scopeCode: s.string(1), scopeName: s.string(2))
            scope.expected = s.int(3)
            scope.received = s.int(4)
            scope.late = s.int(5)
            scope.counts = counts(s, from: 6)
            scope.anomalies = s.int(13)
            out[try slot(s.string(0))].scopes.append(scope)
        }
        s.reset()
        let p = try db.prepare("""
            SELECT report_date, procedure_code, units_reporting, received_online, received_offline, resolved_on_time,
                   resolved_late, returned, pending_on_time, pending_overdue
            FROM day_procedure_figures WHERE report_date BETWEEN ? AND ? ORDER BY report_date, procedure_code
            """)
        p.bind(1, from.iso)
        p.bind(2, to.iso)
        while try p.step() {
            let f = ProcedureDayFigures(procedureCode: p.string(1), unitsReporting: p.int(2), counts: counts(p, from: 3))
            out[try slot(p.string(0))].procedures.append(f)
        }
        p.reset()
        let u = try db.prepare("""
            SELECT report_date, unit_code, province_code, reported, late, anomalies
            FROM day_unit_figures WHERE report_date BETWEEN ? AND ? ORDER BY report_date, unit_code
            """)
        u.bind(1, from.iso)
        u.bind(2, to.iso)
        var current = "", i = -1
        while try u.step() {
            let iso = u.string(0)
            if iso != current {
                current = iso
                i = try slot(iso)
                out[i].units.reserveCapacity(3400)
            }
            out[i].units.append(UnitDayFigures(unitCode: u.string(1), provinceCode: u.string(2), reported: u.int(3) != 0,
                                               late: u.int(4) != 0, anomalies: u.int(5)))
        }
        u.reset()
        return out.sorted { $0.day < $1.day }
    }
}

import ReportModel

extension Warehouse {
    /// Replaces the registry snapshot ("registries as loaded") with `r`, in one transaction.
    public func replaceRegistries(_ r: Registries) throws {
        try db.transaction {
            try db.execute("""
                DELETE FROM registry_units; DELETE FROM registry_procedures;
                DELETE FROM registry_contacts; DELETE FROM registry_calendar;
                """)
            let u = try db.prepare("""
                INSERT INTO registry_units (code, name, level, parent_code, kind, aliases, active_from, active_to, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (i, unit) in r.units.enumerated() {
                u.bind(1, unit.code)
                u.bind(2, unit.name)
                u.bind(3, unit.level.rawValue)
                u.bind(4, unit.parentCode)
                u.bind(5, unit.kind)
                u.bind(6, unit.aliases.joined(separator: "|"))
                u.bind(7, unit.activeFrom?.iso)
                u.bind(8, unit.activeTo?.iso)
                u.bind(9, i)
                try u.run()
            }
            let p = try db.prepare("""
                INSERT INTO registry_procedures (code, name, field, level, priority, max_days) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for proc in r.procedures {
                p.bind(1, proc.code)
                p.bind(2, proc.name)
                p.bind(3, proc.field)
                p.bind(4, proc.level.rawValue)
                p.bind(5, proc.priority ? 1 : 0)
                p.bind(6, proc.maxDays.map(Int64.init))
                try p.run()
            }
            let c = try db.prepare("""
                INSERT INTO registry_contacts (unit_code, full_name, title, phone, email, active_from, active_to, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (i, cp) in r.contacts.contacts.enumerated() {
                c.bind(1, cp.unitCode)
                c.bind(2, cp.fullName)
                c.bind(3, cp.title)
                c.bind(4, cp.phone)
                c.bind(5, cp.email)
                c.bind(6, cp.activeFrom?.iso)
                c.bind(7, cp.activeTo?.iso)
                c.bind(8, i)
                try c.run()
            }
            let k = try db.prepare("INSERT INTO registry_calendar (date, name, kind) VALUES (?, ?, ?)")
            let days = Set(r.calendar.exceptions.keys).union(r.calendar.names.keys).sorted()
            for day in days {
                k.bind(1, day.iso)
                k.bind(2, r.calendar.names[day] ?? "")
                k.bind(3, r.calendar.exceptions[day] == true ? "workday" : "holiday")
                try k.run()
            }
        }
    }

    /// The registry snapshot last stored by `replaceRegistries` (empty registries if none).
    public func storedRegistries() throws -> Registries {
        var units = try db.prepare("""
            SELECT code, name, level, parent_code, kind, aliases, active_from, active_to
            FROM registry_units ORDER BY position
            """).cursor { s in
            Unit(code: s.string(0), name: s.string(1), level: try self.level(s.string(2)), parentCode: s.optionalString(3),
                 kind: s.string(4), aliases: s.string(5).isEmpty ? [] : s.string(5).split(separator: "|", omittingEmptySubsequences: false).map(String.init),
                 activeFrom: try self.optionalDay(s.optionalString(6)), activeTo: try self.optionalDay(s.optionalString(7)))
        }
        var procedures = try db.prepare("""
            SELECT code, name, field, level, priority, max_days FROM registry_procedures ORDER BY code
            """).cursor { s in
            Procedure(code: s.string(0), name: s.string(1), field: s.string(2), level: try self.level(s.string(3)),
                      priority: s.int(4) != 0, maxDays: s.optionalInt64(5).map { Int($0) })
        }
        var contacts = try db.prepare("""
            SELECT unit_code, full_name, title, phone, email, active_from, active_to FROM registry_contacts ORDER BY position
            """).cursor { s in
            ContactPoint(unitCode: s.string(0), fullName: s.string(1), title: s.string(2), phone: s.string(3),
                         email: s.string(4), activeFrom: try self.optionalDay(s.optionalString(5)),
                         activeTo: try self.optionalDay(s.optionalString(6)))
        }
        var calendar = ReportCalendar()
        var days = try db.prepare("SELECT date, name, kind FROM registry_calendar ORDER BY date").cursor { s in
            (try self.day(s.string(0)), s.string(1), s.string(2))
        }
        while let (day, name, kind) = try days.next() {
            calendar.exceptions[day] = kind == "workday"
            if !name.isEmpty { calendar.names[day] = name }
        }
        return Registries(units: try units.all(), procedures: try procedures.all(), contacts: try contacts.all(),
                          calendar: calendar)
    }

    func level(_ s: String) throws -> UnitLevel {
        guard let l = UnitLevel(rawValue: s) else {
            throw ReportError(.internal, "The warehouse holds an unknown unit level \"\(s)\".", location: path)
        }
        return l
    }
}

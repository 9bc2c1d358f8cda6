import ReportModel

extension Warehouse {
    /// Replaces the registry snapshot ("registries as loaded") with `r`, in one transaction; nothing is written
    /// when the stored snapshot already holds exactly these values (most nights: ~7,000 rows not rewritten).
    /// Returns whether the stored snapshot changed, and the snapshot it replaced (nil when none was stored).
    @discardableResult
    public func replaceRegistries(_ r: Registries) throws -> (changed: Bool, previous: Registries?) {
        let tables = Self.registryTables(r)
        var image: [UInt8] = []
        for t in tables {
            image.append(contentsOf: t.sql.utf8)
            for row in t.rows { for v in row { v.append(to: &image) } }
        }
        let stored = try db.prepare("SELECT value FROM warehouse_meta WHERE name = 'registries'")
        defer { stored.reset() }
        let hadSnapshot = try stored.step()
        if hadSnapshot, stored.blob(0) == image { return (false, nil) }
        stored.reset()
        let previous = hadSnapshot ? try storedRegistries() : nil
        try db.transaction {
            try db.execute("""
                DELETE FROM registry_units; DELETE FROM registry_procedures;
                DELETE FROM registry_contacts; DELETE FROM registry_calendar;
                """)
            for t in tables {
                let s = try db.prepare(t.sql)
                for row in t.rows {
                    for (i, v) in row.enumerated() { v.bind(s, Int32(i + 1)) }
                    try s.run()
                }
            }
            let m = try db.prepare("INSERT OR REPLACE INTO warehouse_meta (name, value) VALUES ('registries', ?)")
            m.bind(1, image)
            try m.run()
        }
        return (true, previous)
    }

    /// A value bound to a registry insert.
    private enum Value {
        case text(String?)
        case int(Int64?)

        func bind(_ s: Statement, _ i: Int32) {
            switch self {
            case .text(let t): s.bind(i, t)
            case .int(let n): s.bind(i, n)
            }
        }

        /// Appends the value, typed and delimited, to the snapshot's image.
        func append(to out: inout [UInt8]) {
            switch self {
            case .text(nil), .int(nil): out.append(0)
            case .text(let t?):
                out.append(1)
                out.append(contentsOf: t.utf8)
                out.append(0xFF)  // never a byte of UTF-8
            case .int(let n?):
                out.append(2)
                withUnsafeBytes(of: n.littleEndian) { out.append(contentsOf: $0) }
            }
        }
    }

    /// Every registry row as inserted: the single list both the inserts and the comparison read.
    private static func registryTables(_ r: Registries) -> [(sql: String, rows: [[Value]])] {
        let units = r.units.enumerated().map { i, unit -> [Value] in
            [.text(unit.code), .text(unit.name), .text(unit.level.rawValue), .text(unit.parentCode), .text(unit.kind),
             .text(unit.aliases.joined(separator: "|")), .text(unit.activeFrom?.iso), .text(unit.activeTo?.iso), .int(Int64(i))]
        }
        let procedures = r.procedures.map { p -> [Value] in
            [.text(p.code), .text(p.name), .text(p.field), .text(p.level.rawValue), .int(p.priority ? 1 : 0),
             .int(p.maxDays.map(Int64.init))]
        }
        let contacts = r.contacts.contacts.enumerated().map { i, c -> [Value] in
            [.text(c.unitCode), .text(c.fullName), .text(c.title), .text(c.phone), .text(c.email),
             .text(c.activeFrom?.iso), .text(c.activeTo?.iso), .int(Int64(i))]
        }
        let days = Set(r.calendar.exceptions.keys).union(r.calendar.names.keys).sorted().map { day -> [Value] in
            [.text(day.iso), .text(r.calendar.names[day] ?? ""), .text(r.calendar.exceptions[day] == true ? "workday" : "holiday")]
        }
        return [
            ("""
             INSERT INTO registry_units (code, name, level, parent_code, kind, aliases, active_from, active_to, position)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
             """, units),
            ("INSERT INTO registry_procedures (code, name, field, level, priority, max_days) VALUES (?, ?, ?, ?, ?, ?)", procedures),
            ("""
             INSERT INTO registry_contacts (unit_code, full_name, title, phone, email, active_from, active_to, position)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)
             """, contacts),
            ("INSERT INTO registry_calendar (date, name, kind) VALUES (?, ?, ?)", days),
        ]
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

    /// Report dates whose kept rows name one of `units` or `procedures`, or that hold rows rejected for
    /// `reasons`: the dates a re-ingest after a registry change may change. Scans the rows (a registry change is rare).
    public func datesReferencing(units: Set<String>, procedures: Set<String>, rejectReasons: Set<String>) throws -> Set<Day> {
        var out = Set<Day>()
        func collect(_ sql: String, _ values: [String]) throws {
            guard !values.isEmpty else { return }
            let s = try db.prepare(sql.replacingOccurrences(of: "$LIST", with: Array(repeating: "?", count: values.count).joined(separator: ",")))
            for (i, v) in values.enumerated() { s.bind(Int32(i + 1), v) }
            var c = s.cursor { $0.optionalString(0) }
            while let d = try c.next() { if let d, let day = Day(iso: d) { out.insert(day) } }
        }
        try collect("SELECT DISTINCT report_date FROM report_rows WHERE unit_code IN ($LIST)", units.sorted())
        try collect("SELECT DISTINCT report_date FROM report_rows WHERE procedure_code IN ($LIST)", procedures.sorted())
        try collect("SELECT DISTINCT report_date FROM rejects WHERE reason IN ($LIST)", rejectReasons.sorted())
        return out
    }

    /// Every dated reject whose reason is among `reasons`: its date, reason, raw text and the unit it resolved to.
    public func datedRejects(reasons: Set<String>) throws -> [(date: Day, reason: String, raw: String, unitCode: String?)] {
        guard !reasons.isEmpty else { return [] }
        let list = Array(repeating: "?", count: reasons.count).joined(separator: ",")
        let s = try db.prepare("SELECT report_date, reason, raw, unit_code FROM rejects WHERE report_date IS NOT NULL AND reason IN (\(list))")
        for (i, v) in reasons.sorted().enumerated() { s.bind(Int32(i + 1), v) }
        var c = s.cursor { ($0.optionalString(0), $0.string(1), $0.string(2), $0.optionalString(3)) }
        var out: [(date: Day, reason: String, raw: String, unitCode: String?)] = []
        while let (d, reason, raw, unit) = try c.next() {
            if let d, let day = Day(iso: d) { out.append((day, reason, raw, unit)) }
        }
        return out
    }
}

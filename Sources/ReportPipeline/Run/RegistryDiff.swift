import ReportModel

/// What changed between the registries the warehouse last stored and the ones loaded now: what
/// `backfill --dry-run --reingest` lists, and what tells a plain `run` that kept rows would normalize differently.
struct RegistryDiff: Sendable {
    /// Unit codes added, removed, or whose name, aliases, parent, level or active dates changed.
    var unitsAdded: [String] = []
    var unitsRemoved: [String] = []
    var unitsChanged: [(code: String, what: String)] = []
    var proceduresAdded: [String] = []
    var proceduresRemoved: [String] = []
    var proceduresChanged: [String] = []
    /// Contacts matter to the `unregistered_reporter` check and its reject, not to normalization.
    var contactsChanged = false
    /// Dates whose report-day status changed.
    var calendarChanged: [Day] = []

    init(stored: Registries, current: Registries) {
        let old = Dictionary(grouping: stored.units, by: \.code), new = Dictionary(grouping: current.units, by: \.code)
        unitsAdded = new.keys.filter { old[$0] == nil }.sorted()
        unitsRemoved = old.keys.filter { new[$0] == nil }.sorted()
        for code in new.keys.sorted() {
            guard let o = old[code], let n = new[code], o != n else { continue }
            unitsChanged.append((code, Self.describe(o, n)))
        }
        let oldP = Dictionary(stored.procedures.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let newP = Dictionary(current.procedures.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        proceduresAdded = newP.keys.filter { oldP[$0] == nil }.sorted()
        proceduresRemoved = oldP.keys.filter { newP[$0] == nil }.sorted()
        proceduresChanged = newP.keys.filter { oldP[$0] != nil && oldP[$0] != newP[$0] }.sorted()
        contactsChanged = Set(stored.contacts.contacts) != Set(current.contacts.contacts)
        let days = Set(stored.calendar.exceptions.keys).union(current.calendar.exceptions.keys)
        calendarChanged = days.filter { stored.calendar.isReportDay($0) != current.calendar.isReportDay($0) }.sorted()
    }

    /// What differs between two versions of one unit code's rows, e.g. `name "Xã A" → "Xã B"`.
    static func describe(_ old: [Unit], _ new: [Unit]) -> String {
        guard old.count == 1, new.count == 1, let o = old.first, let n = new.first else {
            return "rows \(old.count) → \(new.count) (its history changed)"
        }
        var parts: [String] = []
        if o.name != n.name { parts.append("name \"\(o.name)\" → \"\(n.name)\"") }
        if o.aliases != n.aliases { parts.append("aliases \(o.aliases.joined(separator: "|")) → \(n.aliases.joined(separator: "|"))") }
        if o.parentCode != n.parentCode { parts.append("parent \(o.parentCode ?? "-") → \(n.parentCode ?? "-")") }
        if o.level != n.level { parts.append("level \(o.level.rawValue) → \(n.level.rawValue)") }
        if o.activeFrom != n.activeFrom || o.activeTo != n.activeTo {
            parts.append("active \(o.activeFrom?.iso ?? "…")–\(o.activeTo?.iso ?? "…") → \(n.activeFrom?.iso ?? "…")–\(n.activeTo?.iso ?? "…")")
        }
        if o.kind != n.kind { parts.append("kind \(o.kind) → \(n.kind)") }
        return parts.isEmpty ? "changed" : parts.joined(separator: ", ")
    }

    /// Nothing that normalization or the checks read changed.
    var isEmpty: Bool {
        unitsAdded.isEmpty && unitsRemoved.isEmpty && unitsChanged.isEmpty && proceduresAdded.isEmpty
            && proceduresRemoved.isEmpty && proceduresChanged.isEmpty && !contactsChanged && calendarChanged.isEmpty
    }

    /// Whether kept rows could normalize differently (units or procedures; contacts only with their reject on).
    func affectsNormalization(rejectUnregisteredReporter: Bool) -> Bool {
        !(unitsAdded.isEmpty && unitsRemoved.isEmpty && unitsChanged.isEmpty && proceduresAdded.isEmpty
          && proceduresRemoved.isEmpty && proceduresChanged.isEmpty) || (contactsChanged && rejectUnregisteredReporter)
    }

    /// One line per difference, at most `limit` per kind.
    func lines(limit: Int = 20) -> [String] {
        var out: [String] = []
        func list(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            out.append("  \(title) (\(items.count)): " + items.prefix(limit).joined(separator: ", ") + (items.count > limit ? ", …" : ""))
        }
        list("units added", unitsAdded)
        list("units removed", unitsRemoved)
        for c in unitsChanged.prefix(limit) { out.append("  unit \(c.code): \(c.what)") }
        if unitsChanged.count > limit { out.append("  … and \(unitsChanged.count - limit) more changed units") }
        list("procedures added", proceduresAdded)
        list("procedures removed", proceduresRemoved)
        list("procedures changed", proceduresChanged)
        if contactsChanged { out.append("  contact points changed") }
        list("report-day status changed", calendarChanged.map(\.iso))
        return out
    }
}

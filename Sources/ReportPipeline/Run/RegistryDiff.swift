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
    /// The language of `lines()` and of the changes described.
    var language: Language = .vi

    init(stored: Registries, current: Registries, language: Language = .vi) {
        self.language = language
        let old = Dictionary(grouping: stored.units, by: \.code), new = Dictionary(grouping: current.units, by: \.code)
        unitsAdded = new.keys.filter { old[$0] == nil }.sorted()
        unitsRemoved = old.keys.filter { new[$0] == nil }.sorted()
        for code in new.keys.sorted() {
            guard let o = old[code], let n = new[code], o != n else { continue }
            unitsChanged.append((code, Self.describe(o, n, language)))
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
    static func describe(_ old: [Unit], _ new: [Unit], _ l: Language = .vi) -> String {
        guard old.count == 1, new.count == 1, let o = old.first, let n = new.first else {
            return l.pick(vi: "số dòng \(old.count) → \(new.count) (lịch sử của mã đã thay đổi)",
                          en: "rows \(old.count) → \(new.count) (its history changed)")
        }
        var parts: [String] = []
        func add(_ vi: String, _ en: String, _ change: String) { parts.append(l.pick(vi: vi, en: en) + " " + change) }
        if o.name != n.name { add("tên", "name", "\"\(o.name)\" → \"\(n.name)\"") }
        if o.aliases != n.aliases { add("tên khác", "aliases", "\(o.aliases.joined(separator: "|")) → \(n.aliases.joined(separator: "|"))") }
        if o.parentCode != n.parentCode { add("đơn vị cấp trên", "parent", "\(o.parentCode ?? "-") → \(n.parentCode ?? "-")") }
        if o.level != n.level { add("cấp", "level", "\(o.level.rawValue) → \(n.level.rawValue)") }
        if o.activeFrom != n.activeFrom || o.activeTo != n.activeTo {
            add("hiệu lực", "active", "\(o.activeFrom?.iso ?? "…")–\(o.activeTo?.iso ?? "…") → \(n.activeFrom?.iso ?? "…")–\(n.activeTo?.iso ?? "…")")
        }
        if o.kind != n.kind { add("loại", "kind", "\(o.kind) → \(n.kind)") }
        return parts.isEmpty ? l.pick(vi: "đã thay đổi", en: "changed") : parts.joined(separator: ", ")
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
        let l = language
        var out: [String] = []
        func list(_ vi: String, _ en: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            out.append("  \(l.pick(vi: vi, en: en)) (\(items.count)): " + items.prefix(limit).joined(separator: ", ")
                       + (items.count > limit ? ", …" : ""))
        }
        list("đơn vị thêm mới", "units added", unitsAdded)
        list("đơn vị bị bỏ", "units removed", unitsRemoved)
        for c in unitsChanged.prefix(limit) { out.append(l.pick(vi: "  đơn vị \(c.code): \(c.what)", en: "  unit \(c.code): \(c.what)")) }
        if unitsChanged.count > limit {
            let more = unitsChanged.count - limit
            out.append(l.pick(vi: "  … và \(more) đơn vị thay đổi khác", en: "  … and \(more) more changed units"))
        }
        list("thủ tục thêm mới", "procedures added", proceduresAdded)
        list("thủ tục bị bỏ", "procedures removed", proceduresRemoved)
        list("thủ tục thay đổi", "procedures changed", proceduresChanged)
        if contactsChanged { out.append(l.pick(vi: "  đầu mối liên hệ đã thay đổi", en: "  contact points changed")) }
        list("ngày đổi trạng thái ngày báo cáo", "report-day status changed", calendarChanged.map(\.iso))
        return out
    }
}

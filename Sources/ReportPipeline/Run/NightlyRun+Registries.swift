import ReportModel
import ReportWarehouse

extension NightlyRun {
    /// After the registries changed since the last run: what differs, and the dates whose kept rows may now
    /// normalize differently (what a `backfill --reingest` would change). Nil when normalization is not concerned.
    func registryChange(previous: Registries, warehouse: Warehouse) throws -> (diff: RegistryDiff, dates: [Day])? {
        let diff = RegistryDiff(stored: previous, current: registries, language: config.language)
        guard diff.affectsNormalization(rejectUnregisteredReporter: config.rejectUnregisteredReporter) else { return nil }
        let units = Set(diff.unitsRemoved + diff.unitsChanged.map(\.code))
        let procedures = Set(diff.proceduresRemoved + diff.proceduresChanged)
        var reasons = Set<String>()
        // A unit added or renamed may now match rows rejected as unknown; likewise procedures.
        if !diff.unitsAdded.isEmpty || !diff.unitsChanged.isEmpty { reasons.insert(RejectReason.unknownUnit.rawValue) }
        if !diff.proceduresAdded.isEmpty || !diff.proceduresChanged.isEmpty { reasons.insert(RejectReason.unknownProcedure.rawValue) }
        if diff.contactsChanged && config.rejectUnregisteredReporter { reasons.insert("unregistered_reporter") }
        let dates = try warehouse.datesReferencing(units: units, procedures: procedures, rejectReasons: reasons)
        return (diff, dates.sorted())
    }

    /// The summary's sentence about a registry change that concerns kept rows.
    static func registryHint(_ diff: RegistryDiff, dates: [Day], language l: Language = .vi) -> String? {
        guard let first = dates.first, let last = dates.last else { return nil }
        var what: [String] = []
        let units = diff.unitsAdded.count + diff.unitsRemoved.count + diff.unitsChanged.count
        let procedures = diff.proceduresAdded.count + diff.proceduresRemoved.count + diff.proceduresChanged.count
        if units > 0 { what.append(l.pick(vi: "\(units) đơn vị", en: "\(units) unit(s)")) }
        if procedures > 0 { what.append(l.pick(vi: "\(procedures) thủ tục", en: "\(procedures) procedure(s)")) }
        if diff.contactsChanged { what.append(l.pick(vi: "đầu mối liên hệ", en: "contact points")) }
        let changed = what.joined(separator: ", "), named = RunSummary.dates(dates, l)
        let range = "--from \(first.iso) --to \(last.iso)"
        return l.pick(
            vi: "danh mục đã thay đổi kể từ lần chạy trước (\(changed)): các dòng đã lưu của \(dates.count) ngày "
                + "(\(named)) có thể được chuẩn hoá khác đi, và lần chạy này không đọc lại chúng; "
                + "hãy xem backfill --dry-run --reingest \(range), rồi chạy lại lệnh đó không có --dry-run",
            en: "the registries changed since the last run (\(changed)): kept rows of \(dates.count) date(s) "
                + "(\(named)) may now normalize differently, and this run did not re-read them; "
                + "see backfill --dry-run --reingest \(range), then run it without --dry-run")
    }
}

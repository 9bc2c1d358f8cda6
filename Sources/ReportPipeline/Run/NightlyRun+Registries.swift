import ReportModel
import ReportWarehouse

extension NightlyRun {
    /// After the registries changed since the last run: what differs, and the dates whose kept rows may now
    /// normalize differently (what a `backfill --reingest` would change). Nil when normalization is not concerned.
    ///
    /// A date is named when it holds rows of a removed or changed unit or procedure, or of a unit a new or
    /// renamed one may now be confused with (same name, or same code but for leading zeros); or rejects that
    /// the change may resolve, i.e. whose own text names a touched unit (`unknown_unit`, `inactive_unit`,
    /// `procedure_level_mismatch`) or procedure (`unknown_procedure`, `procedure_level_mismatch`); or, with
    /// contacts changed and `reject_unregistered_reporter` on, `unregistered_reporter` rejects.
    func registryChange(previous: Registries, warehouse: Warehouse) throws -> (diff: RegistryDiff, dates: [Day])? {
        let diff = RegistryDiff(stored: previous, current: registries, language: config.language)
        guard diff.affectsNormalization(rejectUnregisteredReporter: config.rejectUnregisteredReporter) else { return nil }
        let mentions = RegistryMentions(diff, stored: previous, current: registries)
        let changedUnits = Set(diff.unitsRemoved + diff.unitsChanged.map(\.code))
        let units = changedUnits.union(Self.unitsConfusable(with: mentions, in: previous, excluding: Set(diff.unitsAdded)))
        let procedures = Set(diff.proceduresRemoved + diff.proceduresChanged)
        var reasons = Set<String>()
        if diff.contactsChanged && config.rejectUnregisteredReporter { reasons.insert(RejectReason.unregisteredReporter.rawValue) }
        var dates = try warehouse.datesReferencing(units: units, procedures: procedures, rejectReasons: reasons)
        let unitReasons: Set<RejectReason> = [.unknownUnit, .inactiveUnit, .procedureLevelMismatch]
        let procedureReasons: Set<RejectReason> = [.unknownProcedure, .procedureLevelMismatch]
        for r in try warehouse.datedRejects(reasons: Set((unitReasons.union(procedureReasons)).map(\.rawValue)))
        where !dates.contains(r.date) {
            guard let reason = RejectReason(rawValue: r.reason) else { continue }
            if unitReasons.contains(reason), mentions.mentionsUnit(r.raw) || r.unitCode.map(changedUnits.contains) == true {
                dates.insert(r.date)
            } else if procedureReasons.contains(reason), mentions.mentionsProcedure(r.raw) {
                dates.insert(r.date)
            }
        }
        return (diff, dates.sorted())
    }

    /// Units of `registries` (other than `excluding`) whose rows a new or renamed unit may now take or make
    /// ambiguous: those with one of its names, or its code but for leading zeros.
    static func unitsConfusable(with mentions: RegistryMentions, in registries: Registries, excluding: Set<String>) -> Set<String> {
        var out = Set<String>()
        for u in registries.units where !excluding.contains(u.code) {
            if mentions.newUnitCodes.contains(RegistryMentions.withoutLeadingZeros(u.code))
                || ([u.name] + u.aliases).contains(where: { mentions.newUnitNames.contains(RegistryMentions.words($0)) }) {
                out.insert(u.code)
            }
        }
        return out
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

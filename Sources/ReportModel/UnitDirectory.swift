import Foundation

/// Finds units by code or by name, as of a report date.
public struct UnitDirectory: Sendable {
    /// Registry rows by code (several when a unit's record changed over time).
    public let byCode: [String: [Unit]]
    /// Built on the first lookup by name: most rows carry codes, and building it costs a few hundredths of a second.
    private let names: NameIndex

    struct NameEntry: Sendable, Hashable {
        var code: String
        var kind: String
    }

    /// The name keys of every registry name and alias, computed once, shared by copies.
    final class NameIndex: @unchecked Sendable {
        // Sendable by hand: `built` is only touched while holding `lock`.
        private let lock = NSLock()
        private let units: [Unit]
        private var built: (exact: [String: [NameEntry]], loose: [String: [NameEntry]])?

        init(units: [Unit]) { self.units = units }

        var entries: (exact: [String: [NameEntry]], loose: [String: [NameEntry]]) {
            lock.lock()
            defer { lock.unlock() }
            if let built { return built }
            var exact: [String: Set<NameEntry>] = [:]
            var loose: [String: Set<NameEntry>] = [:]
            for u in units {
                for (i, name) in ([u.name] + u.aliases).enumerated() {
                    let (prefixKind, rest) = NameKey(name).splittingKindPrefix()
                    // The unit's own name carries the unit's kind; an alias keeps its own prefix's.
                    let kind = i == 0 ? u.kind : (prefixKind ?? u.kind)
                    exact[rest.exactString, default: []].insert(NameEntry(code: u.code, kind: kind))
                    loose[rest.looseString, default: []].insert(NameEntry(code: u.code, kind: kind))
                }
            }
            let order: (NameEntry, NameEntry) -> Bool = { ($0.code, $0.kind) < ($1.code, $1.kind) }
            let result = (exact.mapValues { $0.sorted(by: order) }, loose.mapValues { $0.sorted(by: order) })
            built = result
            return result
        }
    }

    /// What a lookup found.
    public enum Match: Sendable, Equatable {
        case unit(Unit)
        /// No registry unit fits.
        case unknown(String)
        /// Units fit, but none is active on the date.
        case inactive(String)
    }

    public init(units: [Unit]) {
        var byCode: [String: [Unit]] = [:]
        for u in units { byCode[u.code, default: []].append(u) }
        self.byCode = byCode
        names = NameIndex(units: units)
    }

    /// The registry row of `code` in force on `day`, if any.
    public func unit(code: String, on day: Day) -> Unit? {
        byCode[code]?.last { $0.isActive(on: day) }
    }

    /// Any registry row of `code` (the latest), whether or not active.
    public func anyUnit(code: String) -> Unit? { byCode[code]?.last }

    /// Resolves a code as written, zero-padding lost to spreadsheets restored;
    /// when two units fit, `level` (the row's procedure's) decides.
    public func lookup(code written: String, level: UnitLevel?, on day: Day, language l: Language = .vi) -> Match {
        // The common case: a full five-digit commune code, which no other reading can fit.
        if written.utf8.count == 5, let rows = byCode[written] {
            if let u = rows.last(where: { $0.isActive(on: day) }) { return .unit(u) }
            return .inactive(l.pick(vi: "đơn vị \(written) không hoạt động vào ngày \(day.iso)", en: "unit \(written) is not active on \(day.iso)"))
        }
        let digits = written.spreadsheetCode
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return .unknown(l.pick(vi: "mã đơn vị \"\(written)\" không phải là số; hãy ghi mã đơn vị 5 chữ số (xã) hoặc 2 chữ số (tỉnh)",
                                   en: "unit code \"\(written)\" is not a number"))
        }
        var fits: [String] = []
        for candidate in [digits, pad(digits, 2), pad(digits, 5)] where !fits.contains(candidate) && byCode[candidate] != nil {
            fits.append(candidate)
        }
        if fits.count > 1, let level {
            fits = fits.filter { anyUnit(code: $0)?.level == level }
        }
        guard !fits.isEmpty else { return .unknown(l.pick(vi: "không có đơn vị nào mã \(digits)", en: "no unit has code \(digits)")) }
        guard fits.count == 1 else {
            return .unknown(l.pick(vi: "mã \(digits) ứng với nhiều đơn vị: \(fits.joined(separator: ", ")); hãy ghi đủ 5 chữ số (xã) hoặc 2 chữ số (tỉnh)",
                                   en: "code \(digits) fits units \(fits.joined(separator: ", "))"))
        }
        if let u = unit(code: fits[0], on: day) { return .unit(u) }
        return .inactive(l.pick(vi: "đơn vị \(fits[0]) không hoạt động vào ngày \(day.iso)", en: "unit \(fits[0]) is not active on \(day.iso)"))
    }

    /// Resolves a name: exact (diacritics kept) first, diacritics-insensitive only
    /// when nothing matches exactly. A name that fits two units is never guessed.
    public func lookup(name: String, on day: Day, language l: Language = .vi) -> Match {
        let (exactNames, looseNames) = names.entries
        let whole = NameKey(name)
        let (kind, rest) = whole.splittingKindPrefix()
        guard !rest.exact.isEmpty else { return .unknown(l.pick(vi: "tên đơn vị trống", en: "unit name is empty")) }
        var entries = (exactNames[rest.exactString] ?? []).filter { kind == nil || $0.kind == kind }
        if entries.isEmpty {
            entries = (looseNames[rest.looseString] ?? []).filter { kind == nil || $0.kind == kind }
        }
        if entries.isEmpty, kind != nil {
            // The first word only looked like a kind prefix (`Phuong Liet` is `Phường Phương Liệt`).
            entries = exactNames[whole.exactString] ?? looseNames[whole.looseString] ?? []
        }
        var codes: [String] = []
        for e in entries where !codes.contains(e.code) { codes.append(e.code) }
        guard !codes.isEmpty else { return .unknown(l.pick(vi: "không có đơn vị nào tên \"\(name)\"", en: "no unit is named \"\(name)\"")) }
        let active = codes.compactMap { unit(code: $0, on: day) }
        if active.count == 1 { return .unit(active[0]) }
        if active.isEmpty {
            return .inactive(l.pick(vi: "\"\(name)\" (\(codes.joined(separator: ", "))) không hoạt động vào ngày \(day.iso)",
                                    en: "\"\(name)\" (\(codes.joined(separator: ", "))) is not active on \(day.iso)"))
        }
        return .unknown(l.pick(vi: "tên \"\(name)\" ứng với \(active.count) đơn vị: \(active.map(\.code).joined(separator: ", ")); hãy ghi mã đơn vị",
                               en: "name \"\(name)\" fits \(active.count) units: \(active.map(\.code).joined(separator: ", "))"))
    }

    /// Whether `name` finds its unit only once diacritics are dropped (`Phuong Hoan Kiem`): worth a warning.
    public func matchesOnlyLoosely(name: String) -> Bool {
        let (exactNames, looseNames) = names.entries
        let (kind, rest) = NameKey(name).splittingKindPrefix()
        if !(exactNames[rest.exactString] ?? []).filter({ kind == nil || $0.kind == kind }).isEmpty { return false }
        if exactNames[NameKey(name).exactString] != nil { return false }
        return looseNames[rest.looseString] != nil || looseNames[NameKey(name).looseString] != nil
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

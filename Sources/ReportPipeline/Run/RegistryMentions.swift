import ReportIngest
import ReportModel

/// The codes and names a registry change touched, to tell which kept rejects it may resolve: a rejected row
/// can only match a unit or procedure differently when its own text names one of them.
///
/// It reads the reject's raw text, not its parsed cells (the warehouse keeps the line as received), so it errs
/// towards naming a date: a code is any run of digits equal to it once leading zeros are dropped (a date's `27`
/// names province 27), a name any run of words equal to it without diacritics and its kind prefix.
struct RegistryMentions: Sendable {
    /// Unit codes without their leading zeros (rows write `70` or `00070` for 00070).
    var unitCodes = Set<String>()
    /// Unit names and aliases: their words without diacritics or kind prefix (`Phường An Cựu` → `an cuu`), by
    /// first word.
    var unitNames: [String: [[String]]] = [:]
    /// The names and codes that were not there before (added units, new names and aliases of changed ones):
    /// rows of other units that carry them may now find two units.
    var newUnitNames = Set<[String]>()
    var newUnitCodes = Set<String>()
    /// Procedure codes as digits only (rows write `1.000101`, `1000101` or `1 000101`).
    var procedureDigits: [String] = []

    /// What `diff` touched: added, removed and changed units (their old and new names) and procedures.
    init(_ diff: RegistryDiff, stored: Registries, current: Registries) {
        let codes = Set(diff.unitsAdded + diff.unitsRemoved + diff.unitsChanged.map(\.code))
        for u in stored.units + current.units where codes.contains(u.code) {
            unitCodes.insert(Self.withoutLeadingZeros(u.code))
            for name in [u.name] + u.aliases {
                let words = Self.words(name)
                if let first = words.first, !(unitNames[first] ?? []).contains(words) { unitNames[first, default: []].append(words) }
            }
        }
        let before = Dictionary(grouping: stored.units, by: \.code)
        for u in current.units where codes.contains(u.code) {
            let old = Set((before[u.code] ?? []).flatMap { [$0.name] + $0.aliases }.map(Self.words))
            if before[u.code] == nil { newUnitCodes.insert(Self.withoutLeadingZeros(u.code)) }
            for words in ([u.name] + u.aliases).map(Self.words) where !words.isEmpty && !old.contains(words) { newUnitNames.insert(words) }
        }
        procedureDigits = Set(diff.proceduresAdded + diff.proceduresRemoved + diff.proceduresChanged)
            .map { $0.filter(\.isNumber) }.filter { !$0.isEmpty }.sorted()
    }

    /// Whether `raw` may name one of the units (a line cut at the warehouse's limit always may).
    func mentionsUnit(_ raw: String) -> Bool {
        guard !unitCodes.isEmpty || !unitNames.isEmpty else { return false }
        if raw.utf8.count >= RawRecord.rawLimit { return true }
        let words = NameKey(raw).loose
        if words.contains(where: { $0.allSatisfy(\.isNumber) && unitCodes.contains(Self.withoutLeadingZeros($0)) }) { return true }
        for (i, word) in words.enumerated() {
            for name in unitNames[word] ?? [] where words[i...].starts(with: name) { return true }
        }
        return false
    }

    /// Whether `raw` may name one of the procedures.
    func mentionsProcedure(_ raw: String) -> Bool {
        guard !procedureDigits.isEmpty else { return false }
        if raw.utf8.count >= RawRecord.rawLimit { return true }
        let squeezed = String(raw.unicodeScalars.filter { $0 != "." && $0 != " " })
        return procedureDigits.contains { squeezed.contains($0) }
    }

    /// A name's words as compared here: no diacritics, no kind prefix.
    static func words(_ name: String) -> [String] { NameKey(name).splittingKindPrefix().rest.loose }

    static func withoutLeadingZeros(_ code: String) -> String {
        let s = code.drop { $0 == "0" }
        return s.isEmpty ? "0" : String(s)
    }
}

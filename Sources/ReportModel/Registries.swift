/// Every registry the pipeline normalizes against, with their lookup indexes.
public final class Registries: Sendable {
    public let units: [Unit]
    /// Procedures in code order.
    public let procedures: [Procedure]
    public let contacts: ContactDirectory
    public let calendar: ReportCalendar
    public let directory: UnitDirectory
    private let procedureByCode: [String: Procedure]

    public init(units: [Unit], procedures: [Procedure], contacts: [ContactPoint], calendar: ReportCalendar) {
        self.units = units
        self.procedures = procedures.sorted { $0.code < $1.code }
        self.contacts = ContactDirectory(contacts: contacts)
        self.calendar = calendar
        self.directory = UnitDirectory(units: units)
        var byCode: [String: Procedure] = [:]
        for p in procedures { byCode[p.code] = p }
        procedureByCode = byCode
    }

    /// The procedure a code names, written with or without its dot (`1000101` is `1.000101`), or as a spreadsheet
    /// shows a code typed as a number: its trailing zeros dropped (`2.0001` is `2.000100`), its dot a comma where
    /// the decimal separator is one, as in Vietnamese settings (`1,000101`).
    public func procedure(code written: String) -> Procedure? {
        if let p = procedureByCode[written] { return p }
        var s = written.spreadsheetCode
        if let p = procedureByCode[s] { return p }
        if s.utf8.filter({ $0 == 0x2C }).count == 1, !s.contains(".") { s = s.replacingOccurrences(of: ",", with: ".") }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 1, (1...5).contains(parts[1].count), s.utf8.allSatisfy({ $0 == 0x2E || ($0 >= 0x30 && $0 <= 0x39) }),
           let p = procedureByCode[s + String(repeating: "0", count: 6 - parts[1].count)] {
            return p
        }
        let digits = s.filter { $0 != "." && $0 != " " }
        guard digits.count >= 2, digits.allSatisfy(\.isASCII) else { return nil }
        let dotted = String(digits.prefix(1)) + "." + digits.dropFirst()
        return procedureByCode[dotted]
    }

    /// Units active on `day`, in code order (one row per code).
    public func activeUnits(on day: Day) -> [Unit] {
        var seen = Set<String>()
        return units.filter { $0.isActive(on: day) && seen.insert($0.code).inserted }.sorted { $0.code < $1.code }
    }

    /// Provinces active on `day`, in code order.
    public func provinces(on day: Day) -> [Unit] {
        activeUnits(on: day).filter { $0.level == .province }
    }
}

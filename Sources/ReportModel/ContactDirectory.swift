/// Matches reporters to registered contact points, as of a report date.
public struct ContactDirectory: Sendable {
    public let contacts: [ContactPoint]
    private let byEmail: [String: [Int]]
    private let byPhone: [String: [Int]]
    private let byUnit: [String: [Int]]

    public init(contacts: [ContactPoint]) {
        self.contacts = contacts
        var e: [String: [Int]] = [:], p: [String: [Int]] = [:], u: [String: [Int]] = [:]
        for (i, c) in contacts.enumerated() {
            if let k = ContactDirectory.emailKey(c.email) { e[k, default: []].append(i) }
            if let k = ContactDirectory.phoneKey(c.phone) { p[k, default: []].append(i) }
            u[c.unitCode, default: []].append(i)
        }
        byEmail = e; byPhone = p; byUnit = u
    }

    /// Emails compare case-insensitively, without surrounding spaces.
    public static func emailKey(_ email: String) -> String? {
        let k = email.trimmingSpaces.lowercased()
        return k.isEmpty ? nil : k
    }

    /// Phones compare on their digits, a leading country code 84 read as 0.
    public static func phoneKey(_ phone: String) -> String? {
        var digits = String(phone.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }.map(Character.init))
        if digits.hasPrefix("0084") { digits = "0" + digits.dropFirst(4) }
        if digits.hasPrefix("84"), digits.count >= 11 { digits = "0" + digits.dropFirst(2) }
        return digits.isEmpty ? nil : digits
    }

    /// Contact points in force on `day` that the reporter is (by email or phone).
    public func matches(email: String?, phone: String?, on day: Day) -> [ContactPoint] {
        var idx: [Int] = []
        if let e = email.flatMap(ContactDirectory.emailKey) { idx += byEmail[e] ?? [] }
        if let p = phone.flatMap(ContactDirectory.phoneKey) { idx += byPhone[p] ?? [] }
        var seen = Set<Int>()
        return idx.filter { seen.insert($0).inserted && contacts[$0].isActive(on: day) }.map { contacts[$0] }
    }

    /// The contact point of `unit` in force on `day`; the latest `active_from` when several.
    public func contact(of unitCode: String, on day: Day) -> ContactPoint? {
        (byUnit[unitCode] ?? []).map { contacts[$0] }.filter { $0.isActive(on: day) }
            .min { a, b in
                let fa = a.activeFrom?.ordinal ?? Int32.min, fb = b.activeFrom?.ordinal ?? Int32.min
                return fa != fb ? fa > fb : (a.email, a.phone, a.fullName) < (b.email, b.phone, b.fullName)
            }
    }
}

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
        let k = email.trimmingSpaces
        guard !k.isEmpty else { return nil }
        // (Every unit report of a day is matched: ASCII addresses, nearly all of them, skip Unicode case mapping.)
        var utf8 = Array(k.utf8)
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return k.lowercased() }
        for i in utf8.indices where utf8[i] >= 0x41 && utf8[i] <= 0x5A { utf8[i] += 0x20 }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Phones compare on their digits, a leading country code 84 read as 0.
    public static func phoneKey(_ phone: String) -> String? {
        var digits = phone.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }
        if digits.starts(with: [0x30, 0x30, 0x38, 0x34]) { digits.replaceSubrange(0..<4, with: [0x30]) }
        if digits.starts(with: [0x38, 0x34]), digits.count >= 11 { digits.replaceSubrange(0..<2, with: [0x30]) }
        return digits.isEmpty ? nil : String(decoding: digits, as: UTF8.self)
    }

    /// Contact points in force on `day` that the reporter is (by email or phone).
    public func matches(email: String?, phone: String?, on day: Day) -> [ContactPoint] {
        var idx: [Int] = []
        if let e = email.flatMap(ContactDirectory.emailKey) { idx += byEmail[e] ?? [] }
        if let p = phone.flatMap(ContactDirectory.phoneKey) { idx += byPhone[p] ?? [] }
        var seen = Set<Int>()
        return idx.filter { seen.insert($0).inserted && contacts[$0].isActive(on: day) }.map { contacts[$0] }
    }

    /// Whether the reporter (by email or phone) is a contact point in force on `day` of a unit `accepts`
    /// (the same answer as filtering `matches`, without building it: every unit report of a day asks).
    public func isContact(email: String?, phone: String?, on day: Day, of accepts: (String) -> Bool) -> Bool {
        if let e = email.flatMap(ContactDirectory.emailKey), let list = byEmail[e] {
            for i in list where contacts[i].isActive(on: day) && accepts(contacts[i].unitCode) { return true }
        }
        if let p = phone.flatMap(ContactDirectory.phoneKey), let list = byPhone[p] {
            for i in list where contacts[i].isActive(on: day) && accepts(contacts[i].unitCode) { return true }
        }
        return false
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

/// When a report for a day is due: a time of day, +07:00, some days after the report date.
public struct Deadline: Sendable, Hashable {
    public var daysAfter: Int
    public var hour: Int
    public var minute: Int

    /// The contract's default: 10:00 +07:00 on the next calendar day.
    public static let standard = Deadline(daysAfter: 1, hour: 10, minute: 0)

    public init(daysAfter: Int, hour: Int, minute: Int) {
        self.daysAfter = daysAfter; self.hour = hour; self.minute = minute
    }

    /// Parses `HH:MM` (next calendar day) or `+N HH:MM`.
    public init?(parsing text: String) {
        var t = Substring(text.trimmingSpaces)
        var days = 1
        if t.hasPrefix("+"), let space = t.firstIndex(of: " "), let n = Int(t.dropFirst().prefix(upTo: space)) {
            days = n; t = t[space...].dropFirst()
        }
        let parts = t.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        self.init(daysAfter: days, hour: h, minute: m)
    }

    /// The instant reports for `day` are due.
    public func instant(for day: Day) -> Timestamp {
        .vietnam(day.adding(days: daysAfter), hour: hour, minute: minute)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, line ends and no-break spaces (U+00A0).
    public var trimmingSpaces: String {
        let u = utf8
        guard let first = u.first, let last = u.last else { return self }
        // Most values have nothing to trim: answer without copying.
        if first != 0x20, first != 0x09, first != 0x0D, first != 0x0A, first != 0xC2,
           last != 0x20, last != 0x09, last != 0x0D, last != 0x0A, last != 0xA0 {
            return self
        }
        let b = Array(u)
        var start = 0, end = b.count
        while start < end {
            if b[start] == 0x20 || b[start] == 0x09 || b[start] == 0x0D || b[start] == 0x0A { start += 1 }
            else if b[start] == 0xC2, start + 1 < end, b[start + 1] == 0xA0 { start += 2 }
            else { break }
        }
        while end > start {
            if b[end - 1] == 0x20 || b[end - 1] == 0x09 || b[end - 1] == 0x0D || b[end - 1] == 0x0A { end -= 1 }
            else if end - 2 >= start, b[end - 2] == 0xC2, b[end - 1] == 0xA0 { end -= 2 }
            else { break }
        }
        return start == 0 && end == b.count ? self : String(decoding: b[start..<end], as: UTF8.self)
    }
}

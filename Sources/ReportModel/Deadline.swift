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

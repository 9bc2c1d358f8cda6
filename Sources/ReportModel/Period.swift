/// A period of report days (contract §6): an ISO week, a month, a quarter or a range of dates.
public struct Period: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case week, month, quarter, range
    }

    public var kind: Kind
    /// The folder name and the `period` column: `2026-W48`, `2026-11`, `2026-Q4`, `2026-11-02_2026-11-06`.
    public var name: String
    /// The first and last calendar day of the period (report day or not).
    public var start: Day
    public var end: Day

    public init(kind: Kind, name: String, start: Day, end: Day) {
        self.kind = kind; self.name = name; self.start = start; self.end = end
    }

    public var description: String { name }

    /// The range `from...to`, folder `FROM_TO`.
    public static func range(from: Day, to: Day) -> Period {
        Period(kind: .range, name: from.iso + "_" + to.iso, start: from, end: to)
    }

    /// The ISO week holding `day` (Monday to Sunday; the week belongs to the year of its Thursday).
    public static func week(containing day: Day) -> Period {
        let monday = day.adding(days: 1 - day.isoWeekday)
        let thursday = monday.adding(days: 3)
        let year = thursday.components.year
        let firstThursday = Day(year: year, month: 1, day: 4)!
        let week1Monday = firstThursday.adding(days: 1 - firstThursday.isoWeekday)
        let number = Int(monday.ordinal - week1Monday.ordinal) / 7 + 1
        return Period(kind: .week, name: String(year) + "-W" + (number < 10 ? "0\(number)" : "\(number)"),
                      start: monday, end: monday.adding(days: 6))
    }

    /// The calendar month holding `day`.
    public static func month(containing day: Day) -> Period {
        let c = day.components
        let start = Day(year: c.year, month: c.month, day: 1)!
        let end = Day(year: c.year, month: c.month, day: Day.daysInMonth(year: c.year, month: c.month))!
        return Period(kind: .month, name: String(start.iso.prefix(7)), start: start, end: end)
    }

    /// The quarter holding `day`.
    public static func quarter(containing day: Day) -> Period {
        let c = day.components
        let q = (c.month - 1) / 3 + 1
        let start = Day(year: c.year, month: q * 3 - 2, day: 1)!
        let end = Day(year: c.year, month: q * 3, day: Day.daysInMonth(year: c.year, month: q * 3))!
        return Period(kind: .quarter, name: "\(c.year)-Q\(q)", start: start, end: end)
    }

    /// Reads `2026-W48`, `2026-11`, `2026-Q4` or a folder name `2026-11-02_2026-11-06`; nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let a = Day(iso: String(parts[0])), let b = Day(iso: String(parts[1])), a <= b else { return nil }
            self = .range(from: a, to: b)
            return
        }
        let u = Array(text.utf8)
        func number(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= u.count, r.allSatisfy({ u[$0] >= 0x30 && u[$0] <= 0x39 }) else { return nil }
            return Int(String(decoding: u[r], as: UTF8.self))
        }
        guard u.count >= 7, u[4] == 0x2D, let year = number(0..<4), year >= 1900, year <= 2999 else { return nil }
        if u.count == 8, u[5] == UInt8(ascii: "W"), let w = number(6..<8), w >= 1 {
            let jan4 = Day(year: year, month: 1, day: 4)!
            let monday = jan4.adding(days: 1 - jan4.isoWeekday).adding(days: (w - 1) * 7)
            let week = Period.week(containing: monday)
            guard week.name == text else { return nil }  // week 53 of a year that has 52
            self = week
        } else if u.count == 7, u[5] == UInt8(ascii: "Q"), let q = number(6..<7), (1...4).contains(q) {
            self = .quarter(containing: Day(year: year, month: q * 3, day: 1)!)
        } else if u.count == 7, let m = number(5..<7), (1...12).contains(m) {
            self = .month(containing: Day(year: year, month: m, day: 1)!)
        } else {
            return nil
        }
    }

    /// Whether `day` lies in the period.
    public func contains(_ day: Day) -> Bool { start <= day && day <= end }
}

/// A calendar date, stored as days since 1970-01-01 (proleptic Gregorian).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var ordinal: Int32

    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// Builds a day from year, month and day, or nil when no such date exists.
    public init?(year: Int, month: Int, day: Int) {
        guard year >= 1900, year <= 2999, month >= 1, month <= 12, day >= 1,
              day <= Day.daysInMonth(year: year, month: month) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = Int32(era * 146097 + doe - 719468)
    }

    /// Year, month and day of this date.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(ordinal) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The weekday's name: `Thứ Hai` … `Chủ nhật`, or `Monday` … `Sunday`.
    public func weekdayName(_ language: Language) -> String {
        (language == .vi
            ? ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
            : ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])[isoWeekday - 1]
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let w = (Int(ordinal) % 7 + 7 + 3) % 7  // 1970-01-01 was a Thursday
        return w + 1
    }

    /// The ISO form `YYYY-MM-DD`.
    public var iso: String {
        let c = components
        return String(format4: c.year) + "-" + String(format2: c.month) + "-" + String(format2: c.day)
    }

    public var description: String { iso }

    /// The date day first, as Vietnamese write it: `27/11/2026`.
    public var dayFirst: String {
        let c = components
        return String(format2: c.day) + "/" + String(format2: c.month) + "/" + String(format4: c.year)
    }

    /// The day `n` days later (or earlier when negative).
    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + Int32(n)) }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension String {
    init(format2 v: Int) { self = v < 10 ? "0\(v)" : "\(v)" }
    init(format4 v: Int) {
        let digits = "\(v)"
        let zeros = digits.utf8.count >= 4 ? "" : ["", "0", "00", "000"][4 - digits.utf8.count]
        self = zeros + digits
    }
}

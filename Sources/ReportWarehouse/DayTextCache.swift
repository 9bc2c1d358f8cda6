import ReportModel

/// Memoizes `Day.iso` over a batch (a day's rows share a handful of dates).
struct DayTextCache {
    private var cache: [Int32: String] = [:]

    mutating func iso(_ day: Day) -> String {
        if let s = cache[day.ordinal] { return s }
        let s = day.iso
        cache[day.ordinal] = s
        return s
    }
}

import ReportChecks
import ReportModel
import ReportWarehouse

/// The previous report days' winning counts, kept in memory as a run moves forward day by day.
struct HistoryCache {
    let warehouse: Warehouse
    let calendar: ReportCalendar
    let window: Int
    private var days: [Day: DayReports] = [:]

    init(warehouse: Warehouse, calendar: ReportCalendar, window: Int) {
        self.warehouse = warehouse; self.calendar = calendar; self.window = window
    }

    /// Up to `window` report days before `day`, oldest first (loaded from the warehouse when not in memory).
    mutating func days(before day: Day) throws -> [DayReports] {
        var wanted: [Day] = []
        var d = day
        while wanted.count < window, let p = calendar.previousReportDay(before: d) {
            wanted.append(p)
            d = p
        }
        var result: [DayReports] = []
        for w in wanted.reversed() {
            if let cached = days[w] {
                result.append(cached)
            } else {
                let loaded = DayReports(day: w, rows: try warehouse.winningRows(on: w))
                days[w] = loaded
                result.append(loaded)
            }
        }
        if let oldest = wanted.last { days = days.filter { $0.key >= oldest } }
        return result
    }

    /// Keeps a freshly computed day for the days after it.
    mutating func remember(_ reports: DayReports) { days[reports.day] = reports }
}

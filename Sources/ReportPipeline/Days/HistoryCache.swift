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
        let wanted = HistoryCache.window(before: day, calendar: calendar, size: window)
        let missing = wanted.filter { days[$0] == nil }
        for (d, reports) in zip(missing, try HistoryCache.load(missing, warehouse: warehouse)) { days[d] = reports }
        let result = wanted.reversed().map { days[$0]! }
        if let oldest = wanted.last { days = days.filter { $0.key >= oldest } }
        return result
    }

    /// The `size` report days before `day`, newest first.
    static func window(before day: Day, calendar: ReportCalendar, size: Int) -> [Day] {
        var wanted: [Day] = []
        var d = day
        while wanted.count < size, let p = calendar.previousReportDay(before: d) {
            wanted.append(p)
            d = p
        }
        return wanted
    }

    /// Adds days loaded ahead of time (on another thread), keeping any computed in this run.
    mutating func seed(_ reports: [DayReports]) {
        for r in reports where days[r.day] == nil { days[r.day] = r }
    }

    /// Days from their snapshots (decoded on both cores), or from their rows when a day has none.
    /// `parallel: false` when another thread (discovery, ingest) already has the other core.
    static func load(_ wanted: [Day], warehouse: Warehouse, parallel: Bool = true) throws -> [DayReports] {
        let decoded: [DayReports?]
        if parallel {
            var blobs: [[UInt8]?] = []
            for d in wanted { blobs.append(try warehouse.snapshot(on: d)) }
            let input = blobs
            decoded = try Parallel.map(count: wanted.count) { i in input[i].flatMap { DaySnapshot.decode($0, day: wanted[i]) } }
        } else {
            // One day's bytes at a time: a national window's 28 snapshots are 12 MB, held for nothing while decoding.
            decoded = try wanted.map { d in try warehouse.snapshot(on: d).flatMap { DaySnapshot.decode($0, day: d) } }
        }
        return try zip(wanted, decoded).map { d, r in
            try r ?? DayReports(day: d, winners: try warehouse.winningCounts(on: d))
        }
    }

    /// Keeps a freshly computed day for the days after it.
    mutating func remember(_ reports: DayReports) { days[reports.day] = reports }
}

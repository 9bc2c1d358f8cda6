/// Which days are report days: Monday–Friday, less holidays, plus make-up workdays.
public struct ReportCalendar: Sendable, Hashable {
    /// Calendar entries by day: `true` for a make-up workday, `false` for a holiday.
    public var exceptions: [Day: Bool]
    public var names: [Day: String]

    public init(exceptions: [Day: Bool] = [:], names: [Day: String] = [:]) {
        self.exceptions = exceptions; self.names = names
    }

    /// Whether reports are expected for `day`.
    public func isReportDay(_ day: Day) -> Bool {
        if let workday = exceptions[day] { return workday }
        return day.isoWeekday <= 5
    }

    /// The last report day strictly before `day` (searching back at most a year).
    public func previousReportDay(before day: Day) -> Day? {
        var d = day.adding(days: -1)
        for _ in 0..<400 {
            if isReportDay(d) { return d }
            d = d.adding(days: -1)
        }
        return nil
    }

    /// The first report day on or after `day`.
    public func reportDay(onOrAfter day: Day) -> Day {
        var d = day
        for _ in 0..<400 where !isReportDay(d) { d = d.adding(days: 1) }
        return d
    }

    /// Report days in `from...to`, in order.
    public func reportDays(from: Day, to: Day) -> [Day] {
        guard from <= to else { return [] }
        return (from.ordinal...to.ordinal).map(Day.init(ordinal:)).filter(isReportDay)
    }
}

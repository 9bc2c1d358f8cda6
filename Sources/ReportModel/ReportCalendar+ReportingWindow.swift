extension ReportCalendar {
    /// The report day whose reporting window holds `t`: after the previous report day's deadline, up to this one's.
    public func reportingWindowDay(of t: Timestamp, deadline: Deadline) -> Day {
        var d = t.vietnamDay.adding(days: -deadline.daysAfter - 1)
        for _ in 0..<400 {
            if isReportDay(d), deadline.instant(for: d) >= t { return d }
            d = d.adding(days: 1)
        }
        return t.vietnamDay
    }
}

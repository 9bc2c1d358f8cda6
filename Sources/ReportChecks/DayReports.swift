import ReportModel

/// One report day's winning counts: unit code → procedure code → counts.
public struct DayReports: Sendable {
    /// The report date these counts are for.
    public let day: Day
    /// Unit code → procedure code → counts; an empty map is a unit that reported only an empty envelope.
    public var units: [String: [String: Counts]]

    /// Wraps counts already grouped by unit and procedure.
    public init(day: Day, units: [String: [String: Counts]]) {
        self.day = day
        self.units = units
    }

    /// Groups the winning rows of `day`; rows of other dates are ignored, and a repeated unit and procedure keeps its last row.
    public init(day: Day, rows: [StoredRow]) {
        var units: [String: [String: Counts]] = [:]
        for stored in rows where stored.row.reportDate == day {
            units[stored.row.unitCode, default: [:]][stored.row.procedureCode] = stored.row.counts
        }
        self.init(day: day, units: units)
    }

    /// Groups winners given as (unit, procedure, counts).
    public init(day: Day, winners: [(unit: String, procedure: String, counts: Counts)]) {
        var units: [String: [String: Counts]] = [:]
        for w in winners { units[w.unit, default: [:]][w.procedure] = w.counts }
        self.init(day: day, units: units)
    }
}

/// A `period_summary.csv` row: the nation or a province over a period's report days.
public struct PeriodScope: Sendable, Hashable {
    /// The scope's figures as a day's row holds them, summed over the days: flows and reports summed, the backlog
    /// (pending) as of the period's last day.
    public var summary: ScopeSummary
    public var unitsExpectedEveryDay = 0
    public var unitsReportingEveryDay = 0

    public init(scopeCode: String, scopeName: String) {
        summary = ScopeSummary(scopeCode: scopeCode, scopeName: scopeName)
    }
}

/// A `unit_reporting.csv` row: one unit over the period's report days it was expected.
public struct PeriodUnit: Sendable, Hashable {
    public var provinceCode: String
    public var provinceName: String
    public var unitCode: String
    public var unitName: String
    public var expected = 0
    public var received = 0
    public var late = 0
    public var longestMissingRun = 0
    public var anomalies = 0
    /// The last report day of the period the unit was expected (its contact is the one in force then).
    public var lastExpected: Day

    public init(provinceCode: String, provinceName: String, unitCode: String, unitName: String, lastExpected: Day) {
        self.provinceCode = provinceCode; self.provinceName = provinceName; self.unitCode = unitCode
        self.unitName = unitName; self.lastExpected = lastExpected
    }

    public var missing: Int { expected - received }
}

/// A procedure over the period: flows summed, backlog as of the last day.
public struct PeriodProcedure: Sendable, Hashable {
    public var procedure: Procedure
    public var counts = Counts.zero

    public init(procedure: Procedure) { self.procedure = procedure }
}

/// Everything the files of a period show (contract §6), computed from the published daily figures.
public struct PeriodAggregate: Sendable {
    public var period: Period
    /// The report days covered, in order (never empty).
    public var days: [Day]
    /// The nation first, then provinces in code order.
    public var scopes: [PeriodScope]
    /// Units active on any covered day, in code order.
    public var units: [PeriodUnit]
    /// Registry procedures in code order.
    public var procedures: [PeriodProcedure]
    /// The daily figures the period was made of, one per covered day (the page draws them by day).
    public var daily: [DayFigures]

    public init(period: Period, days: [Day], scopes: [PeriodScope], units: [PeriodUnit], procedures: [PeriodProcedure],
                daily: [DayFigures]) {
        self.period = period; self.days = days; self.scopes = scopes; self.units = units; self.procedures = procedures
        self.daily = daily
    }

    public var firstDay: Day { days[0] }
    public var lastDay: Day { days[days.count - 1] }
}

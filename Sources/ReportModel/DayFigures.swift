/// A unit's published figures for one report day it was expected.
public struct UnitDayFigures: Sendable, Hashable {
    public var unitCode: String
    public var provinceCode: String
    public var reported: Bool
    public var late: Bool
    /// Findings about the unit that day.
    public var anomalies: Int

    public init(unitCode: String, provinceCode: String, reported: Bool, late: Bool, anomalies: Int) {
        self.unitCode = unitCode; self.provinceCode = provinceCode; self.reported = reported; self.late = late
        self.anomalies = anomalies
    }
}

/// A procedure's published figures for one report day (a `procedure_summary.csv` row).
public struct ProcedureDayFigures: Sendable, Hashable {
    public var procedureCode: String
    public var unitsReporting: Int
    public var counts: Counts

    public init(procedureCode: String, unitsReporting: Int, counts: Counts) {
        self.procedureCode = procedureCode; self.unitsReporting = unitsReporting; self.counts = counts
    }
}

/// What a report day published, kept in the warehouse for the period reports (contract §6):
/// the national summary's rows, the procedures' and every expected unit's.
public struct DayFigures: Sendable, Hashable {
    public var day: Day
    /// The nation first, then provinces in code order (as `national_summary.csv`).
    public var scopes: [ScopeSummary]
    /// In procedure code order.
    public var procedures: [ProcedureDayFigures]
    /// Every unit expected on the day, in code order.
    public var units: [UnitDayFigures]

    public init(day: Day, scopes: [ScopeSummary], procedures: [ProcedureDayFigures], units: [UnitDayFigures]) {
        self.day = day; self.scopes = scopes; self.procedures = procedures; self.units = units
    }
}

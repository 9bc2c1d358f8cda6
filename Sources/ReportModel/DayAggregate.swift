/// One row of `national_summary.csv`: the nation or a province.
public struct ScopeSummary: Sendable, Hashable {
    public var scopeCode: String
    public var scopeName: String
    public var expected = 0
    public var received = 0
    public var late = 0
    public var counts = Counts.zero
    public var anomalies = 0

    public init(scopeCode: String, scopeName: String) {
        self.scopeCode = scopeCode; self.scopeName = scopeName
    }

    public var missing: Int { expected - received }
}

/// One row of `procedure_summary.csv`.
public struct ProcedureSummary: Sendable, Hashable {
    public var procedure: Procedure
    public var unitsReporting = 0
    public var counts = Counts.zero

    public init(procedure: Procedure) { self.procedure = procedure }
}

/// A unit expected on the day with no report, and whom to call.
public struct MissingReport: Sendable, Hashable {
    public var province: Unit
    public var unit: Unit
    public var contact: ContactPoint?

    public init(province: Unit, unit: Unit, contact: ContactPoint?) {
        self.province = province; self.unit = unit; self.contact = contact
    }
}

/// Everything the exports of one report day show, computed from the warehouse's winners.
public struct DayAggregate: Sendable {
    public var day: Day
    /// The nation first, then provinces in code order.
    public var scopes: [ScopeSummary]
    public var procedures: [ProcedureSummary]
    /// In province, then unit code order.
    public var missing: [MissingReport]
    /// Units whose first report came after the deadline, in code order.
    public var lateUnits: [String]

    public init(day: Day, scopes: [ScopeSummary], procedures: [ProcedureSummary], missing: [MissingReport], lateUnits: [String]) {
        self.day = day; self.scopes = scopes; self.procedures = procedures; self.missing = missing; self.lateUnits = lateUnits
    }
}


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
    /// The late units with their province and first submission, in province, then unit code order.
    public var late: [LateReport] = []
    /// Province code → one row per active unit of the province (the province itself included), in code order,
    /// with the national summary's figures (expected 1; received, late 0 or 1); for the provinces' workbooks.
    public var unitRows: [String: [ScopeSummary]] = [:]
    /// Province code → the procedure summary of that province's units alone (every procedure, in code order).
    public var provinceProcedures: [String: [ProcedureSummary]] = [:]

    public init(day: Day, scopes: [ScopeSummary], procedures: [ProcedureSummary], missing: [MissingReport], lateUnits: [String]) {
        self.day = day; self.scopes = scopes; self.procedures = procedures; self.missing = missing; self.lateUnits = lateUnits
    }
}

/// A unit whose first report for the day came after the deadline.
public struct LateReport: Sendable, Hashable {
    public var province: Unit
    public var unit: Unit
    /// Its earliest submission with an accepted row for the day.
    public var firstSubmission: Timestamp

    public init(province: Unit, unit: Unit, firstSubmission: Timestamp) {
        self.province = province; self.unit = unit; self.firstSubmission = firstSubmission
    }
}


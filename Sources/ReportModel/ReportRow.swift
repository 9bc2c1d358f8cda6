/// The seven dossier counts of one (date, unit, procedure).
public struct Counts: Sendable, Hashable {
    public var receivedOnline: Int
    public var receivedOffline: Int
    public var resolvedOnTime: Int
    public var resolvedLate: Int
    public var returned: Int
    public var pendingOnTime: Int
    public var pendingOverdue: Int

    public init(receivedOnline: Int = 0, receivedOffline: Int = 0, resolvedOnTime: Int = 0, resolvedLate: Int = 0,
                returned: Int = 0, pendingOnTime: Int = 0, pendingOverdue: Int = 0) {
        self.receivedOnline = receivedOnline; self.receivedOffline = receivedOffline
        self.resolvedOnTime = resolvedOnTime; self.resolvedLate = resolvedLate; self.returned = returned
        self.pendingOnTime = pendingOnTime; self.pendingOverdue = pendingOverdue
    }

    public static let zero = Counts()

    public var received: Int { receivedOnline + receivedOffline }
    public var resolved: Int { resolvedOnTime + resolvedLate }
    public var pending: Int { pendingOnTime + pendingOverdue }
    /// received + resolved + returned: whether anything happened that day.
    public var activity: Int { received + resolved + returned }

    public static func += (a: inout Counts, b: Counts) {
        a.receivedOnline += b.receivedOnline; a.receivedOffline += b.receivedOffline
        a.resolvedOnTime += b.resolvedOnTime; a.resolvedLate += b.resolvedLate; a.returned += b.returned
        a.pendingOnTime += b.pendingOnTime; a.pendingOverdue += b.pendingOverdue
    }

    /// The counts in contract column order.
    public var array: [Int] {
        [receivedOnline, receivedOffline, resolvedOnTime, resolvedLate, returned, pendingOnTime, pendingOverdue]
    }

    /// The count at `position` (0–6) in contract column order.
    public subscript(position: Int) -> Int {
        get {
            switch position {
            case 0: receivedOnline
            case 1: receivedOffline
            case 2: resolvedOnTime
            case 3: resolvedLate
            case 4: returned
            case 5: pendingOnTime
            default: pendingOverdue
            }
        }
        set {
            switch position {
            case 0: receivedOnline = newValue
            case 1: receivedOffline = newValue
            case 2: resolvedOnTime = newValue
            case 3: resolvedLate = newValue
            case 4: returned = newValue
            case 5: pendingOnTime = newValue
            default: pendingOverdue = newValue
            }
        }
    }
}

/// Who sent a report, as the submission names them.
public struct Reporter: Sendable, Hashable {
    public var fullName: String
    public var email: String
    public var phone: String

    public init(fullName: String = "", email: String = "", phone: String = "") {
        self.fullName = fullName; self.email = email; self.phone = phone
    }

    public var isEmpty: Bool { email.isEmpty && phone.isEmpty }

    /// `name <email> phone`, for details.
    public var label: String {
        [fullName, email.isEmpty ? "" : "<\(email)>", phone].filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// An accepted row: one unit, one report date, one procedure, normalized.
public struct ReportRow: Sendable, Hashable {
    public var reportDate: Day
    public var unitCode: String
    public var procedureCode: String
    public var counts: Counts
    /// `submitted_at`, else the file's received time.
    public var submittedAt: Timestamp
    public var line: Int
    public var reporter: Reporter
    public var note: String

    public init(reportDate: Day, unitCode: String, procedureCode: String, counts: Counts, submittedAt: Timestamp,
                line: Int, reporter: Reporter = Reporter(), note: String = "") {
        self.reportDate = reportDate; self.unitCode = unitCode; self.procedureCode = procedureCode
        self.counts = counts; self.submittedAt = submittedAt; self.line = line; self.reporter = reporter; self.note = note
    }
}

/// A unit's report for a date: made by its accepted rows, or by an envelope without items.
public struct UnitReport: Sendable, Hashable {
    public var reportDate: Day
    public var unitCode: String
    public var submittedAt: Timestamp
    public var line: Int
    public var reporter: Reporter

    public init(reportDate: Day, unitCode: String, submittedAt: Timestamp, line: Int, reporter: Reporter) {
        self.reportDate = reportDate; self.unitCode = unitCode; self.submittedAt = submittedAt
        self.line = line; self.reporter = reporter
    }
}

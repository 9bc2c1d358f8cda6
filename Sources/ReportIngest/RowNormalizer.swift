import ReportModel

/// Normalizes raw records against the registries as of each row's report date.
public struct RowNormalizer: Sendable {
    public let registries: Registries
    /// Turn an unregistered reporter into the row reject `unregistered_reporter`.
    public var rejectUnregisteredReporter: Bool

    public init(registries: Registries, rejectUnregisteredReporter: Bool = false) {
        self.registries = registries
        self.rejectUnregisteredReporter = rejectUnregisteredReporter
    }

    /// What one record became.
    public enum Outcome: Sendable {
        case row(ReportRow)
        case emptyReport(UnitReport)
        case reject(Reject)
    }

    /// Name lookups already made for one file: a file names the same unit on every row, and a lookup
    /// by name (Unicode decomposition of the name) costs far more than the rest of the row.
    public final class NameMemo {
        var matches: [NameMemoKey: UnitDirectory.Match] = [:]
        public init() {}
    }

    struct NameMemoKey: Hashable {
        var name: String
        var day: Day
    }

    /// Normalizes `record` of `file`, received at `receivedAt`.
    public func normalize(_ record: RawRecord, file: String, receivedAt: Timestamp, memo: NameMemo? = nil) -> Outcome {
        // The unit, once resolved, goes with any later reject (the warehouse's reject_rows show it).
        var namedUnit: String?
        func reject(_ reason: RejectReason, _ detail: String, _ date: Day? = nil) -> Outcome {
            .reject(Reject(file: file, line: record.line, reason: reason, detail: detail, raw: record.raw, reportDate: date,
                           unitCode: namedUnit))
        }
        if let r = record.ragged {
            return reject(.raggedRow, "\(r.found) fields where the header has \(r.expected)")
        }
        let isRow = record.kind == .row
        let code = record.trimmed(.unitCode), name = record.trimmed(.unitName)
        let reporter = Reporter(fullName: record.trimmed(.reporterName) ?? "", email: record.trimmed(.reporterEmail) ?? "",
                                phone: record.trimmed(.reporterPhone) ?? "")
        guard let dateText = record.trimmed(.reportDate) else { return reject(.missingField, "report_date is empty") }
        let procedureText = record.trimmed(.procedureCode)
        if isRow, procedureText == nil {
            return reject(.missingField, "procedure_code is empty", Day(parsing: dateText))
        }
        if code == nil, name == nil, reporter.isEmpty {
            return reject(.missingField, "the row names no unit: unit_code, unit_name and the reporter are empty", Day(parsing: dateText))
        }
        guard let date = Day(parsing: dateText) else { return reject(.badDate, "\"\(dateText)\" is not a date (YYYY-MM-DD or D/M/YYYY)") }
        let submittedAt = record.trimmed(.submittedAt).flatMap(Timestamp.init(parsing:)) ?? receivedAt
        if date > submittedAt.vietnamDay {
            return reject(.futureDate, "report date \(date.iso) is after the day it was submitted (\(submittedAt.iso))", date)
        }
        let procedure = procedureText.flatMap(registries.procedure(code:))
        let match: UnitDirectory.Match
        if let code {
            match = registries.directory.lookup(code: code, level: procedure?.level, on: date)
        } else if let name {
            let key = NameMemoKey(name: name, day: date)
            if let known = memo?.matches[key] {
                match = known
            } else {
                match = registries.directory.lookup(name: name, on: date)
                memo?.matches[key] = match
            }
        } else {
            match = unitOfReporter(reporter, on: date)
        }
        let unit: Unit
        switch match {
        case .unit(let u): unit = u; namedUnit = u.code
        case .unknown(let why): return reject(.unknownUnit, why, date)
        case .inactive(let why): return reject(.inactiveUnit, why, date)
        }
        guard isRow else {
            if rejectUnregisteredReporter, !reporter.isEmpty, !isRegistered(reporter, for: unit, on: date) {
                return reject(.unregisteredReporter, "\(reporter.label) is not a contact point of \(unit.code) or its province", date)
            }
            return .emptyReport(UnitReport(reportDate: date, unitCode: unit.code, submittedAt: submittedAt,
                                           line: record.line, reporter: reporter))
        }
        guard let procedure else {
            return reject(.unknownProcedure, "no procedure has code \(procedureText ?? "")", date)
        }
        guard procedure.level == unit.level else {
            return reject(.procedureLevelMismatch,
                          "procedure \(procedure.code) is handled by a \(procedure.level.rawValue), unit \(unit.code) is a \(unit.level.rawValue)", date)
        }
        var counts = Counts()
        for (i, column) in Column.counts.enumerated() {
            let text = record[column]
            if record.badCountMask & (1 << UInt32(column.rawValue)) != 0 {
                return reject(.badCount, "\(column.canonicalName) \"\(text ?? "")\" is not a whole number", date)
            }
            switch CountParser.parse(text) {
            case .success(let v): counts[i] = v
            case .failure(let f):
                let why: String
                switch f {
                case .negative: why = "is negative"
                case .fractional: why = "is not a whole number"
                case .notANumber: why = "is not a number"
                case .tooLarge: why = "is too large"
                }
                return reject(.badCount, "\(column.canonicalName) \"\(text ?? "")\" \(why)", date)
            }
        }
        if rejectUnregisteredReporter, !reporter.isEmpty, !isRegistered(reporter, for: unit, on: date) {
            return reject(.unregisteredReporter, "\(reporter.label) is not a contact point of \(unit.code) or its province", date)
        }
        return .row(ReportRow(reportDate: date, unitCode: unit.code, procedureCode: procedure.code, counts: counts,
                              submittedAt: submittedAt, line: record.line, reporter: reporter,
                              note: record[.note] ?? ""))
    }

    /// The unit a reporter reports for, when a row names no unit.
    func unitOfReporter(_ reporter: Reporter, on day: Day) -> UnitDirectory.Match {
        let contacts = registries.contacts.matches(email: reporter.email, phone: reporter.phone, on: day)
        let codes = Set(contacts.map(\.unitCode)).sorted()
        guard !codes.isEmpty else { return .unknown("the row names no unit and \(reporter.label) is no registered contact point on \(day.iso)") }
        guard codes.count == 1 else { return .unknown("the row names no unit and \(reporter.label) reports for several units: \(codes.joined(separator: ", "))") }
        if let u = registries.directory.unit(code: codes[0], on: day) { return .unit(u) }
        return .inactive("unit \(codes[0]) of reporter \(reporter.label) is not active on \(day.iso)")
    }

    /// Whether the reporter is a contact point of the unit, or of its province, on `day`.
    public func isRegistered(_ reporter: Reporter, for unit: Unit, on day: Day) -> Bool {
        registries.contacts.matches(email: reporter.email, phone: reporter.phone, on: day)
            .contains { $0.unitCode == unit.code || $0.unitCode == unit.provinceCode }
    }
}

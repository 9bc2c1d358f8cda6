import ReportModel

/// Normalizes raw records against the registries as of each row's report date.
public struct RowNormalizer: Sendable {
    public let registries: Registries
    /// Turn an unregistered reporter into the row reject `unregistered_reporter`.
    public var rejectUnregisteredReporter: Bool
    /// The language of reject details.
    public var language: Language

    public init(registries: Registries, rejectUnregisteredReporter: Bool = false, language: Language = .vi) {
        self.registries = registries
        self.rejectUnregisteredReporter = rejectUnregisteredReporter
        self.language = language
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

    /// What a sheet's total row is labelled with, as name keys (with diacritics, and without for the fallback).
    private static let totalWords = ["Tổng cộng", "Cộng", "Tổng", "Tổng số"].map(NameKey.init)
    private static let totalLabels = Set(totalWords.map(\.exact)), looseTotalLabels = Set(totalWords.map(\.loose))

    /// The bytes of a CSV line that holds no value: delimiters, spaces, quotes and line ends.
    static let delimiterOnly: Set<UInt8> = Set(",;\t \"\r\n".utf8)

    /// The cell of `raw` (a record as written) that labels it a total row, when one does: a whole cell, so that a
    /// unit named "Xã Cộng Hòa" is not one. Without diacritics ("Tong cong") only as the fallback.
    public static func totalLabel(_ raw: String) -> String? {
        let cells = raw.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" || $0 == "|" })
            .map { cell in
                let strip: (Character) -> Bool = { $0.isWhitespace || $0 == "\"" || $0 == ":" }
                return String(cell.drop(while: strip).reversed().drop(while: strip).reversed())
            }
        return cells.first { Self.totalLabels.contains(NameKey($0).exact) }
            ?? cells.first { !$0.isEmpty && Self.looseTotalLabels.contains(NameKey($0).loose) }
    }

    /// Normalizes `record` of `file`, received at `receivedAt`.
    public func normalize(_ record: RawRecord, file: String, receivedAt: Timestamp, memo: NameMemo? = nil) -> Outcome {
        // The unit, once resolved, goes with any later reject (the warehouse's reject_rows show it).
        var namedUnit: String?
        func reject(_ reason: RejectReason, _ detail: String, _ date: Day? = nil) -> Outcome {
            .reject(Reject(file: file, line: record.line, reason: reason, detail: detail, raw: record.raw, reportDate: date,
                           unitCode: namedUnit))
        }
        let l = language
        if let r = record.ragged {
            return reject(.raggedRow, raggedText(r, record.raggedGuess))
        }
        let isRow = record.kind == .row
        let code = record.trimmed(.unitCode), name = record.trimmed(.unitName)
        let reporter = Reporter(fullName: record.trimmed(.reporterName) ?? "", email: record.trimmed(.reporterEmail) ?? "",
                                phone: record.trimmed(.reporterPhone) ?? "")
        // A sheet's total row, said to be one when it lacks what a row needs (its label may sit in any column).
        func totalRow(_ reason: RejectReason, lacking what: (vi: String, en: String), _ date: Day? = nil) -> Outcome? {
            Self.totalLabel(record.raw).map { label in
                reject(reason, l.pick(
                    vi: "dòng này là dòng tổng (ô \"\(label)\") và không có \(what.vi); hệ thống tự cộng số liệu các đơn vị, "
                        + "hãy xóa dòng tổng khỏi tệp trước khi gửi",
                    en: "this is a total row (cell \"\(label)\") with no \(what.en); the program sums the units' figures "
                        + "itself, delete the total row before sending the file"), date)
            }
        }
        // An empty cell under a filled one: perhaps a merged cell, which a CSV keeps on the range's first row only.
        func merged(_ columns: Column...) -> String {
            guard columns.contains(where: { record.filledAbove & (1 << UInt32($0.rawValue)) != 0 }) else { return "" }
            return l.pick(vi: "; nếu ô này được gộp với ô ở dòng trên trong Excel, hãy bỏ gộp ô và ghi giá trị ở mọi dòng "
                              + "(tệp CSV chỉ giữ giá trị của ô gộp ở dòng đầu)",
                          en: "; if the cell was merged with the one above in Excel, unmerge it and write the value on every "
                              + "row (a CSV keeps a merged cell's value on its first row only)")
        }
        guard let dateText = record.trimmed(.reportDate) else {
            if let total = totalRow(.missingField, lacking: ("ngày báo cáo", "report date")) { return total }
            if isRow, !record.rawBytes.isEmpty, record.rawBytes.allSatisfy({ Self.delimiterOnly.contains($0) }) {
                return reject(.missingField, l.pick(
                    vi: "dòng không có giá trị nào, chỉ có dấu phân cách (Excel ghi như vậy các dòng trống đã định dạng); "
                        + "hãy xóa dòng trống này rồi lưu lại",
                    en: "the line holds no value, only delimiters (as Excel writes formatted empty rows); delete the empty row "
                        + "and save again"))
            }
            return reject(.missingField, l.pick(vi: "ô \"Ngày báo cáo\" (report_date) trống; hãy ghi ngày báo cáo, ví dụ 27/11/2026",
                                                en: "report_date is empty") + merged(.reportDate))
        }
        let procedureText = record.trimmed(.procedureCode)
        if isRow, procedureText == nil {
            if let total = totalRow(.missingField, lacking: ("mã thủ tục", "procedure code"), Day(parsing: dateText)) { return total }
            return reject(.missingField, l.pick(vi: "ô \"Mã thủ tục\" (procedure_code) trống; hãy ghi mã thủ tục, ví dụ 1.000101",
                                                en: "procedure_code is empty"), Day(parsing: dateText))
        }
        if code == nil, name == nil, reporter.isEmpty {
            return reject(.missingField, l.pick(
                vi: "dòng không ghi đơn vị: \"Mã đơn vị\", \"Tên đơn vị\" và người báo cáo đều trống; hãy ghi mã đơn vị",
                en: "the row names no unit: unit_code, unit_name and the reporter are empty") + merged(.unitCode, .unitName),
                          Day(parsing: dateText))
        }
        guard let date = Day(parsing: dateText) else {
            // A spreadsheet's date cell formatted as a number ("General") is written to CSV as its serial: said, not
            // guessed at (a CSV has no cell types, and a 5-digit number may be anything).
            if dateText.utf8.count == 5, let n = Int(dateText), (36_526...73_050).contains(n),
               let d = XLSXCell.day(serial: Double(n), date1904: false) {
                return reject(.badDate, l.pick(
                    vi: "\"\(dateText)\" không phải là ngày; có lẽ đây là ngày \(d.dayFirst) mà Excel ghi thành số vì cột không được "
                        + "định dạng ngày: hãy định dạng cột \"Ngày báo cáo\" là ngày (Format Cells › Date) rồi lưu lại",
                    en: "\"\(dateText)\" is not a date; it may be \(d.iso) written as a number by Excel because the column is not "
                        + "formatted as a date: format the report_date column as a date (Format Cells › Date) and save again"))
            }
            if let d = Day.behindAnotherWeekday(dateText) {
                return reject(.badDate, l.pick(
                    vi: "\"\(dateText)\": ngày \(d.dayFirst) là \(d.weekdayName(.vi)), không khớp với thứ ghi trong ô; hãy sửa ngày hoặc thứ cho đúng",
                    en: "\"\(dateText)\": \(d.iso) is a \(d.weekdayName(.en)), not the weekday written before it; correct the date or the weekday"))
            }
            return reject(.badDate, l.pick(vi: "\"\(dateText)\" không phải là ngày; hãy viết ngày/tháng/năm (27/11/2026) hoặc YYYY-MM-DD",
                                           en: "\"\(dateText)\" is not a date (YYYY-MM-DD or D/M/YYYY)"))
        }
        let submittedAt = record.trimmed(.submittedAt).flatMap(Timestamp.init(parsing:)) ?? receivedAt
        if date > submittedAt.vietnamDay {
            return reject(.futureDate, l.pick(
                vi: "ngày báo cáo \(date.iso) ở sau ngày gửi (\(submittedAt.iso)); hãy kiểm tra lại ngày báo cáo",
                en: "report date \(date.iso) is after the day it was submitted (\(submittedAt.iso))"), date)
        }
        let procedure = procedureText.flatMap(registries.procedure(code:))
        let match: UnitDirectory.Match
        if let code {
            match = registries.directory.lookup(code: code, level: procedure?.level, on: date, language: l)
        } else if let name {
            let key = NameMemoKey(name: name, day: date)
            if let known = memo?.matches[key] {
                match = known
            } else {
                match = registries.directory.lookup(name: name, on: date, language: l)
                memo?.matches[key] = match
            }
        } else {
            match = unitOfReporter(reporter, on: date)
        }
        let unit: Unit
        switch match {
        case .unit(let u): unit = u; namedUnit = u.code
        case .unknown(let why):
            if let code, let name { return reject(.unknownUnit, why + nameHint(code: code, name: name, on: date), date) }
            return reject(.unknownUnit, why, date)
        case .inactive(let why): return reject(.inactiveUnit, why, date)
        }
        guard isRow else {
            if rejectUnregisteredReporter, !reporter.isEmpty, !isRegistered(reporter, for: unit, on: date) {
                return reject(.unregisteredReporter, unregisteredText(reporter, unit), date)
            }
            return .emptyReport(UnitReport(reportDate: date, unitCode: unit.code, submittedAt: submittedAt,
                                           line: record.line, reporter: reporter))
        }
        guard let procedure else {
            return reject(.unknownProcedure, l.pick(
                vi: "không có thủ tục nào mã \(procedureText ?? "") trong danh mục; hãy kiểm tra lại mã thủ tục (dạng 1.000101)",
                en: "no procedure has code \(procedureText ?? "")"), date)
        }
        guard procedure.level == unit.level else {
            func vi(_ level: UnitLevel) -> String { level == .province ? "cấp tỉnh" : "cấp xã" }
            return reject(.procedureLevelMismatch, l.pick(
                vi: "thủ tục \(procedure.code) do \(vi(procedure.level)) giải quyết, còn đơn vị \(unit.code) là \(vi(unit.level)); hãy kiểm tra mã thủ tục hoặc mã đơn vị",
                en: "procedure \(procedure.code) is handled by a \(procedure.level.rawValue), unit \(unit.code) is a \(unit.level.rawValue)"), date)
        }
        var counts = Counts()
        for (i, column) in Column.counts.enumerated() {
            let text = record[column]
            if record.badCountMask & (1 << UInt32(column.rawValue)) != 0 {
                return reject(.badCount, countText(column, text, .fractional), date)
            }
            switch CountParser.parse(text) {
            case .success(let v): counts[i] = v
            case .failure(let f):
                return reject(.badCount, countText(column, text, f), date)
            }
        }
        if rejectUnregisteredReporter, !reporter.isEmpty, !isRegistered(reporter, for: unit, on: date) {
            return reject(.unregisteredReporter, unregisteredText(reporter, unit), date)
        }
        return .row(ReportRow(reportDate: date, unitCode: unit.code, procedureCode: procedure.code, counts: counts,
                              submittedAt: submittedAt, line: record.line, reporter: reporter,
                              note: record[.note] ?? ""))
    }

    /// The unit a reporter reports for, when a row names no unit.
    func unitOfReporter(_ reporter: Reporter, on day: Day) -> UnitDirectory.Match {
        let contacts = registries.contacts.matches(email: reporter.email, phone: reporter.phone, on: day)
        let codes = Set(contacts.map(\.unitCode)).sorted()
        let l = language
        guard !codes.isEmpty else {
            return .unknown(l.pick(vi: "dòng không ghi đơn vị và \(reporter.label) không phải đầu mối báo cáo đã đăng ký vào ngày \(day.iso); hãy ghi mã đơn vị",
                                   en: "the row names no unit and \(reporter.label) is no registered contact point on \(day.iso)"))
        }
        guard codes.count == 1 else {
            return .unknown(l.pick(vi: "dòng không ghi đơn vị và \(reporter.label) báo cáo cho nhiều đơn vị: \(codes.joined(separator: ", ")); hãy ghi mã đơn vị",
                                   en: "the row names no unit and \(reporter.label) reports for several units: \(codes.joined(separator: ", "))"))
        }
        if let u = registries.directory.unit(code: codes[0], on: day) { return .unit(u) }
        return .inactive(l.pick(vi: "đơn vị \(codes[0]) của người báo cáo \(reporter.label) không hoạt động vào ngày \(day.iso)",
                                en: "unit \(codes[0]) of reporter \(reporter.label) is not active on \(day.iso)"))
    }

    /// Whether the reporter is a contact point of the unit, or of its province, on `day`.
    public func isRegistered(_ reporter: Reporter, for unit: Unit, on day: Day) -> Bool {
        registries.contacts.matches(email: reporter.email, phone: reporter.phone, on: day)
            .contains { $0.unitCode == unit.code || $0.unitCode == unit.provinceCode }
    }

    /// When a code fits no unit but the row's name does: which unit the name is (`mã 700 không có; tên trên
    /// dòng là của đơn vị 00070 …`).
    func nameHint(code: String, name: String, on day: Day) -> String {
        guard case .unit(let u) = registries.directory.lookup(name: name, on: day, language: language) else { return "" }
        return language.pick(vi: "; tên trên dòng là của đơn vị \(u.code) \(u.name): có phải mã là \(u.code)?",
                             en: "; the name on the row is that of unit \(u.code) \(u.name): is the code \(u.code)?")
    }

    func countText(_ column: Column, _ text: String?, _ failure: CountParser.Failure) -> String {
        let v = text ?? ""
        let why: (vi: String, en: String)
        switch failure {
        case .negative: why = ("là số âm", "is negative")
        case .fractional: why = ("không phải số nguyên", "is not a whole number")
        case .notANumber: why = ("không phải là số", "is not a number")
        case .tooLarge: why = ("quá lớn", "is too large")
        }
        return language.pick(
            vi: "ô \"\(column.vietnameseName)\" (\(column.canonicalName)) \"\(v)\" \(why.vi); số hồ sơ phải là số nguyên không âm",
            en: "\(column.canonicalName) \"\(v)\" \(why.en)")
    }

    func unregisteredText(_ reporter: Reporter, _ unit: Unit) -> String {
        language.pick(vi: "\(reporter.label) không phải đầu mối báo cáo đã đăng ký của đơn vị \(unit.code) hoặc tỉnh của đơn vị",
                      en: "\(reporter.label) is not a contact point of \(unit.code) or its province")
    }

    /// A ragged row's detail: the counts of fields, and the column that seems lacking or extra.
    func raggedText(_ r: (expected: Int, found: Int), _ guess: RaggedGuess?) -> String {
        let base = language.pick(vi: "dòng có \(r.found) ô trong khi dòng tiêu đề cột có \(r.expected)",
                                 en: "\(r.found) \(r.found == 1 ? "field" : "fields") where the header has \(r.expected)")
        guard let g = guess else { return base }
        let at = g.pastEnd ? language.pick(vi: "sau cột cuối \"\(g.first)\"", en: "after the last column \"\(g.first)\"")
            : g.first == g.last ? language.pick(vi: "ở cột \"\(g.first)\"", en: "at column \"\(g.first)\"")
            : language.pick(vi: "ở một trong các cột từ \"\(g.first)\" đến \"\(g.last)\"", en: "at one of the columns \"\(g.first)\" to \"\(g.last)\"")
        return base + (g.missing ? language.pick(vi: "; có lẽ thiếu một giá trị \(at)", en: "; a value seems to be missing \(at)")
                                 : language.pick(vi: "; có lẽ thừa một giá trị \(at)", en: "; there seems to be one value too many \(at)"))
    }
}

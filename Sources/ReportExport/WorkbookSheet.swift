import Foundation
import ReportModel

/// One sheet of the day's workbooks: a CSV's rows with Vietnamese (or English) titles and typed cells.
///
/// The cells are made from the very `CSVField`s the CSV files are written from, so that every cell holds the
/// CSV cell's value: counts as numbers, percentages as fractions formatted `0.0%` (the CSV's 93.5 is 0.935), dates
/// as dates, the findings' figures as numbers when they are numbers, everything else (codes, phone numbers,
/// names, submitted text — defused like the CSV's) as text.
struct WorkbookSheet {
    enum Kind { case text, count, percent, date, dateTime, figure }

    var name: String
    var columns: [String]
    var kinds: [Kind]
    var rows: [[CSVField]]

    init(name: String, columns: [String], kinds: [Kind], rows: [[CSVField]]) {
        precondition(columns.count == kinds.count)
        self.name = name; self.columns = columns; self.kinds = kinds; self.rows = rows
    }

    /// The CSV's text of a field (NFC; submitted text defused).
    static func text(_ field: CSVField) -> String {
        switch field {
        case .number(let n): return String(n)
        case .text(let s): return s.nfc
        case .untrusted(let s): return CSVWriter.defused(s.nfc)
        case .empty: return ""
        }
    }

    static func cell(_ field: CSVField, _ kind: Kind) -> XLSXWorkbook.Cell {
        if case .number(let n) = field, kind != .text { return .number(Double(n)) }
        let s = text(field)
        if s.isEmpty { return .empty }
        switch kind {
        case .text: return .text(s)
        case .count: return Int(s).map { .number(Double($0)) } ?? .text(s)
        case .figure: return Double(s).map { .number($0) } ?? .text(s)
        case .percent: return Double(s).map { .percent($0 / 100) } ?? .text(s)
        case .date: return Day(iso: s).map { .date($0) } ?? .text(s)
        case .dateTime: return Timestamp(parsing: s).map { .dateTime($0) } ?? .text(s)
        }
    }

    /// Column widths in characters: the longest of the title's words and the first 500 values, within 6…60.
    var widths: [Double] {
        columns.indices.map { c in
            var w = columns[c].split(separator: " ").map(\.count).max() ?? 4
            w = max(w, min(columns[c].count, 18))
            for row in rows.prefix(500) where c < row.count { w = max(w, Self.text(row[c]).count) }
            if kinds[c] == .date { w = max(w, 11) }
            if kinds[c] == .dateTime { w = max(w, 17) }
            return Double(min(max(w + 2, 6), 60))
        }
    }

    func write(to workbook: XLSXWorkbook, titles: [String: String]) throws {
        try workbook.addSheet(name: name, titles: columns.map { titles[$0] ?? $0 }, widths: widths,
                              rows: rows.map { row in zip(row, kinds).map { Self.cell($0, $1) } })
    }

    /// A workbook of `sheets` as bytes, written through a temporary file (libxlsxwriter writes files only);
    /// titles in `language`. The same sheets and `created` give the same bytes.
    static func workbook(_ sheets: [WorkbookSheet], title: String, created: Timestamp, language: Language) throws -> [UInt8] {
        let tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent("dailyreports-\(getpid())-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let workbook = try XLSXWorkbook(path: tmp.path, created: created, title: title)
        let titles = WorkbookTitles.titles(language)
        for sheet in sheets { try sheet.write(to: workbook, titles: titles) }
        try workbook.close()
        do {
            return Array(try Data(contentsOf: tmp))
        } catch {
            throw ReportError(.internal, "cannot read back the workbook just written", cause: error, location: tmp.path)
        }
    }
}

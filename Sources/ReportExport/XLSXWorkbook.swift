import CXLSXWriter
import Foundation
import ReportModel

/// A workbook written with libxlsxwriter: sheets of typed cells, each with a bold, frozen, filtered header row.
///
/// One thread at a time (libxlsxwriter keeps state). The creation time is the caller's, not the clock's, so that
/// the same content gives the same bytes (libxlsxwriter also dates the zip entries with it).
final class XLSXWorkbook {
    /// One cell of a sheet.
    enum Cell {
        case text(String)
        case number(Double)
        /// A fraction (0.935) shown as a percentage with one decimal (93.5%).
        case percent(Double)
        case date(Day)
        /// An instant, written as its +07:00 wall time.
        case dateTime(Timestamp)
        case empty
    }

    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private let path: String
    private var closed = false
    private let header, percentFormat, dateFormat, dateTimeFormat, textFormat: UnsafeMutablePointer<lxw_format>

    /// Starts `path`; `created` becomes the document's creation time.
    init(path: String, created: Timestamp, title: String) throws {
        self.path = path
        guard let wb = workbook_new(path) else {
            throw ReportError(.internal, "cannot start the workbook \(path); check the temporary folder", location: path)
        }
        workbook = wb
        func format() -> UnsafeMutablePointer<lxw_format> { workbook_add_format(wb) }
        header = format()
        format_set_bold(header)
        format_set_bg_color(header, 0xE8EEF5)
        format_set_text_wrap(header)
        format_set_align(header, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        percentFormat = format()
        format_set_num_format(percentFormat, "0.0%")
        dateFormat = format()
        format_set_num_format(dateFormat, "dd/mm/yyyy")
        dateTimeFormat = format()
        format_set_num_format(dateTimeFormat, "dd/mm/yyyy hh:mm")
        textFormat = format()
        format_set_num_format(textFormat, "@")
        try title.withCString { t in
            try "dailyreports".withCString { a in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: t)
                properties.author = UnsafeMutablePointer(mutating: a)
                properties.created = time_t(created.seconds)
                try check(workbook_set_properties(wb, &properties), "set the document properties")
            }
        }
    }

    deinit {
        // A workbook not closed (an error on the way) is still freed; its partial file is the caller's to remove.
        if !closed { _ = workbook_close(workbook) }
    }

    /// Adds a sheet: `titles` in row 1, frozen and filtered; `widths` in characters.
    func addSheet(name: String, titles: [String], widths: [Double], rows: [[Cell]]) throws {
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw ReportError(.internal, "cannot add the sheet \(name) to \(path)")
        }
        for (c, t) in titles.enumerated() {
            try check(worksheet_write_string(sheet, 0, lxw_col_t(c), t, header), "write a heading")
        }
        for (c, w) in widths.enumerated() {
            try check(worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), w, nil), "set a column width")
        }
        for (r, row) in rows.enumerated() {
            let rr = lxw_row_t(r + 1)
            for (c, cell) in row.enumerated() {
                let cc = lxw_col_t(c)
                switch cell {
                case .text(let s):
                    // Codes and phone numbers stay text ("00004", "0912…"); an empty string is an empty cell.
                    if !s.isEmpty { try check(worksheet_write_string(sheet, rr, cc, s, textFormat), "write a text cell") }
                case .number(let x): try check(worksheet_write_number(sheet, rr, cc, x, nil), "write a number")
                case .percent(let x): try check(worksheet_write_number(sheet, rr, cc, x, percentFormat), "write a percentage")
                case .date(let d):
                    let k = d.components
                    var t = lxw_datetime(year: Int32(k.year), month: Int32(k.month), day: Int32(k.day), hour: 0, min: 0, sec: 0)
                    try check(worksheet_write_datetime(sheet, rr, cc, &t, dateFormat), "write a date")
                case .dateTime(let ts):
                    let local = ts.seconds + Timestamp.vietnamOffset
                    let s = Int(((local % 86400) + 86400) % 86400)
                    let k = ts.vietnamDay.components
                    var t = lxw_datetime(year: Int32(k.year), month: Int32(k.month), day: Int32(k.day),
                                         hour: Int32(s / 3600), min: Int32((s % 3600) / 60), sec: Double(s % 60))
                    try check(worksheet_write_datetime(sheet, rr, cc, &t, dateTimeFormat), "write a time")
                case .empty: break
                }
            }
        }
        worksheet_freeze_panes(sheet, 1, 0)
        if !titles.isEmpty {
            try check(worksheet_autofilter(sheet, 0, 0, lxw_row_t(rows.count), lxw_col_t(titles.count - 1)), "add the filter")
        }
    }

    /// Writes the file.
    func close() throws {
        closed = true
        try check(workbook_close(workbook), "write the workbook")
    }

    private func check(_ error: lxw_error, _ what: String) throws {
        guard error == LXW_NO_ERROR else {
            let reason = String(cString: lxw_strerror(error))
            throw ReportError(.internal, "cannot \(what) in \(path): \(reason)", location: path)
        }
    }
}

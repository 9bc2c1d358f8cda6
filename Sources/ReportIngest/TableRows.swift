import ReportModel

/// The rows of a table (a CSV text or a worksheet) turned into records: finds the header among the first
/// lines, skipping a template's title rows, then maps each row's fields to columns.
///
/// The header is the first of the first `headerSearch` non-empty lines that names the required columns
/// (contract §2), or two such lines read together (a template's grouped header: "Tiếp nhận" over "Trực tuyến" and
/// "Trực tiếp"); the lines above it are noted as title rows. When none does, the file is `missing_header`, and the
/// line that came closest is named as the one taken for the header.
struct TableRows {
    /// How many non-empty lines the header may be looked for in.
    static let headerSearch = 10

    let file: String
    let language: Language
    /// Set once the header is found; rows are then records.
    private(set) var header: HeaderMap?
    /// The header's report-date field (looked at in every row, for a header repeated further down).
    private var dateField: Int?
    /// The fields a row has: up to the header's last named column.
    private var width = 0
    /// Lines seen before the header: candidates, and title rows once the header is found.
    private var above: [(line: Int, map: HeaderMap, raw: String, fields: [String])] = []
    /// True once the file was rejected `missing_header`: no more records.
    private(set) var rejected = false
    /// Records given to the sink.
    private(set) var records = 0
    /// Whether any non-empty line was seen.
    private(set) var sawLines = false
    /// Whether the first line after the header was looked at as a row of column numbers.
    private var numberingChecked = false
    /// The hint columns some record so far had a value in (`RawRecord.filledAbove` of the next).
    private var lastFilled: UInt32 = 0

    init(file: String, language: Language) {
        self.file = file
        self.language = language
    }

    /// Takes one non-empty line. Before the header it may be the header or a title row; after it, a record
    /// (with `badCountMask`, count columns the reader already knows are not whole numbers).
    mutating func take(line: Int, fields: [String], rawBytes: ArraySlice<UInt8>, badCountMask: UInt32 = 0,
                       result: inout ReadResult, sink: (RawRecord) -> Void) {
        sawLines = true
        if rejected { return }
        guard let map = header else {
            let candidate = HeaderMap(headers: fields)
            if candidate.missingRequired.isEmpty {
                found(candidate, line: line, result: &result)
            } else if let group = above.last, case let both = HeaderMap(headers: HeaderMap.grouped(group.fields, over: fields)),
                      both.missingRequired.isEmpty {
                above.removeLast()
                found(both, line: group.line, through: line, result: &result)
            } else {
                above.append((line, candidate, String(decoding: rawBytes.prefix(RawRecord.rawLimit), as: UTF8.self), fields))
                if above.count >= TableRows.headerSearch { reject(&result) }
            }
            return
        }
        if let again = headerAgain(fields) {
            // Files joined one after another (a province's communes' sheets): the rows below follow this header,
            // whose column order may differ from the first's.
            result.notes.append(Note(file: file, line: line, kind: "repeated_header", detail: language.pick(
                vi: "dòng \(line) là một dòng tiêu đề cột nữa (các tệp được ghép nối?) và được bỏ qua; các dòng sau được đọc theo nó",
                en: "line \(line) is another column header (files joined together?) and was skipped; the rows after it are read by it")))
            found(again, line: line, result: &result)
            numberingChecked = false
            return
        }
        if !numberingChecked {
            numberingChecked = true
            if TableRows.isColumnNumbering(fields) {
                // Official forms number their columns under the header ("(1)", "(2)", … or "A", "B", "1", …).
                result.notes.append(Note(file: file, line: line, kind: "column_numbers", detail: language.pick(
                    vi: "dòng \(line) là dòng đánh số cột của mẫu (\(TableRows.sample(fields))) và được bỏ qua",
                    en: "line \(line) numbers the template's columns (\(TableRows.sample(fields))) and was skipped")))
                return
            }
        }
        records += 1
        var raw = RawRecord(line: line, rawBytes: rawBytes)
        raw.badCountMask = badCountMask
        // As wide as the header's last named column: what a spreadsheet adds after it (empty cells written as trailing
        // delimiters, on the header line or a row) is no field; a value there is.
        if fields.count < width || fields[width...].contains(where: { !$0.trimmingSpaces.isEmpty }) {
            raw.ragged = (width, fields.count)
            raw.raggedGuess = RaggedGuess.guess(header: map, fields: fields)
        } else {
            for (i, c) in map.columns.prefix(width).enumerated() where c != nil {
                raw.values[c!.rawValue] = fields[i]
            }
        }
        raw.filledAbove = lastFilled
        // Only the columns the merged-cell hint looks at, and only until each has been seen (bits are never cleared):
        // after a file's first full row this costs nothing per row.
        if lastFilled != RawRecord.mergedHintColumns { lastFilled |= raw.filledColumns(among: RawRecord.mergedHintColumns) }
        sink(raw)
    }

    /// A line after the header that is a header itself (in any column order), as a map; nil for a row. Its field
    /// under the report date names a column (a date starts with a digit, so rows are told apart on one byte) and
    /// the line names every required column.
    private func headerAgain(_ fields: [String]) -> HeaderMap? {
        guard let at = dateField, at < fields.count,
              let first = fields[at].utf8.first(where: { $0 != 0x20 && $0 != 0x09 }), !(0x30...0x39).contains(first),
              Column(header: fields[at]) != nil else { return nil }
        let map = HeaderMap(headers: fields)
        return map.missingRequired.isEmpty ? map : nil
    }

    /// Whether `fields` number a form's columns: at least three numbers, each one more than the one before, bare or in
    /// parentheses, perhaps after the word "Cột", and otherwise only single letters ("A", "(B)") or empty cells. No row of data is such a line: its
    /// report date is no number of one to three digits.
    static func isColumnNumbering(_ fields: [String]) -> Bool {
        var last: Int?, numbers = 0
        for field in fields {
            var cell = Substring(field.trimmingSpaces)
            if cell.isEmpty { continue }
            // "Cột 1", "cột (2)", "Cot A": the word is the form's, the number what counts.
            let words = cell.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
            if words.count == 2, NameKey(String(words[0])).loose == ["cot"] { cell = words[1] }
            if cell.first == "(" && cell.last == ")" && cell.count > 2 { cell = cell.dropFirst().dropLast() }
            if cell.count == 1, let c = cell.first, c.isASCII, c.isLetter { continue }
            guard cell.count <= 3, cell.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(cell) else { return false }
            if let last, n != last + 1 { return false }
            last = n
            numbers += 1
        }
        return numbers >= 3
    }

    /// The first cells of a line, as a note quotes them.
    private static func sample(_ fields: [String]) -> String {
        let cells = fields.map(\.trimmingSpaces).filter { !$0.isEmpty }
        return cells.prefix(3).joined(separator: ", ") + (cells.count > 3 ? ", …" : "")
    }

    /// Ends the table: a file whose header was never found is `missing_header`.
    mutating func finish(result: inout ReadResult) {
        if header == nil, !rejected, !above.isEmpty { reject(&result) }
    }

    /// The header found at `line` (through `last`, a two-line header's second line).
    private mutating func found(_ map: HeaderMap, line: Int, through last: Int? = nil, result: inout ReadResult) {
        header = map
        dateField = map.columns.firstIndex(of: .reportDate)
        width = (map.names.lastIndex { !$0.trimmingSpaces.isEmpty } ?? -1) + 1
        if let first = above.first, let end = above.last {
            let lines = first.line == end.line ? "\(first.line)" : "\(first.line)–\(end.line)"
            let at = last.map { "\(line)–\($0)" } ?? "\(line)"
            let n = above.count
            result.notes.append(Note(file: file, line: first.line, kind: "title_row", detail: language.pick(
                vi: "dòng \(lines) nằm trên dòng tiêu đề cột (dòng \(at)) và được bỏ qua như tiêu đề của mẫu",
                en: "\(n == 1 ? "line" : "lines") \(lines) above the column header (\(last == nil ? "line" : "lines") \(at)) \(n == 1 ? "was" : "were") skipped as the template's title")))
        }
        above = []
        for u in map.unknown {
            result.notes.append(Note(file: file, line: line, kind: "unknown_column", detail: HeaderMap.unknownColumnText(u, language)))
        }
    }

    /// Rejects the file `missing_header`, naming the line that came closest to a header.
    private mutating func reject(_ result: inout ReadResult) {
        rejected = true
        // The line naming the most known columns; the first of those on a tie.
        guard let best = above.max(by: { $0.map.knownCount < $1.map.knownCount || ($0.map.knownCount == $1.map.knownCount && $0.line > $1.line) }) else { return }
        var missing = best.map.missingRequiredText(language)
        if !best.map.unknown.isEmpty {
            missing += language.pick(vi: " (cột không nhận ra: ", en: " (columns not recognised: ")
                + best.map.unknown.prefix(5).map { u in
                    "\"\(u)\"" + (HeaderMap.closestColumn(to: u).map { language.pick(vi: " — có phải là \"\($0.vietnameseName)\"?", en: " — did you mean \"\($0.vietnameseName)\"?") } ?? "")
                }.joined(separator: ", ") + ")"
        }
        let hint: String
        if best.map.knownCount == 0, let first = above.first,
           XLSXPackage.beginsAsHTML(first.raw.drop { $0.isWhitespace }.prefix(200).lowercased()) {
            hint = language.pick(
                vi: "tệp là trang web (HTML), không phải văn bản CSV; hãy mở nó trong Excel rồi lưu lại dưới dạng CSV UTF-8 hoặc .xlsx",
                en: "the file is a web page (HTML), not CSV text; open it in Excel and save it as CSV UTF-8 or .xlsx")
        } else if best.map.knownCount == 0 {
            // A file of one line (an instructions sheet, a note) is not "the first 1 lines".
            let which = above.count == 1
                ? language.pick(vi: "dòng duy nhất của tệp không có", en: "the file's only non-empty line has none of")
                : language.pick(vi: "không dòng nào trong \(above.count) dòng đầu có", en: "none of the first \(above.count) non-empty lines has")
            hint = language.pick(
                vi: "\(which) tên cột của mẫu báo cáo (Ngày báo cáo, Mã đơn vị, Mã thủ tục, …); hãy dùng dòng tiêu đề cột của mẫu",
                en: "\(which) the template's column names (report_date, unit_code, procedure_code, …); use the template's header row")
        } else {
            hint = language.pick(
                vi: "dòng \(best.line) được lấy làm dòng tiêu đề cột nhưng thiếu cột: \(missing); hãy thêm các cột này (dòng tiêu đề của mẫu phía trên được bỏ qua nếu dòng tiêu đề cột nằm trong \(TableRows.headerSearch) dòng đầu)",
                en: "line \(best.line) was taken as the column header but lacks column(s): \(missing); add them (title rows above the header are skipped when the header is within the first \(TableRows.headerSearch) non-empty lines)")
        }
        result.rejects.append(Reject(file: file, line: best.line, reason: .missingHeader, detail: hint, raw: best.raw))
        above = []
    }
}

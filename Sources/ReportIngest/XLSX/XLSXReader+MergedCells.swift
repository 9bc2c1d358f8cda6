import ReportModel

extension XLSXReader {
    /// The note for merged ranges whose value was carried to the rows below their first: the officer sees what the
    /// rows were read as (the rows' raw text quotes the carried values too).
    func mergedCellsNote(file: String, line: Int, ranges: [XLSXMergedRange]) -> Note {
        let shown = ranges.prefix(3).map(\.ref).joined(separator: ", ") + (ranges.count > 3 ? ", …" : "")
        return Note(file: file, line: line, kind: "merged_cells", detail: language.pick(
            vi: "\(ranges.count) vùng ô gộp nhiều dòng (\(shown)) được đọc như Excel hiển thị: giá trị của ô đầu vùng cho mọi dòng trong vùng",
            en: "\(ranges.count) merged range(s) over several rows (\(shown)) read as Excel shows them: the first cell's value on every row of the range"))
    }
}

extension XLSXReader {
    /// The note for merged ranges over a count column: only their first row has the number.
    func mergedCountsNote(file: String, range: XLSXMergedRange, column: Column, count: Int) -> Note {
        let more = count > 1 ? language.pick(vi: " (và \(count - 1) vùng khác)", en: " (and \(count - 1) more)") : ""
        return Note(file: file, line: range.rows.lowerBound, kind: "merged_counts", detail: language.pick(
            vi: "vùng ô gộp \(range.ref)\(more) ở cột \"\(column.vietnameseName)\": số hồ sơ chỉ được tính cho dòng \(range.rows.lowerBound), các dòng khác của vùng là 0; hãy bỏ gộp ô và ghi số của từng thủ tục vào dòng của nó",
            en: "merged range \(range.ref)\(more) in column \"\(column.vietnameseName)\" (\(column.canonicalName)): the count is taken for line \(range.rows.lowerBound) only, the range's other lines read 0; unmerge the cells and write each procedure's count on its own line"))
    }
}

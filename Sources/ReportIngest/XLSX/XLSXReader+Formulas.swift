import ReportModel

extension XLSXReader {
    /// The note for formula cells with no cached value (a workbook saved by a program that does not calculate):
    /// they read as empty, so a count is 0, and the officer should know before the figures go out.
    func uncalculatedNote(file: String, line: Int, count: Int, columns: [Column]) -> Note {
        let vi = columns.map { "\"\($0.vietnameseName)\"" }.joined(separator: ", ")
        let en = columns.map { "\"\($0.vietnameseName)\" (\($0.canonicalName))" }.joined(separator: ", ")
        return Note(file: file, line: line, kind: "uncalculated_formula", detail: language.pick(
            vi: "\(count) ô có công thức chưa được tính (không có giá trị lưu sẵn), từ dòng \(line), cột \(vi), được đọc là trống (số hồ sơ 0); hãy mở tệp trong Excel hoặc LibreOffice, lưu lại rồi gửi",
            en: "\(count) formula cell(s) never calculated (no cached value), from line \(line), column(s) \(en), read as empty (a count of 0); open the file in Excel or LibreOffice, save it and send it again"))
    }
}

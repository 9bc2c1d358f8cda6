import ReportModel

extension XLSXReader {
    /// Whether the worksheet part at `path` has a cell with a value (a sheet that cannot be read counts as none).
    func holdsData(package: XLSXPackage, path: String) -> Bool {
        guard let xml = try? package.part(path) else { return false }
        var found = false
        let sheet = XLSXSheet { _, cells in
            if !found, cells.contains(where: { !$0.value.isEmpty }) { found = true }
        }
        try? sheet.parse(xml, path: path, language: language)
        return found
    }

    /// The note naming the visible worksheets that hold data but are not read: only the first visible one is.
    func otherSheetsNote(file: String, read: String, others: [String]) -> Note {
        let names = others.map { "\"\($0)\"" }.joined(separator: ", ")
        return Note(file: file, line: 0, kind: "other_sheets", detail: language.pick(
            vi: "chỉ trang tính hiện đầu tiên (\"\(read)\") được đọc; trang \(names) có dữ liệu nhưng không được đọc; nếu số liệu báo cáo nằm ở đó, hãy đưa trang ấy lên đầu (hoặc chép số liệu vào trang \"\(read)\") rồi gửi lại",
            en: "only the first visible sheet (\"\(read)\") is read; \(names) holds data that is not read; if the report is there, move that sheet first (or copy its rows into \"\(read)\") and send the file again"))
    }
}

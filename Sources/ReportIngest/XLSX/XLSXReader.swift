import ReportModel

/// Reads an `.xlsx` submission from its first worksheet exactly as a CSV would be read (contract §2 "Excel
/// form"): the same header and row rules, a record's line being its worksheet row number.
public struct XLSXReader: Sendable {
    /// Largest unpacked size of the workbook.
    public var sizeLimit: Int
    public var language: Language

    public init(sizeLimit: Int = 64 << 20, language: Language = .vi) {
        self.sizeLimit = sizeLimit
        self.language = language
    }

    /// Streams the records of workbook `bytes` into `sink`; a workbook that cannot be opened is one file reject.
    public func read(_ bytes: [UInt8], file: String, into sink: (RawRecord) -> Void) -> ReadResult {
        var result = ReadResult()
        do {
            try read(bytes, file: file, result: &result, sink: sink)
        } catch {
            result = ReadResult()
            result.rejects.append(Reject(file: file, line: 0, reason: error.reason, detail: error.detail, raw: ""))
        }
        return result
    }

    private func read(_ bytes: [UInt8], file: String, result: inout ReadResult, sink: (RawRecord) -> Void) throws(XLSXFailure) {
        let package = try XLSXPackage(bytes, limit: sizeLimit, language: language)
        let l = language
        let damaged = XLSXFailure(.badXLSX, l.pick(
            vi: "tệp zip này không phải sổ tính Excel (không có xl/workbook.xml hoặc trang tính nào); hãy lưu lại từ Excel dưới dạng .xlsx hoặc CSV UTF-8",
            en: "this zip file is not an Excel workbook (no xl/workbook.xml or no worksheet); save it from Excel as .xlsx or CSV UTF-8"))
        guard let workbookXML = try package.part("xl/workbook.xml") else { throw damaged }
        let workbook = XLSXWorkbookPart()
        try workbook.parse(workbookXML, path: "xl/workbook.xml", language: l)
        let rels = XLSXRelationships()
        if let relsXML = try package.part("xl/_rels/workbook.xml.rels") {
            try rels.parse(relsXML, path: "xl/_rels/workbook.xml.rels", language: l)
        }
        func resolve(_ target: String) -> String {
            target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        func path(of sheet: XLSXWorkbookPart.Sheet?) -> String? {
            sheet?.relationship.flatMap { rels.targets[$0] }.map { resolve($0.target) }
        }
        let readSheet = workbook.readSheet
        let sheetPath = path(of: readSheet) ?? "xl/worksheets/sheet1.xml"
        let stringsPath = rels.targets.values.first { $0.type.hasSuffix("/sharedStrings") }.map { resolve($0.target) } ?? "xl/sharedStrings.xml"
        let stylesPath = rels.targets.values.first { $0.type.hasSuffix("/styles") }.map { resolve($0.target) } ?? "xl/styles.xml"

        let strings = XLSXSharedStrings()
        if let xml = try package.part(stringsPath) { try strings.parse(xml, path: stringsPath, language: l) }
        let styles = XLSXStyles()
        if let xml = try package.part(stylesPath) { try styles.parse(xml, path: stylesPath, language: l) }
        guard let sheetXML = try package.part(sheetPath) else { throw damaged }

        var table = TableRows(file: file, language: l)
        let shared = strings.strings, dateStyles = styles.isDate, date1904 = workbook.date1904
        var local = ReadResult()
        var failure: XLSXFailure?
        var uncalculated: (line: Int, count: Int, columns: [Column]) = (0, 0, [])
        var merged = XLSXMergedFill(XLSXMergedRange.vertical(in: sheetXML))
        withoutActuallyEscaping(sink) { sink in
            let sheet = XLSXSheet { line, cells in
                let columns = table.header?.columns
                var fields: [String] = []
                var mask: UInt32 = 0
                for c in cells where c.column < 16_384 {
                    let column = columns.flatMap { c.column < $0.count ? $0[c.column] : nil }
                    let (text, fractional) = c.text(for: column, strings: shared, dateStyles: dateStyles, date1904: date1904)
                    if c.formula, text.isEmpty, let column {
                        if uncalculated.count == 0 { uncalculated.line = line }
                        uncalculated.count += 1
                        if !uncalculated.columns.contains(column) { uncalculated.columns.append(column) }
                    }
                    if text.isEmpty { continue }
                    if fields.count < c.column { fields.append(contentsOf: repeatElement("", count: c.column - fields.count)) }
                    if fields.count == c.column { fields.append(text) } else { fields[c.column] = text }
                    if fractional, let column { mask |= 1 << UInt32(column.rawValue) }
                }
                // An empty row is a blank line (even inside a merged range); a row ends at its last filled cell, and is
                // as wide as the header when it is not wider (Excel does not write the empty cells at a row's end).
                guard fields.contains(where: { !$0.trimmingSpaces.isEmpty }) else { return }
                if !merged.isEmpty { merged.fill(line: line, fields: &fields, columns: columns) }
                if let width = columns?.count, fields.count < width {
                    fields.append(contentsOf: repeatElement("", count: width - fields.count))
                }
                table.take(line: line, fields: fields, rawBytes: XLSXReader.csvLine(fields), badCountMask: mask,
                           result: &local, sink: sink)
            }
            do throws(XLSXFailure) { try sheet.parse(sheetXML, path: sheetPath, language: l) } catch { failure = error }
        }
        if let failure { throw failure }
        table.finish(result: &local)
        local.records = table.records
        if !table.sawLines {
            local.rejects.append(Reject(file: file, line: 0, reason: .emptyFile, detail: l.pick(
                vi: "trang tính đầu tiên của sổ tính trống; hãy điền số liệu vào trang này rồi gửi lại",
                en: "the workbook's first worksheet is empty; fill in the report on that sheet and send the file again"), raw: ""))
        } else if table.header != nil, local.records == 0, local.rejects.isEmpty {
            local.rejects.append(Reject(file: file, line: 0, reason: .emptyFile, detail: l.pick(
                vi: "trang tính có dòng tiêu đề cột nhưng không có dòng số liệu nào; hãy điền số liệu, mỗi thủ tục một dòng, dưới dòng tiêu đề cột rồi gửi lại",
                en: "the worksheet has a header but no rows; fill in one row per procedure under the header and send the file again"), raw: ""))
        }
        if let first = merged.carried.first {
            local.notes.append(mergedCellsNote(file: file, line: first.rows.lowerBound, ranges: merged.carried))
        }
        if let first = merged.overCounts.first {
            local.notes.append(mergedCountsNote(file: file, range: first.range, column: first.column, count: merged.overCounts.count))
        }
        if uncalculated.count > 0 {
            local.notes.append(uncalculatedNote(file: file, line: uncalculated.line, count: uncalculated.count,
                                                columns: uncalculated.columns))
        }
        let others = workbook.sheets.indices.filter { i in
            !workbook.sheets[i].hidden && workbook.sheets[i].relationship != readSheet?.relationship
                && path(of: workbook.sheets[i]).map { holdsData(package: package, path: $0) } == true
        }
        if !others.isEmpty, let readSheet {
            local.notes.append(otherSheetsNote(file: file, read: readSheet.name, others: others.map { workbook.sheets[$0].name }))
        }
        result = local
    }

    /// A row's cells as a CSV line: the raw text a reject quotes.
    static func csvLine(_ fields: [String]) -> ArraySlice<UInt8> {
        var out: [UInt8] = []
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(0x2C) }
            if f.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out.append(0x22)
                for b in f.utf8 {
                    if b == 0x22 { out.append(0x22) }
                    out.append(b)
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: f.utf8)
            }
        }
        return out[...]
    }
}

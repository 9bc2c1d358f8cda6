import ReportModel

/// Decodes, parses and normalizes one submission file: stages 2–4 for one file.
public struct FileIngester: Sendable {
    public var decoder: TextDecoder
    public var normalizer: RowNormalizer
    /// The language of reject details and notes.
    public var language: Language

    public init(registries: Registries, sizeLimit: Int = 64 << 20, rejectUnregisteredReporter: Bool = false,
                language: Language = .vi) {
        decoder = TextDecoder(sizeLimit: sizeLimit)
        normalizer = RowNormalizer(registries: registries, rejectUnregisteredReporter: rejectUnregisteredReporter, language: language)
        decoder.language = language
        self.language = language
    }

    /// The form a submission's name gives: `csv` or `json` (with or without `.gz`), `xlsx`; nil for other files.
    public static func format(of name: String) -> String? {
        // Called for every inbox file each night: the last 8 bytes, lowercased, packed in an integer (no copy).
        let tail = packedTail(name.utf8)
        func ends(_ suffix: (bits: UInt64, count: Int)) -> Bool {
            tail.count >= suffix.count && tail.bits & (suffix.count == 8 ? ~0 : (1 << (8 * suffix.count)) - 1) == suffix.bits
        }
        if ends(suffixes.csv) || ends(suffixes.csvGz) { return "csv" }
        if ends(suffixes.json) || ends(suffixes.jsonGz) { return "json" }
        if ends(suffixes.xlsx) { return "xlsx" }
        return nil
    }

    private static let suffixes = (csv: packedTail(".csv".utf8), csvGz: packedTail(".csv.gz".utf8),
                                   json: packedTail(".json".utf8), jsonGz: packedTail(".json.gz".utf8),
                                   xlsx: packedTail(".xlsx".utf8))

    /// Up to the last 8 bytes of `bytes`, ASCII lowercased, the last byte lowest; and how many there were.
    private static func packedTail(_ bytes: String.UTF8View) -> (bits: UInt64, count: Int) {
        var bits: UInt64 = 0
        var count = 0
        var i = bytes.endIndex
        while count < 8, i > bytes.startIndex {
            i = bytes.index(before: i)
            var b = bytes[i]
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            bits |= UInt64(b) << (8 * count)
            count += 1
        }
        return (bits, count)
    }

    /// What a file over the size limit yields, unread: its `too_large` reject with `detail`.
    public static func tooLarge(_ file: String, detail: String) -> FileOutcome {
        FileOutcome(encoding: "", format: format(of: file) ?? "other",
                    rejects: [Reject(file: file, line: 0, reason: .tooLarge, detail: detail, raw: "")])
    }

    /// Everything `bytes` of `file` (a path relative to the inbox) yield.
    public func ingest(_ bytes: [UInt8], file: String, receivedAt: Timestamp) -> FileOutcome {
        guard let format = FileIngester.format(of: file) else {
            var outcome = FileOutcome(encoding: "", format: "other")
            outcome.rejects.append(Reject(file: file, line: 0, reason: .unsupportedFormat, detail: unsupportedText(file), raw: ""))
            return outcome
        }
        var outcome = FileOutcome(encoding: "", format: format)
        if bytes.isEmpty {
            outcome.rejects.append(Reject(file: file, line: 0, reason: .emptyFile, detail: language.pick(
                vi: "tệp trống (0 byte); hãy gửi lại tệp có số liệu", en: "the file is empty (0 bytes)"), raw: ""))
            return outcome
        }
        var firstReport: [ReportKey: Int] = [:]
        let memo = RowNormalizer.NameMemo()
        var named = NamesSeen()
        let sink: (RawRecord) -> Void = { record in
            outcome.rowsRead += 1
            switch normalizer.normalize(record, file: file, receivedAt: receivedAt, memo: memo) {
            case .row(let row):
                outcome.rows.append(row)
                if record.values[Column.unitName.rawValue] != nil,
                   let w = nameWarning(record, unit: row.unitCode, day: row.reportDate, file: file, seen: &named) {
                    outcome.notes.append(w)
                }
                let report = UnitReport(reportDate: row.reportDate, unitCode: row.unitCode, submittedAt: row.submittedAt,
                                        line: row.line, reporter: row.reporter)
                note(report, in: &outcome, index: &firstReport)
            case .emptyReport(let report):
                note(report, in: &outcome, index: &firstReport)
            case .reject(let reject):
                outcome.rejects.append(reject)
            }
        }
        let read: ReadResult
        if format == "xlsx" {
            outcome.encoding = "xlsx"
            read = XLSXReader(sizeLimit: decoder.sizeLimit, language: language).read(bytes, file: file, into: sink)
        } else {
            let text: DecodedText
            do {
                text = try decoder.decode(bytes, name: file)
            } catch {
                outcome.encoding = error.encoding
                outcome.rejects.append(Reject(file: file, line: 0, reason: error.reason, detail: error.detail, raw: ""))
                return outcome
            }
            outcome.encoding = text.encoding
            let reader: any SubmissionReader = format == "json" ? JSONReader(language: language) : CSVReader(language: language)
            read = reader.read(text, file: file, into: sink)
        }
        outcome.rejects.append(contentsOf: read.rejects)
        outcome.notes.append(contentsOf: read.notes)
        return outcome
    }

    /// A note when the unit a row was counted for deserves a second look: its name matched only without
    /// diacritics, or its code is one unit while its name is another's. Once per code and name in a file.
    func nameWarning(_ record: RawRecord, unit: String, day: Day, file: String, seen: inout NamesSeen) -> Note? {
        guard let name = record.trimmed(.unitName) else { return nil }
        let code = record.trimmed(.unitCode)
        guard seen.insert(code: code, name: name) else { return nil }
        let directory = normalizer.registries.directory
        guard let u = directory.unit(code: unit, on: day) else { return nil }
        // The unit's own name as the registry spells it (`==` is canonical equivalence: NFC or NFD alike) matches
        // it exactly, so neither note can apply; the lookups below were ~4 % of a year backfill's CPU.
        if name == u.name { return nil }
        let l = language
        guard let code else {
            guard directory.matchesOnlyLoosely(name: name) else { return nil }
            return Note(file: file, line: record.line, kind: "name_without_diacritics", detail: l.pick(
                vi: "tên \"\(name)\" chỉ khớp khi bỏ dấu: đã hiểu là đơn vị \(u.code) \(u.name); nếu sai, hãy ghi mã đơn vị",
                en: "the name \"\(name)\" matches only without diacritics: read as unit \(u.code) \(u.name); if that is wrong, give the unit code"))
        }
        guard case .unit(let v) = directory.lookup(name: name, on: day), v.code != u.code else { return nil }
        return Note(file: file, line: record.line, kind: "code_name_mismatch", detail: l.pick(
            vi: "mã \(code) là đơn vị \(u.code) \(u.name), nhưng tên trên dòng \"\(name)\" là của đơn vị \(v.code) \(v.name); số liệu được tính cho \(u.code) (mã quyết định), nếu sai hãy sửa mã",
            en: "code \(code) is unit \(u.code) \(u.name), but the name on the row, \"\(name)\", is that of unit \(v.code) \(v.name); the rows count for \(u.code) (the code decides); if that is wrong, fix the code"))
    }

    /// The detail of `unsupported_format`: what the file is, and how to send it instead.
    func unsupportedText(_ file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let ext = name.contains(".") ? String(name[name.index(after: name.lastIndex(of: ".")!)...]).lowercased() : ""
        let kind = ext.isEmpty ? language.pick(vi: "tệp không có phần mở rộng", en: "a file with no extension")
            : language.pick(vi: "tệp .\(ext)", en: "a .\(ext) file")
        let old = ext == "xls" ? language.pick(vi: " (Excel 97–2003)", en: " (Excel 97–2003)") : ""
        return language.pick(
            vi: "\(kind)\(old) không phải dạng báo cáo được nhận; hãy lưu lại dưới dạng CSV UTF-8 (Excel: Lưu thành › CSV UTF-8) hoặc sổ tính .xlsx rồi gửi lại",
            en: "\(kind)\(old) is not a submission form; save it as CSV UTF-8 (Excel: Save As › CSV UTF-8) or as an .xlsx workbook and send it again")
    }

    /// The (code, name) pairs of a file `nameWarning` has looked at: the last one compared first (a file's rows
    /// usually name one unit), the others hashed.
    struct NamesSeen {
        private struct Pair: Hashable {
            var code: String?
            var name: String
        }
        private var last: Pair?
        private var all = Set<Pair>()

        /// Whether the pair is new to the file (and now seen).
        mutating func insert(code: String?, name: String) -> Bool {
            let pair = Pair(code: code, name: name)
            if pair == last { return false }
            last = pair
            return all.insert(pair).inserted
        }
    }

    private struct ReportKey: Hashable {
        var date: Day
        var unit: String
    }

    /// One unit report per (date, unit) of a file: the earliest `submitted_at` of its rows.
    private func note(_ report: UnitReport, in outcome: inout FileOutcome, index: inout [ReportKey: Int]) {
        let key = ReportKey(date: report.reportDate, unit: report.unitCode)
        if let i = index[key] {
            if report.submittedAt < outcome.unitReports[i].submittedAt { outcome.unitReports[i] = report }
        } else {
            index[key] = outcome.unitReports.count
            outcome.unitReports.append(report)
        }
    }
}

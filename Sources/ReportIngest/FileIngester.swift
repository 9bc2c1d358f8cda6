import ReportModel

/// Decodes, parses and normalizes one submission file: stages 2–4 for one file.
public struct FileIngester: Sendable {
    public var decoder: TextDecoder
    public var normalizer: RowNormalizer

    public init(registries: Registries, sizeLimit: Int = 64 << 20, rejectUnregisteredReporter: Bool = false) {
        decoder = TextDecoder(sizeLimit: sizeLimit)
        normalizer = RowNormalizer(registries: registries, rejectUnregisteredReporter: rejectUnregisteredReporter)
    }

    /// The form a submission's name gives: `csv` or `json` (with or without `.gz`); nil for other files.
    public static func format(of name: String) -> String? {
        // Called for every inbox file each night: the last 8 bytes, lowercased, packed in an integer (no copy).
        let tail = packedTail(name.utf8)
        func ends(_ suffix: (bits: UInt64, count: Int)) -> Bool {
            tail.count >= suffix.count && tail.bits & (suffix.count == 8 ? ~0 : (1 << (8 * suffix.count)) - 1) == suffix.bits
        }
        if ends(suffixes.csv) || ends(suffixes.csvGz) { return "csv" }
        if ends(suffixes.json) || ends(suffixes.jsonGz) { return "json" }
        return nil
    }

    private static let suffixes = (csv: packedTail(".csv".utf8), csvGz: packedTail(".csv.gz".utf8),
                                   json: packedTail(".json".utf8), jsonGz: packedTail(".json.gz".utf8))

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

    /// Everything `bytes` of `file` (a path relative to the inbox) yield.
    public func ingest(_ bytes: [UInt8], file: String, receivedAt: Timestamp) -> FileOutcome {
        let format = FileIngester.format(of: file) ?? "csv"
        var outcome = FileOutcome(encoding: "", format: format)
        if bytes.isEmpty {
            outcome.rejects.append(Reject(file: file, line: 0, reason: .emptyFile, detail: "the file is empty (0 bytes)", raw: ""))
            return outcome
        }
        let text: DecodedText
        do {
            text = try decoder.decode(bytes, name: file)
        } catch {
            outcome.encoding = error.encoding
            outcome.rejects.append(Reject(file: file, line: 0, reason: error.reason, detail: error.detail, raw: ""))
            return outcome
        }
        outcome.encoding = text.encoding
        let reader: any SubmissionReader = format == "json" ? JSONReader() : CSVReader()
        var firstReport: [ReportKey: Int] = [:]
        let memo = RowNormalizer.NameMemo()
        let read = reader.read(text, file: file) { record in
            outcome.rowsRead += 1
            switch normalizer.normalize(record, file: file, receivedAt: receivedAt, memo: memo) {
            case .row(let row):
                outcome.rows.append(row)
                let report = UnitReport(reportDate: row.reportDate, unitCode: row.unitCode, submittedAt: row.submittedAt,
                                        line: row.line, reporter: row.reporter)
                note(report, in: &outcome, index: &firstReport)
            case .emptyReport(let report):
                note(report, in: &outcome, index: &firstReport)
            case .reject(let reject):
                outcome.rejects.append(reject)
            }
        }
        outcome.rejects.append(contentsOf: read.rejects)
        outcome.notes.append(contentsOf: read.notes)
        return outcome
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

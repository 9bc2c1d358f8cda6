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
        // Called for every inbox file each night: compare the ASCII suffix without building a lowercased copy.
        var u = Array(name.utf8.suffix(8))
        for i in u.indices where u[i] >= 0x41 && u[i] <= 0x5A { u[i] += 0x20 }
        func ends(_ suffix: StaticString) -> Bool {
            suffix.withUTF8Buffer { s in u.count >= s.count && u[(u.count - s.count)...].elementsEqual(s) }
        }
        if ends(".csv") || ends(".csv.gz") { return "csv" }
        if ends(".json") || ends(".json.gz") { return "json" }
        return nil
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

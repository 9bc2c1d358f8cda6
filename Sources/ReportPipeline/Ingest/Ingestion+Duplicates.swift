import ReportIngest
import ReportModel
import ReportWarehouse

/// The identity rules: a file whose bytes were seen before is not normalized again.
extension Ingestion {
    /// A file loaded earlier in this run, by hash: where, what it gave, its dates, its outcome before dating.
    typealias SeenCopy = (path: String, outcome: FileOutcome, dates: [Day], unsettled: FileOutcome)
    /// The first copy of some bytes: its path, status, whole-file reject and report dates.
    typealias EarlierCopy = (path: String, status: SubmissionStatus, fileReject: Reject?, dates: [Day])

    /// The first copy of the bytes `sha256`: earlier in this run, or already in the warehouse; nil for new bytes.
    func earlierCopy(of sha256: String, seenThisRun: [String: SeenCopy], recorded: Set<String>,
                     warehouse: Warehouse) throws -> EarlierCopy? {
        if let s = seenThisRun[sha256] { return (s.path, s.outcome.status, s.outcome.fileReject, s.dates) }
        guard recorded.contains(sha256), let s = try warehouse.firstSubmission(sha256: sha256) else { return nil }
        return (s.path, s.status, s.fileReject, s.reportDates)
    }

    /// Another copy of `earlier`'s bytes: rejected again when the first copy was rejected whole, otherwise a
    /// duplicate with a note. Its dates are the first copy's, except what has none (an empty file, undated
    /// rows): that follows this copy's own received time, as a first copy's would (`content` gives them).
    func repeatedCopy(_ f: IngestedFile, _ submission: Submission, earlier: EarlierCopy, content: FileOutcome?,
                      result: inout Result) -> SubmissionRecord {
        var submission = submission, dates = earlier.dates
        if var content {
            var own = submission
            settle(&own, &content)
            dates = own.reportDates
        }
        submission.encoding = "(as \(earlier.path))"
        submission.reportDates = dates
        result.touchedDates.formUnion(dates)
        if earlier.status == .rejected, var again = earlier.fileReject {
            // A file rejected whole is rejected again wherever it reappears.
            again.file = f.file.path
            again.detail += ingester.language.pick(vi: " (cùng nội dung với \(earlier.path))", en: " (the same bytes as \(earlier.path))")
            submission.status = .rejected
            result.rowsRejected += 1
            return (submission, [], [], [again], [])
        }
        submission.status = .duplicate
        submission.duplicateOf = earlier.path
        result.duplicates += 1
        let note = Note(file: f.file.path, line: 0, kind: "duplicate", detail: ingester.language.pick(
            vi: "cùng nội dung với \(earlier.path); bỏ qua", en: "the same bytes as \(earlier.path); skipped"))
        return (submission, [], [], [], [note])
    }
}

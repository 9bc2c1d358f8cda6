import ReportModel
import ReportWarehouse

extension Ingestion {
    /// What a re-ingest changed.
    struct ReingestReport: Sendable {
        var files = 0
        /// The dates whose figures may change (the files' old and new dates), marked pending.
        var affected = Set<Day>()
        /// Per date, rows accepted before and not now, and accepted now and not before.
        var newlyRejected: [Day: Int] = [:]
        var newlyAccepted: [Day: Int] = [:]
    }

    /// Kept files normalized per chunk: the next chunk is read on the worker threads while this one loads.
    static let reingestChunk = 200

    /// Normalizes the kept files of `from...through` again with the current registries (`backfill --reingest`) and
    /// replaces what they yielded, in one transaction that also marks the dates pending. As fast as a first ingest:
    /// the old contents are removed date by date in one pass (not one scan of every row per file), files are parsed
    /// on both cores while the previous chunk loads, and nothing commits per file. `progress(done, total)` as files
    /// are read (from the worker threads, one call at a time, throttled by `ProgressThrottle`), and `(total, total)`
    /// at the end.
    func reingest(from: Day, through: Day, warehouse: Warehouse, runId: Int64,
                  progress: ((Int, Int) -> Void)? = nil) throws -> ReingestReport {
        var items: [KeptFile] = []
        var oldDates = Set<Day>()
        try warehouse.eachSubmissionToReingest(from: from, through: through) { id, submission in
            // A file past the keep limit was never kept: it stays rejected as it was.
            guard let b = try warehouse.rawBlob(sha256: submission.sha256) else { return }
            oldDates.formUnion(submission.reportDates)
            // Held without its dates and hash (a year: 835,000 of each on the heap, ~130 MB): `settle` gives it
            // its new dates, the re-insert writes only its encoding, status and dates (`reinsertContents`), and its
            // bytes are read by place.
            var s = submission
            s.reportDates = []
            s.sha256 = ""
            let place = RawBlob(sha256: "", pack: b.pack, offset: b.offset, length: b.length)
            items.append(KeptFile(id: id, submission: s, blob: place))
        }
        var report = ReingestReport(files: items.count)
        guard !items.isEmpty else { return report }
        let ticker = progress.map { p in ProgressTicker(total: items.count) { p($0, items.count) } }
        // Ranges, each copied out only when its turn comes (a year: 835,000 files, not held twice).
        let chunks = stride(from: 0, to: items.count, by: Self.reingestChunk).map { $0..<min($0 + Self.reingestChunk, items.count) }
        func start(_ k: Int) -> Pending<[FileOutcome]> { Pending { [self, chunk = Array(items[chunks[k]])] in try self.normalize(chunk, ticker) } }
        var next = start(0)
        try warehouse.begin()
        var open = true
        defer { if open { try? warehouse.rollback() } }
        var tally = RowKeyTally(before: try warehouse.removeContents(ofSubmissions: items.map(\.id), oldDates: oldDates))
        report.affected = oldDates
        ticker?.start()
        for k in chunks.indices {
            let outcomes = try next.wait()
            if k + 1 < chunks.count { next = start(k + 1) }
            var records: [(id: Int64, record: SubmissionRecord)] = []
            for (file, outcome) in zip(items[chunks[k]], outcomes) {
                var submission = file.submission
                var outcome = outcome
                settle(&submission, &outcome)
                report.affected.formUnion(submission.reportDates)
                for r in outcome.rows {
                    tally.accepted(Warehouse.rowKey(submission: file.id, line: r.line, procedure: r.procedureCode), on: r.reportDate)
                }
                records.append((file.id, (submission, outcome.rows, outcome.unitReports, outcome.rejects, outcome.notes)))
            }
            try warehouse.reinsertContents(records, runId: runId)
        }
        ticker?.finish()
        // Pending in the same transaction as the new rows: a run killed after the commit recomputes these dates.
        try warehouse.markPending(report.affected, figures: report.affected)
        try warehouse.commit()
        open = false
        report.newlyRejected = tally.newlyRejected
        report.newlyAccepted = tally.newlyAccepted
        return report
    }

    /// A kept file to normalize again: its submission without hash and dates, and where its bytes are (by place only).
    struct KeptFile: Sendable {
        var id: Int64
        var submission: Submission
        var blob: RawBlob
    }

    /// Normalizes kept files on both cores, each worker reading through one pack reader (a pack opened once).
    func normalize(_ files: [KeptFile], _ ticker: ProgressTicker? = nil) throws -> [FileOutcome] {
        let store = rawStore
        return try Parallel.map(count: files.count, context: { RawStore.Reader(store: store) }) { reader, i in
            let s = files[i].submission
            // A kept file over the size limit is rejected as its first ingest rejected it, unread.
            let outcome = files[i].blob.length > Int64(ingester.decoder.sizeLimit)
                ? tooLarge(s.path, size: files[i].blob.length, kept: true)
                : ingester.ingest(try reader.bytes(files[i].blob), file: s.path, receivedAt: s.receivedAt)
            ticker?.tick()
            return outcome
        }
    }
}

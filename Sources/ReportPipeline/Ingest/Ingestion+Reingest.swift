import Dispatch
import ReportModel
import ReportWarehouse

extension Ingestion {
    /// Normalizes kept files again with the current registries (`backfill --reingest`), on both cores,
    /// and replaces what they yielded; returns the dates whose figures may change (old and new dates).
    func reingest(_ candidates: [(id: Int64, submission: Submission)], warehouse: Warehouse, runId: Int64) throws -> Set<Day> {
        var blobs: [RawBlob] = []
        var submissions: [(id: Int64, submission: Submission)] = []
        for c in candidates {
            // A file over the size limit was never kept: it stays rejected as it was.
            guard let b = try warehouse.rawBlob(sha256: c.submission.sha256) else { continue }
            blobs.append(b)
            submissions.append(c)
        }
        let outcomes = ResultSlots<FileOutcome>(count: submissions.count)
        let workers = min(2, max(1, submissions.count))
        let store = rawStore, items = submissions, kept = blobs
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            // Each worker opens a pack once, however many of its files it re-reads.
            let reader = RawStore.Reader(store: store)
            var i = w
            while i < items.count {
                let s = items[i].submission
                outcomes.set(i, Swift.Result { ingester.ingest(try reader.bytes(kept[i]), file: s.path, receivedAt: s.receivedAt) })
                i += workers
            }
        }
        var affected = Set<Day>()
        var replacements: [(id: Int64, item: SubmissionRecord)] = []
        for ((id, old), outcome) in zip(submissions, try outcomes.collect()) {
            var submission = old
            var outcome = outcome
            settle(&submission, &outcome)
            affected.formUnion(old.reportDates)
            affected.formUnion(submission.reportDates)
            replacements.append((id, (submission, outcome.rows, outcome.unitReports, outcome.rejects, outcome.notes)))
        }
        // One transaction: the dates are pending with the rows that change them, so a kill leaves either
        // nothing changed or every changed date still to publish (each file committing on its own did not).
        try warehouse.transaction {
            try warehouse.markPending(affected, figures: affected)
            for r in replacements { try warehouse.replaceContents(ofSubmission: r.id, with: r.item, runId: runId) }
        }
        return affected
    }
}

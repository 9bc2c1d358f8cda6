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
        let store = rawStore, items = submissions, kept = blobs
        // Each worker opens a pack once, however many of its files it re-reads.
        let outcomes = try Parallel.map(count: items.count, context: { RawStore.Reader(store: store) }) { reader, i in
            let s = items[i].submission
            return ingester.ingest(try reader.bytes(kept[i]), file: s.path, receivedAt: s.receivedAt)
        }
        var affected = Set<Day>()
        var replacements: [(id: Int64, item: SubmissionRecord)] = []
        for ((id, old), outcome) in zip(submissions, outcomes) {
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

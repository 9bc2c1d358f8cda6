import Foundation
import ReportWarehouse

/// Keeps the warehouse's WAL file bounded during a long run (a year's backfill wrote a 9.9 GB WAL beside a
/// 2.1 GB warehouse): between units of work, a WAL above the limit is copied into the database, so the next
/// commit starts the log again. The size is measured at every commit, for the run log.
struct WALBound {
    /// Above this size after a commit, the WAL is checkpointed (`wal_checkpoint_mib`).
    let limitBytes: Int64
    /// The largest WAL file seen after a commit.
    private(set) var peakBytes: Int64 = 0
    /// Checkpoints this run made to keep the WAL under the limit.
    private(set) var checkpoints = 0
    /// The time they took, in milliseconds (on the loading thread: it waits for the copy and its fsync).
    private(set) var checkpointMs = 0

    /// Measures the WAL after a commit; with `more` (other commits follow in this run), checkpoints it when above
    /// the limit. After the last commit the archive thread's checkpoint, then the close, copy it.
    mutating func committed(_ warehouse: Warehouse, more: Bool) throws {
        let size = warehouse.walBytes()
        peakBytes = max(peakBytes, size)
        guard more, size > limitBytes else { return }
        let start = Date()
        try warehouse.checkpoint()
        checkpoints += 1
        checkpointMs += Int(Date().timeIntervalSince(start) * 1000)
    }
}

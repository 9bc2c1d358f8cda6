import Foundation
import ReportModel

extension Warehouse {
    /// Stops this connection from copying the WAL into the database at commit time (an I/O stall
    /// in the middle of the load); `checkpoint()` does it later, on another thread.
    public func deferCheckpoints() throws {
        try db.execute("PRAGMA wal_autocheckpoint=0")
    }

    /// Copies what it can of the WAL into the database without blocking writers (PASSIVE).
    public func checkpoint() throws {
        try db.execute("PRAGMA wal_checkpoint(PASSIVE)")
    }

    /// Once a checkpoint has copied the whole WAL, the next commit starts the log again and trims the file to
    /// `bytes` (SQLite's `journal_size_limit`): without it the file keeps its largest size.
    public func trimWAL(to bytes: Int64) throws {
        try db.execute("PRAGMA journal_size_limit=\(max(0, bytes))")
    }

    /// The size of the WAL file beside the database now, in bytes (0 when there is none).
    public func walBytes() -> Int64 {
        var st = stat()
        return stat(path + "-wal", &st) == 0 ? Int64(st.st_size) : 0
    }
}

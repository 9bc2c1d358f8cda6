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
}

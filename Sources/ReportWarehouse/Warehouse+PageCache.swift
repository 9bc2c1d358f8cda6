extension Warehouse {
    /// Sets how much of the database this connection keeps in memory (SQLite's `cache_size`), in MiB; 64 at open.
    public func setPageCache(mib: Int) throws {
        try db.execute("PRAGMA cache_size=-\(max(1, mib) * 1024)")
    }
}

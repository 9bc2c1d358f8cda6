import ReportWarehouse

extension Ingestion {
    /// Files read and normalized, with their bytes already kept in a pack.
    struct ReadBatch: Sendable {
        var files: [IngestedFile]
        var blobs: [RawBlob]
        /// Files that vanished or could not be read since discovery: not recorded, so the next run tries again.
        var unread: [String]
    }
}

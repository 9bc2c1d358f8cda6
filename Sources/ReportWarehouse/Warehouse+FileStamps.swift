import ReportModel

/// What discovery needs to know of a file it has seen: its size and modification time.
public struct FileStamp: Sendable, Hashable {
    public var size: Int64
    public var mtimeNanos: Int64

    public init(size: Int64, mtimeNanos: Int64) { self.size = size; self.mtimeNanos = mtimeNanos }
}

extension Warehouse {
    /// Every recorded path with the size and modification time of its latest submission.
    public func fileStamps() throws -> KnownFiles {
        let s = try db.prepare("SELECT path, size, mtime_ns FROM submissions ORDER BY id")
        var out = KnownFiles()
        var c = s.cursor { s in (s.string(0), FileStamp(size: s.int64(1), mtimeNanos: s.int64(2))) }
        while let (p, k) = try c.next() { out.record(p, k) }
        return out
    }
}

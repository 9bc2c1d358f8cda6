/// One file of a date's archive: a raw submission exactly as received.
public struct ArchiveMember: Sendable, Equatable {
    /// The path inside the archive (relative, `/`-separated, UTF-8).
    public var name: String
    /// The file's bytes.
    public var bytes: [UInt8]
    /// The modification time recorded in the archive, in Unix seconds.
    public var mtime: Int64

    /// A member named `name` holding `bytes`, modified at `mtime`.
    public init(name: String, bytes: [UInt8], mtime: Int64) {
        self.name = name; self.bytes = bytes; self.mtime = mtime
    }
}

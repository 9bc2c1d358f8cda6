/// One file of a date's archive: a raw submission exactly as received.
public struct ArchiveMember: Sendable, Equatable {
    /// The path inside the archive (relative, `/`-separated, UTF-8).
    public var name: String
    /// The file's bytes.
    public var bytes: [UInt8]
    /// The modification time recorded in the archive, in Unix seconds.
    public var mtime: Int64
    /// The SHA-256 of the bytes as received, when known (hex): the manifest then attests to what was received,
    /// and a kept copy that changed since fails `archive verify` instead of being hashed anew.
    public var sha256: String?

    /// A member named `name` holding `bytes`, modified at `mtime`; `sha256`, when given, is the bytes' hash as received.
    public init(name: String, bytes: [UInt8], mtime: Int64, sha256: String? = nil) {
        self.name = name; self.bytes = bytes; self.mtime = mtime; self.sha256 = sha256
    }
}

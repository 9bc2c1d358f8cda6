/// Where a received file's bytes are kept: `length` bytes at `offset` of pack file `pack`.
public struct RawBlob: Sendable, Hashable {
    public var sha256: String
    /// The pack's file name under `OUT/raw/`.
    public var pack: String
    public var offset: Int64
    public var length: Int64

    public init(sha256: String, pack: String, offset: Int64, length: Int64) {
        self.sha256 = sha256; self.pack = pack; self.offset = offset; self.length = length
    }
}

import ReportModel

/// Streams a POSIX ustar archive (pax headers for long or UTF-8 names) into a byte sink.
public struct TarWriter {
    private let sink: (UnsafeRawBufferPointer) throws -> Void
    private var paxCount = 0
    /// Whether `finish()` has written the end-of-archive blocks.
    public private(set) var isFinished = false

    /// Starts an archive whose bytes are handed, in order, to `sink`.
    /// (The bytes are lent for the call only: a member's data is not copied on its way to the sink.)
    public init(sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.sink = sink
    }

    /// Appends a regular file, mode 0644, owned by root, modified at `mtime` (Unix seconds).
    public mutating func append(name: String, data: [UInt8], mtime: Int64) throws {
        precondition(!isFinished, "TarWriter.append after finish")
        // The name's bytes are kept as given: an inbox path is archived as it was spelled.
        let path = Array(name.utf8)
        guard !path.isEmpty, !path.contains(0) else {
            throw ReportError(.internal, "tar member name is empty or holds NUL", location: name)
        }
        let size = Int64(data.count)
        var pax: [UInt8] = []
        var fields: (prefix: [UInt8], name: [UInt8])
        if path.allSatisfy({ $0 < 0x80 }), let split = TarHeader.split(path) {
            fields = split
        } else {
            // Readers that ignore pax still see an ASCII stand-in.
            fields = ([], Array(path.map { $0 < 0x80 ? $0 : UInt8(ascii: "_") }.suffix(100)))
            pax += TarHeader.paxRecord("path", path)
        }
        if size > TarHeader.maxOctal11 { pax += TarHeader.paxRecord("size", Array(String(size).utf8)) }
        if mtime < 0 || mtime > TarHeader.maxOctal11 {
            pax += TarHeader.paxRecord("mtime", Array(String(mtime).utf8))
        }
        if !pax.isEmpty {
            paxCount += 1
            let paxName = Array("PaxHeaders/\(paxCount)".utf8)
            try write(TarHeader(name: paxName, size: Int64(pax.count), mtime: max(0, mtime), typeflag: UInt8(ascii: "x")).block)
            try writePadded(pax)
        }
        try write(TarHeader(name: fields.name, prefix: fields.prefix, size: size, mtime: mtime, typeflag: UInt8(ascii: "0")).block)
        try writePadded(data)
    }

    /// Writes the two zero blocks that end the archive.
    public mutating func finish() throws {
        guard !isFinished else { return }
        try zeros(TarHeader.blockSize)
        try zeros(TarHeader.blockSize)
        isFinished = true
    }

    private func writePadded(_ bytes: [UInt8]) throws {
        try write(bytes)
        let remainder = bytes.count % TarHeader.blockSize
        if remainder != 0 { try zeros(TarHeader.blockSize - remainder) }
    }

    private func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try sink($0) }
    }

    /// `n` (at most a block) zero bytes.
    private func zeros(_ n: Int) throws {
        try TarWriter.zeroBlock.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0.prefix(n))) }
    }

    private static let zeroBlock = [UInt8](repeating: 0, count: TarHeader.blockSize)
}

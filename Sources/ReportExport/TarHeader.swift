/// A 512-byte POSIX ustar header block, and the pax records for what it cannot hold.
struct TarHeader {
    static let blockSize = 512
    /// The largest value an 11-digit octal field holds.
    static let maxOctal11: Int64 = 0o77777777777

    var block = [UInt8](repeating: 0, count: blockSize)

    init(name: [UInt8], prefix: [UInt8] = [], size: Int64, mtime: Int64, typeflag: UInt8) {
        put(name, at: 0, width: 100)
        put(Array("0000644".utf8), at: 100, width: 8)
        put(Array("0000000".utf8), at: 108, width: 8)
        put(Array("0000000".utf8), at: 116, width: 8)
        putOctal(size, at: 124)
        putOctal(mtime, at: 136)
        block[156] = typeflag
        put(Array("ustar".utf8), at: 257, width: 6)
        put(Array("00".utf8), at: 263, width: 2)
        put(Array("root".utf8), at: 265, width: 32)
        put(Array("root".utf8), at: 297, width: 32)
        put(Array("0000000".utf8), at: 329, width: 8)
        put(Array("0000000".utf8), at: 337, width: 8)
        put(prefix, at: 345, width: 155)
        // The checksum is computed with its own field read as eight spaces.
        for i in 148..<156 { block[i] = 0x20 }
        let sum = block.reduce(0) { $0 + Int($1) }
        put(Array(String(sum, radix: 8).leftPadded(to: 6).utf8) + [0, 0x20], at: 148, width: 8)
    }

    private mutating func put(_ bytes: [UInt8], at offset: Int, width: Int) {
        precondition(bytes.count <= width)
        block.replaceSubrange(offset..<offset + bytes.count, with: bytes)
    }

    private mutating func putOctal(_ value: Int64, at offset: Int) {
        let clamped = min(max(value, 0), Self.maxOctal11)
        put(Array(String(clamped, radix: 8).leftPadded(to: 11).utf8) + [0], at: offset, width: 12)
    }

    /// One pax extended-header record, `"<len> key=value\n"`, whose length counts itself.
    static func paxRecord(_ key: String, _ value: [UInt8]) -> [UInt8] {
        let body = Array(" \(key)=".utf8) + value + [0x0A]
        var length = body.count + 1
        while String(length).utf8.count + body.count != length {
            length = String(length).utf8.count + body.count
        }
        return Array(String(length).utf8) + body
    }

    /// Splits a name into ustar `prefix` and `name` fields, or nil when it does not fit.
    static func split(_ path: [UInt8]) -> (prefix: [UInt8], name: [UInt8])? {
        if path.count <= 100 { return ([], path) }
        guard path.count <= 256 else { return nil }
        for slash in path.indices.reversed() where path[slash] == UInt8(ascii: "/") {
            let prefix = Array(path[..<slash]), name = Array(path[(slash + 1)...])
            if name.count > 100 || name.isEmpty { return nil }
            if prefix.count <= 155 { return (prefix, name) }
        }
        return nil
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - utf8.count)) + self
    }
}

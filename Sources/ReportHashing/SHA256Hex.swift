import Crypto
import Foundation
import ReportModel

/// SHA-256 digests as 64 lowercase hex digits, as `sha256sum` prints them.
public enum SHA256Hex {
    /// The SHA-256 of `bytes` in lowercase hex.
    public static func hex(of bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The SHA-256 of `data` in lowercase hex.
    public static func hex(of data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// The SHA-256 of the file at `path`, read 1 MiB at a time (for files too large to hold).
    public static func hex(ofFileAt path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReportError(.tryLater, vi: "không đọc được \(path); hãy kiểm tra quyền đọc rồi chạy lại", en: "cannot read \(path); check its permissions and rerun")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hex(hasher.finalize())
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

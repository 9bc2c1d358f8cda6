import Foundation
import ReportModel

/// An inbox file that is new, or changed since it was last seen.
public struct DiscoveredFile: Sendable {
    /// Path relative to the inbox, `/`-separated; bytes that are not UTF-8 are shown escaped (`\xff`).
    public var path: String
    /// The inbox folder's absolute path (one string shared by every file of a discovery).
    var root: String
    /// The path's bytes relative to the inbox when they are not `path`'s UTF-8 (a name that is not UTF-8), else nil:
    /// a year's backfill holds 835,000 of these, and an absolute path apiece took ~130 bytes each.
    var rawPath: [UInt8]?
    public var size: Int64
    public var mtimeNanos: Int64
    public var receivedAt: Timestamp

    init(path: String, root: String, rawPath: [UInt8]?, size: Int64, mtimeNanos: Int64, receivedAt: Timestamp) {
        self.path = path; self.root = root; self.rawPath = rawPath
        self.size = size; self.mtimeNanos = mtimeNanos; self.receivedAt = receivedAt
    }

    /// When a file modified at `modified` (Unix seconds) counts as received, seen at `seenAt` by the machine's clock:
    /// its modification time, but never after it was seen (a time ahead is the sender's clock). Runs and `validate`.
    static func receivedAt(modified: Int64, seenAt: Int64) -> Timestamp { Timestamp(seconds: min(modified, seenAt)) }

    /// The absolute path as the file system has it (NUL-terminated): the only way to open a non-UTF-8 name.
    public var fileSystemPath: [CChar] {
        var bytes = Array(root.utf8)
        bytes.append(UInt8(ascii: "/"))
        if let rawPath { bytes += rawPath } else { bytes += path.utf8 }
        bytes.append(0)
        return bytes.map { CChar(bitPattern: $0) }
    }
}

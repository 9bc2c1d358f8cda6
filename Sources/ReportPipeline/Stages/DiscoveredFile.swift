import Foundation
import ReportModel

/// An inbox file that is new, or changed since it was last seen.
public struct DiscoveredFile: Sendable {
    /// Path relative to the inbox, `/`-separated; bytes that are not UTF-8 are shown escaped (`\xff`).
    public var path: String
    /// The absolute path as the file system has it (NUL-terminated): the only way to open a non-UTF-8 name.
    public var fileSystemPath: [CChar]
    public var size: Int64
    public var mtimeNanos: Int64
    public var receivedAt: Timestamp
}

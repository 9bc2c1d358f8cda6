#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call, kept as the typed cause of a `ReportError`.
public struct SystemCallError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The call that failed (`open`, `write`, `rename`, …).
    public var call: String
    public var errno: Int32

    public init(_ call: String, errno: Int32) {
        self.call = call; self.errno = errno
    }

    public var description: String { "\(call): \(String(cString: strerror(errno))), errno \(errno)" }
}

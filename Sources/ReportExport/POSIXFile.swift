import Glibc
import Foundation
import ReportModel

/// Thin wrappers over the system calls the atomic writers need, throwing `ReportError`.
enum POSIXFile {
    /// The failed call `call` on `path`: 75 for a full disk or a passing fault, 64 for a path the job may not write.
    static func failure(_ call: String, _ path: String, errno code: Int32 = errno) -> ReportError {
        ReportError.systemCall(call, path: path, errno: code)
    }

    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws -> Int32 {
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return fd }
            if errno != EINTR { throw failure("open", path) }
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("write", path)
            }
            offset += n
        }
    }

    static func fsync(_ fd: Int32, path: String) throws {
        if Glibc.fsync(fd) != 0 { throw failure("fsync", path) }
    }

    static func close(_ fd: Int32, path: String) throws {
        // Linux releases the descriptor even when close reports an error: never retry.
        if Glibc.close(fd) != 0 && errno != EINTR { throw failure("close", path) }
    }

    /// Flushes a file or a directory (its entries) to disk.
    static func fsyncPath(_ path: String, directory: Bool) throws {
        let fd = try open(path, O_RDONLY | (directory ? O_DIRECTORY : 0))
        defer { _ = Glibc.close(fd) }
        try fsync(fd, path: path)
    }

    static func rename(_ from: String, _ to: String) throws {
        if Glibc.rename(from, to) != 0 { throw failure("rename from \(from)", to) }
    }

    /// Swaps two paths atomically with `renameat2(…, RENAME_EXCHANGE)`.
    static func exchange(_ a: String, _ b: String) throws {
        // Swift's Glibc module hides renameat2 (it needs _GNU_SOURCE) and cannot
        // call the variadic syscall(2), so look the glibc symbol up at run time.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else {
            throw ReportError(.internal, vi: "thư viện C của máy không có renameat2", en: "renameat2 is not available in this C library", location: b)
        }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) != 0 {
            throw failure("renameat2 with \(a)", b)
        }
    }

    static func unlink(_ path: String) {
        _ = Glibc.unlink(path)
    }
}

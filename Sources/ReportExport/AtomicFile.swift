import Foundation
import ReportModel

/// Writes whole files so that readers and crashes see the old bytes or the new, never a mix.
public enum AtomicFile {
    /// Writes `data` to `url` through `.name.tmp-PID`, fsync, rename and a directory fsync.
    public static func write(_ data: Data, to url: URL) throws {
        try data.withUnsafeBytes { try write(buffer: $0, to: url) }
    }

    /// Writes `bytes` to `url` through `.name.tmp-PID`, fsync, rename and a directory fsync.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        try bytes.withUnsafeBytes { try write(buffer: $0, to: url) }
    }

    private static func write(buffer: UnsafeRawBufferPointer, to url: URL) throws {
        let path = url.path
        let directory = url.deletingLastPathComponent().path
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        do {
            var fd: Int32
            repeat { fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) } while fd < 0 && errno == EINTR
            // Creating the temp name fails in its folder: that folder is what the user fixes.
            if fd < 0 { throw POSIXFile.failure("open", directory) }
            do {
                try POSIXFile.writeAll(fd, buffer, path: temp)
                try POSIXFile.fsync(fd, path: temp)
            } catch {
                _ = close(fd)
                throw error
            }
            try POSIXFile.close(fd, path: temp)
            try POSIXFile.rename(temp, path)
        } catch {
            POSIXFile.unlink(temp)
            throw error
        }
        try POSIXFile.fsyncPath(directory, directory: true)
    }
}

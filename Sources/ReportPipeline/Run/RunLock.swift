import Foundation
import ReportModel

/// One run at a time: an exclusive `flock` on a file in the output folder, holding the owner's pid.
final class RunLock {
    private let fd: Int32

    /// Takes the lock, or fails with `.tryLater` naming the holder's pid.
    init(folder: URL) throws(ReportError) {
        let path = folder.appendingPathComponent(".lock").path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ReportError.systemCall("open", path: path, errno: errno)
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var buf = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buf, 32, 0)
            let holder = String(decoding: buf.prefix(max(0, n)), as: UTF8.self).trimmingSpaces
            close(fd)
            let pid = holder.isEmpty ? "?" : holder
            throw ReportError(.tryLater, vi: "một lần chạy khác (pid \(pid)) đang giữ khoá của \(folder.path); hãy chạy lại khi nó xong",
                              en: "another run holds the lock on \(folder.path) (pid \(pid)); try again when it finishes")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
    }

    deinit {
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}

import Foundation
import ReportHashing
import ReportModel
import ReportWarehouse

/// Keeps every received file's bytes, so history never depends on the inbox: each batch of
/// new files is appended to one pack file under `OUT/raw/` (one file and one fsync per batch,
/// not per submission), and the warehouse records where each hash landed.
struct RawStore: Sendable {
    let root: URL

    /// Writes `items` into a new pack (temporary name, fsync, rename) and returns where each landed.
    func pack(_ items: [(sha256: String, bytes: [UInt8])], name: String) throws -> [RawBlob] {
        guard !items.isEmpty else { return [] }
        let target = root.appendingPathComponent(name)
        let tmp = root.appendingPathComponent(".\(name).tmp-\(getpid())")
        var blobs: [RawBlob] = []
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let fd = open(tmp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            defer { close(fd) }
            var offset: Int64 = 0
            for item in items {
                guard item.bytes.withUnsafeBytes({ RawStore.writeAll(fd, $0) }) else {
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                blobs.append(RawBlob(sha256: item.sha256, pack: name, offset: offset, length: Int64(item.bytes.count)))
                offset += Int64(item.bytes.count)
            }
            guard fsync(fd) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            // link() never replaces: a kept pack under that name (an older warehouse's) stays as it was.
            guard link(tmp.path, target.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            unlink(tmp.path)
            try RawStore.syncFolder(root.path)
        } catch {
            let code = (error as? POSIXError).map { Int32($0.code.rawValue) } ?? EIO
            throw ReportError.environment(.init(errno: code), path: target.path, cause: error)
        }
        return blobs
    }

    /// Writes all of `buffer` to `fd`, going on after a short write or a signal (EINTR); false on a real failure
    /// (errno says which). `write` is the system call, replaceable in tests.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer,
                         write: (Int32, UnsafeRawPointer, Int) -> Int = { Glibc.write($0, $1, $2) }) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        var done = 0
        while done < buffer.count {
            let n = write(fd, base + done, buffer.count - done)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                if n == 0 { errno = EIO }
                return false
            }
            done += n
        }
        return true
    }

    /// Flushes a folder's entries (a new name) to disk: without it a power cut can lose a renamed file.
    static func syncFolder(_ path: String) throws {
        let dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(dfd) }
        guard fsync(dfd) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// Reads kept files, each pack opened once however many files it holds.
    final class Reader {
        let store: RawStore
        private var open: [String: Int32] = [:]

        init(store: RawStore) { self.store = store }

        deinit { for fd in open.values { close(fd) } }

        func bytes(_ blob: RawBlob) throws -> [UInt8] {
            let fd: Int32
            // (The path is built only when a pack is first opened: URL building costs more than the read.)
            if let cached = open[blob.pack] {
                fd = cached
            } else {
                let path = store.root.appendingPathComponent(blob.pack).path
                fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else {
                    throw ReportError(.damaged,
                        vi: "bản lưu gốc của một tệp đã nộp bị mất; hãy chạy archive verify, lệnh này nêu các tệp cần đặt lại vào hộp thư đến",
                        en: "the kept copy of a submission is missing; run archive verify, which names the files to put back in the inbox",
                        location: path)
                }
                open[blob.pack] = fd
            }
            var out = [UInt8](repeating: 0, count: Int(blob.length))
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress, Int(blob.length), off_t(blob.offset)) }
            guard n == Int(blob.length) else {
                throw ReportError(.damaged,
                    vi: "bản lưu gốc của một tệp đã nộp bị cắt ngắn; hãy chạy archive verify, lệnh này nêu các tệp cần đặt lại vào hộp thư đến",
                    en: "the kept copy of a submission is cut short; run archive verify, which names the files to put back in the inbox",
                                  location: store.root.appendingPathComponent(blob.pack).path)
            }
            return out
        }

        /// The copy's bytes when they can be read and still have their SHA-256; nil for a copy lost, cut short or
        /// changed in place.
        func intactBytes(_ blob: RawBlob) -> [UInt8]? {
            guard let bytes = try? bytes(blob), SHA256Hex.hex(of: bytes) == blob.sha256 else { return nil }
            return bytes
        }
    }
}

import Foundation
import ReportModel

/// Keeps every received file's bytes by content hash, so history never depends on the inbox.
struct RawStore: Sendable {
    let root: URL

    func url(sha256: String) -> URL {
        root.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256)
    }

    /// Stores `bytes` under their hash (write to a temporary name, then rename); a stored hash is left alone.
    func keep(_ bytes: [UInt8], sha256: String) throws {
        let target = url(sha256: sha256)
        if FileManager.default.fileExists(atPath: target.path) { return }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let tmp = target.deletingLastPathComponent().appendingPathComponent(".\(sha256).tmp-\(getpid())")
            try Data(bytes).write(to: tmp)
            guard rename(tmp.path, target.path) == 0 else { throw POSIXError(.EIO) }
        } catch {
            throw ReportError(.tryLater, "cannot keep a copy of a submission in \(root.path); check free space and rerun",
                              cause: "\(error)", location: target.path)
        }
    }

    /// The bytes stored under `sha256`.
    func bytes(sha256: String) throws -> [UInt8] {
        guard let d = FileManager.default.contents(atPath: url(sha256: sha256).path) else {
            throw ReportError(.internal, "the raw copy of a submission is missing from \(root.path)", location: url(sha256: sha256).path)
        }
        return [UInt8](d)
    }

    /// Flushes the copies to disk before the warehouse records them.
    func sync() { Foundation.sync() }
}

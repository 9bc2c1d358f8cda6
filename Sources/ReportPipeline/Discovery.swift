import Foundation
import ReportIngest
import ReportModel
import ReportWarehouse

/// An inbox file that is new, or changed since it was last seen.
public struct DiscoveredFile: Sendable {
    /// Path relative to the inbox, `/`-separated.
    public var path: String
    public var url: URL
    public var size: Int64
    public var mtimeNanos: Int64
    public var receivedAt: Timestamp
}

/// Stage 1: finds submissions in the inbox that were not processed in this form yet.
public enum Discovery {
    /// New or changed files, sorted by path. Symbolic links are never followed.
    public static func discover(inbox: String, known: [String: KnownFile]) throws(ReportError) -> [DiscoveredFile] {
        let root = URL(fileURLWithPath: inbox).standardized
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            throw ReportError(.usage, "the inbox \(inbox) is not a folder; give --inbox or set inbox in the pipeline file")
        }
        var found: [DiscoveredFile] = []
        var stack = [""]
        while let rel = stack.popLast() {
            let dir = rel.isEmpty ? root.path : root.path + "/" + rel
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for name in names {
                let relPath = rel.isEmpty ? name : rel + "/" + name
                let full = root.path + "/" + relPath
                var st = stat()
                guard lstat(full, &st) == 0 else { continue }
                let type = st.st_mode & S_IFMT
                if type == S_IFDIR {
                    stack.append(relPath)
                } else if type == S_IFREG, FileIngester.format(of: name) != nil {
                    let mtimeNanos = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
                    if let k = known[relPath], k.size == Int64(st.st_size), k.mtimeNanos == mtimeNanos { continue }
                    found.append(DiscoveredFile(path: relPath, url: URL(fileURLWithPath: full), size: Int64(st.st_size),
                                                mtimeNanos: mtimeNanos, receivedAt: Timestamp(seconds: Int64(st.st_mtim.tv_sec))))
                }
                // Links (S_IFLNK) are skipped: they could lead out of the inbox.
            }
        }
        return found.sorted { $0.path < $1.path }
    }
}

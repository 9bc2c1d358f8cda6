import Dispatch
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
    /// Folders opened before the rest of the walk is shared between the cores.
    static let foldersToShare = 64

    /// New or changed files, sorted by path. Symbolic links are never followed.
    public static func discover(inbox: String, known: KnownFiles) throws(ReportError) -> [DiscoveredFile] {
        let root = URL(fileURLWithPath: inbox).standardized.path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            throw ReportError(.usage, "the inbox \(inbox) is not a folder; give --inbox or set inbox in the pipeline file")
        }
        // The tree is opened breadth-first until there are enough folders to share, then each of those is walked
        // whole on one of the cores: stat calls dominate discovery (one per file), and they scale.
        var found: [DiscoveredFile] = []
        var level = [""]
        while !level.isEmpty && level.count < foldersToShare {
            var next: [String] = []
            for rel in level { scan(root: root, rel, known: known, found: &found, subfolders: &next) }
            level = next
        }
        let folders = level
        let slots = ResultSlots<[DiscoveredFile]>(count: folders.count)
        DispatchQueue.concurrentPerform(iterations: folders.count) { i in
            var files: [DiscoveredFile] = []
            var stack = [folders[i]]
            while let rel = stack.popLast() { scan(root: root, rel, known: known, found: &files, subfolders: &stack) }
            slots.set(i, .success(files))
        }
        if let parts = try? slots.collect() { for p in parts { found += p } }
        return found.sorted { $0.path < $1.path }
    }

    /// Reads one folder: new or changed files go to `found`, subfolders to `subfolders`.
    private static func scan(root: String, _ rel: String, known: KnownFiles, found: inout [DiscoveredFile],
                             subfolders: inout [String]) {
        let dirPath = rel.isEmpty ? root : root + "/" + rel
        guard let dir = opendir(dirPath) else { return }
        defer { closedir(dir) }
        let dfd = dirfd(dir)
        let knownHere = known.files(in: rel) ?? [:]
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            if type == UInt8(DT_DIR) {
                subfolders.append(rel.isEmpty ? name : rel + "/" + name)
                continue
            }
            // Links (DT_LNK) are skipped: they could lead out of the inbox.
            guard type == UInt8(DT_REG) || type == UInt8(DT_UNKNOWN), FileIngester.format(of: name) != nil else { continue }
            var st = stat()
            guard fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if st.st_mode & S_IFMT == S_IFDIR { subfolders.append(rel.isEmpty ? name : rel + "/" + name); continue }
            guard st.st_mode & S_IFMT == S_IFREG else { continue }
            let mtimeNanos = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
            // Most files are known and unchanged: skip them before building anything.
            if let k = knownHere[name], k.size == Int64(st.st_size), k.mtimeNanos == mtimeNanos { continue }
            let relPath = rel.isEmpty ? name : rel + "/" + name
            found.append(DiscoveredFile(path: relPath, url: URL(fileURLWithPath: dirPath + "/" + name), size: Int64(st.st_size),
                                        mtimeNanos: mtimeNanos, receivedAt: Timestamp(seconds: Int64(st.st_mtim.tv_sec))))
        }
    }
}

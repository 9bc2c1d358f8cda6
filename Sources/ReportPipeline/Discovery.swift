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
        try discover(inbox: inbox, known: { known })
    }

    /// The same, with the known files asked for only once the inbox has been walked (they can be read meanwhile).
    public static func discover(inbox: String, known: () throws -> KnownFiles) throws(ReportError) -> [DiscoveredFile] {
        let root = URL(fileURLWithPath: inbox).standardized.path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            throw ReportError(.usage, vi: "hộp thư đến \(inbox) không phải là thư mục; hãy dùng --inbox hoặc đặt inbox trong tệp pipeline",
                              en: "the inbox \(inbox) is not a folder; give --inbox or set inbox in the pipeline file")
        }
        // The tree is opened breadth-first until there are enough folders to share, then each of those is walked
        // whole on one of the cores: stat calls dominate discovery (one per file), and they scale.
        var listed: [Folder] = []
        var level = [""]
        while !level.isEmpty && level.count < foldersToShare {
            var next: [String] = []
            for rel in level { listed.append(scan(root: root, rel, subfolders: &next)) }
            level = next
        }
        let shared = level
        let slots = ResultSlots<[Folder]>(count: shared.count)
        DispatchQueue.concurrentPerform(iterations: shared.count) { i in
            var folders: [Folder] = []
            var stack = [shared[i]]
            while let rel = stack.popLast() { folders.append(scan(root: root, rel, subfolders: &stack)) }
            slots.set(i, .success(folders))
        }
        if let parts = try? slots.collect() { for p in parts { listed += p } }
        let knownFiles: KnownFiles
        do {
            knownFiles = try known()
        } catch let e as ReportError {
            throw e
        } catch {
            throw ReportError(wrapping: error)
        }
        var found: [DiscoveredFile] = []
        for folder in listed {
            let knownHere = knownFiles.files(in: folder.rel) ?? [:]
            let dirPath = path(root, folder.rel)
            // Most files are known and unchanged: skipped before anything is built for them.
            for f in folder.files where knownHere[f.name].map({ $0.size != f.size || $0.mtimeNanos != f.mtimeNanos }) ?? true {
                let relPath = path(folder.rel, f.name)
                found.append(DiscoveredFile(path: relPath, url: URL(fileURLWithPath: dirPath + "/" + f.name), size: f.size,
                                            mtimeNanos: f.mtimeNanos, receivedAt: Timestamp(seconds: f.mtimeSeconds)))
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// One folder's submission files as listed: name, size, modification time.
    private struct Folder: Sendable {
        var rel: String
        var files: [(name: String, size: Int64, mtimeNanos: Int64, mtimeSeconds: Int64)] = []
    }

    /// Lists one folder: its submission files, and its subfolders into `subfolders`.
    private static func scan(root: String, _ rel: String, subfolders: inout [String]) -> Folder {
        var folder = Folder(rel: rel)
        let dirPath = path(root, rel)
        guard let dir = opendir(dirPath) else { return folder }
        defer { closedir(dir) }
        let dfd = dirfd(dir)
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            if type == UInt8(DT_DIR) {
                subfolders.append(path(rel, name))
                continue
            }
            // Links (DT_LNK) are skipped: they could lead out of the inbox.
            // Every regular file is a submission: one of another type is rejected `unsupported_format`.
            guard type == UInt8(DT_REG) || type == UInt8(DT_UNKNOWN) else { continue }
            var st = stat()
            guard fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if st.st_mode & S_IFMT == S_IFDIR { subfolders.append(path(rel, name)); continue }
            guard st.st_mode & S_IFMT == S_IFREG else { continue }
            folder.files.append((name, Int64(st.st_size), Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
                                 Int64(st.st_mtim.tv_sec)))
        }
        return folder
    }

    /// `name` inside `folder` ("" being the folder itself).
    private static func path(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : name.isEmpty ? folder : folder + "/" + name
    }
}

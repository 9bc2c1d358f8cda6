import Dispatch
import Foundation
import ReportIngest
import ReportModel
import ReportWarehouse

/// Stage 1: finds submissions in the inbox that were not processed in this form yet.
public enum Discovery {
    /// Folders opened before the rest of the walk is shared between the cores.
    static let foldersToShare = 64

    /// Name endings of uploads in progress (contract §2).
    static let inProgressEndings = [".part", ".tmp", ".partial", ".crdownload"]

    /// New or changed files, sorted by path. Symbolic links are never followed.
    public static func discover(inbox: String, known: KnownFiles) throws(ReportError) -> [DiscoveredFile] {
        try discoverAll(inbox: inbox, plan: .full, known: { _ in known }).files
    }

    /// The same, with the known files asked for only once the inbox has been walked (they can be read meanwhile).
    public static func discover(inbox: String, known: () throws -> KnownFiles) throws(ReportError) -> [DiscoveredFile] {
        try discoverAll(inbox: inbox, plan: .full, known: { _ in try known() }).files
    }

    /// New or changed files, the uploads in progress and the folders reached. Folders `plan` allows are skipped;
    /// the known files are asked for once the inbox is walked, given the walked folders that hold files.
    public static func discoverAll(inbox: String, plan: ScanPlan,
                                   known: ([String]) throws -> KnownFiles) throws(ReportError) -> Found {
        let root = URL(fileURLWithPath: inbox).standardized.path
        var rootStat = stat()
        guard stat(root, &rootStat) == 0, rootStat.st_mode & S_IFMT == S_IFDIR else { throw notAFolder(inbox) }
        // The tree is opened breadth-first until there are enough folders to share, then each of those is walked
        // whole on one of the cores: stat calls dominate discovery (one per file), and they scale.
        var listed: [Folder] = []
        var level = [(FolderName.root, mtimeNanos(rootStat))]
        while !level.isEmpty && level.count < foldersToShare {
            var next: [(FolderName, Int64)] = []
            for (rel, mtime) in level { listed.append(visit(root: root, rel, mtime: mtime, plan: plan, subfolders: &next)) }
            level = next
        }
        let shared = level
        let slots = ResultSlots<[Folder]>(count: shared.count)
        DispatchQueue.concurrentPerform(iterations: shared.count) { i in
            var folders: [Folder] = []
            var stack = [shared[i]]
            while let (rel, mtime) = stack.popLast() { folders.append(visit(root: root, rel, mtime: mtime, plan: plan, subfolders: &stack)) }
            slots.set(i, .success(folders))
        }
        if let parts = try? slots.collect() { for p in parts { listed += p } }
        let knownFiles: KnownFiles
        do {
            knownFiles = try known(listed.filter { $0.walked && !$0.files.isEmpty }.map(\.name.rel))
        } catch let e as ReportError {
            throw e
        } catch {
            throw ReportError(wrapping: error)
        }
        var found = Found()
        found.knownCount = knownFiles.count
        // The machine's clock, not the run's (`--now`): a replay's files are not ahead of it; a sender's wrong clock is.
        let seenAt = Int64(Date().timeIntervalSince1970)
        for folder in listed {
            found.folders.append(SeenFolder(path: folder.name.rel, stamp: .init(fsPath: folder.name.bytes, mtimeNanos: folder.mtimeNanos),
                                            walked: folder.walked, unreadable: folder.unreadable))
            let knownHere = knownFiles.files(in: folder.name.rel) ?? [:]
            found.inProgress += folder.inProgress.map {
                TimedFile(path: path(folder.name.rel, $0.name), modified: Timestamp(seconds: $0.mtimeSeconds))
            }
            found.notRegular += folder.notRegular.map { path(folder.name.rel, $0) }
            let folderIsUTF8 = folder.name.bytes.elementsEqual(folder.name.rel.utf8)
            // Most files are known and unchanged: skipped before anything is built for them.
            for f in folder.files where knownHere[f.name].map({ $0.size != f.size || $0.mtimeNanos != f.mtimeNanos }) ?? true {
                let raw = folderIsUTF8 && f.bytes == nil ? nil : folder.name.joined(f.bytes ?? Array(f.name.utf8))
                let file = path(folder.name.rel, f.name)
                if f.mtimeSeconds > seenAt { found.timesAhead.append(TimedFile(path: file, modified: Timestamp(seconds: f.mtimeSeconds))) }
                found.files.append(DiscoveredFile(path: file, root: root, rawPath: raw, size: f.size,
                                                  mtimeNanos: f.mtimeNanos, receivedAt: DiscoveredFile.receivedAt(modified: f.mtimeSeconds, seenAt: seenAt)))
            }
        }
        found.files.sort { $0.path < $1.path }
        found.inProgress.sort { $0.path < $1.path }
        found.timesAhead.sort { $0.path < $1.path }
        found.notRegular.sort()
        return found
    }

    /// A folder's path relative to the inbox: as shown (escaped) and as the file system has it.
    private struct FolderName: Sendable {
        var rel: String
        var bytes: [UInt8]
        static let root = FolderName(rel: "", bytes: [])

        /// `name` inside this folder, as file system bytes.
        func joined(_ name: [UInt8]) -> [UInt8] { bytes.isEmpty ? name : bytes + [UInt8(ascii: "/")] + name }
    }

    /// One folder's submission files as listed: name, size, modification time.
    private struct Folder: Sendable {
        var name: FolderName
        var mtimeNanos: Int64
        var walked = true
        var unreadable = false
        /// `bytes`: the name as the file system has it, when it is not `name`'s UTF-8 (else nil).
        var files: [(name: String, bytes: [UInt8]?, size: Int64, mtimeNanos: Int64, mtimeSeconds: Int64)] = []
        var inProgress: [(name: String, mtimeSeconds: Int64)] = []
        /// Entries that are no regular file or folder (symbolic links, pipes, sockets, devices): not read.
        var notRegular: [String] = []
    }

    private static func mtimeNanos(_ st: stat) -> Int64 { Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec) }

    /// One folder, whose time `mtime` was taken before this: skipped when `plan` allows (its recorded subfolders are
    /// still looked at: a file added inside one changes only that subfolder's time), else listed.
    private static func visit(root: String, _ rel: FolderName, mtime: Int64, plan: ScanPlan,
                              subfolders: inout [(FolderName, Int64)]) -> Folder {
        guard plan.canSkip(rel.rel, mtimeNanos: mtime) else { return scan(root: root, rel, mtime: mtime, subfolders: &subfolders) }
        let rootBytes = Array(root.utf8)
        for child in plan.previous.children(of: rel.rel) {
            guard let stamp = plan.previous[child] else { continue }
            var st = stat()
            let full = rootBytes + [UInt8(ascii: "/")] + stamp.fsPath
            // Gone, or no longer a folder: then this folder's time would have changed; nothing to look at.
            guard lstat(full.map { CChar(bitPattern: $0) } + [0], &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { continue }
            subfolders.append((FolderName(rel: child, bytes: stamp.fsPath), mtimeNanos(st)))
        }
        return Folder(name: rel, mtimeNanos: mtime, walked: false)
    }

    /// Lists one folder: its submission files, and its subfolders (with their times) into `subfolders`.
    private static func scan(root: String, _ rel: FolderName, mtime: Int64, subfolders: inout [(FolderName, Int64)]) -> Folder {
        var folder = Folder(name: rel, mtimeNanos: mtime)
        let dirPath = Array(root.utf8) + (rel.bytes.isEmpty ? [] : [UInt8(ascii: "/")] + rel.bytes)
        guard let dir = opendir(dirPath.map { CChar(bitPattern: $0) } + [0]) else {
            folder.unreadable = true
            return folder
        }
        defer { closedir(dir) }
        let dfd = dirfd(dir)
        while let entry = readdir(dir) {
            let bytes = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)))) }
            }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            let name = displayName(bytes)
            let type = entry.pointee.d_type
            // Links are not followed (they could lead out of the inbox, or round in a loop), nor are pipes, sockets and
            // devices read: each is named in the run's summary, so a file linked into the inbox is not lost unnoticed.
            // Every regular file is a submission (one of another extension is rejected `unsupported_format`).
            guard type == UInt8(DT_REG) || type == UInt8(DT_UNKNOWN) || type == UInt8(DT_DIR) else {
                folder.notRegular.append(name)
                continue
            }
            var st = stat()
            guard fstatat(dfd, bytes.map { CChar(bitPattern: $0) } + [0], &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if st.st_mode & S_IFMT == S_IFDIR {
                subfolders.append((FolderName(rel: path(rel.rel, name), bytes: rel.joined(bytes)), mtimeNanos(st)))
                continue
            }
            guard st.st_mode & S_IFMT == S_IFREG else {
                folder.notRegular.append(name)
                continue
            }
            let lower = name.lowercased()
            if inProgressEndings.contains(where: { lower.hasSuffix($0) }) {
                folder.inProgress.append((name, Int64(st.st_mtim.tv_sec)))
                continue
            }
            folder.files.append((name, bytes.elementsEqual(name.utf8) ? nil : bytes, Int64(st.st_size), mtimeNanos(st),
                                 Int64(st.st_mtim.tv_sec)))
        }
        return folder
    }

    /// Refuses an inbox that is no folder, before a run opens (or makes) anything in the output folder.
    public static func checkInbox(_ inbox: String) throws(ReportError) {
        var st = stat()
        guard stat(URL(fileURLWithPath: inbox).standardized.path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
            throw notAFolder(inbox)
        }
    }

    static func notAFolder(_ inbox: String) -> ReportError {
        ReportError(.usage, vi: "hộp thư đến \(inbox) không phải là thư mục; hãy dùng --inbox hoặc đặt inbox trong tệp pipeline",
                    en: "the inbox \(inbox) is not a folder; give --inbox or set inbox in the pipeline file")
    }

    /// A file name's bytes as text: UTF-8 as it is, each byte that is not part of valid UTF-8 as `\xHH`.
    static func displayName(_ bytes: [UInt8]) -> String {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        var out = ""
        var i = 0
        scalars: while i < bytes.count {
            for k in 1...4 where i + k <= bytes.count {
                if let s = String(validating: bytes[i..<i + k], as: UTF8.self), s.unicodeScalars.count == 1 {
                    out += s
                    i += k
                    continue scalars
                }
            }
            out += "\\x" + String(bytes[i], radix: 16).leftPadded(to: 2)
            i += 1
        }
        return out
    }

    /// `name` inside `folder` ("" being the folder itself).
    private static func path(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : name.isEmpty ? folder : folder + "/" + name
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

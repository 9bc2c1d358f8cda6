import Foundation
import Glibc
import ReportModel

/// Publishes whole directories: readers and crashes see the old folder or the new, never a mix.
public enum AtomicDirectory {
    /// Builds a folder in a temp sibling via `build`, fsyncs it, and swaps it into place at `final`.
    public static func publish(build: (URL) throws -> Void, at final: URL) throws {
        let parent = final.deletingLastPathComponent()
        let name = final.lastPathComponent
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw ReportError(wrapping: error)
        }
        removeStaleTemps(of: name, in: parent)

        let temp = parent.appendingPathComponent(".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        // The folder that refused it is what the user fixes: the temp name never existed.
        if mkdir(temp.path, 0o755) != 0 { throw POSIXFile.failure("mkdir", parent.path) }
        do {
            try build(temp)
            try fsyncTree(temp)
        } catch {
            try? fileManager.removeItem(at: temp)
            throw error
        }

        if fileManager.fileExists(atPath: final.path) || isSymlink(final.path) {
            // rename(2) cannot replace a non-empty directory; the exchange puts the
            // old folder at the temp name in the same atomic step.
            try POSIXFile.exchange(temp.path, final.path)
            try POSIXFile.fsyncPath(parent.path, directory: true)
            try? fileManager.removeItem(at: temp)
        } else {
            try POSIXFile.rename(temp.path, final.path)
            try POSIXFile.fsyncPath(parent.path, directory: true)
        }
    }

    /// The prefix of the temp names used for `name`.
    static func tempPrefix(of name: String) -> String { ".\(name).tmp-" }

    /// Deletes temp folders left by a publish that crashed (its process is gone).
    static func removeStaleTemps(of name: String, in parent: URL) {
        let prefix = tempPrefix(of: name)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let pidText = entry.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
            // A live owner may be publishing right now; leave its folder alone.
            if let pid = pid_t(pidText), pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    private static func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Flushes every file and folder under `root`, then `root` itself.
    private static func fsyncTree(_ root: URL) throws {
        let keys: [URLResourceKey] = [.isDirectoryKey, .isRegularFileKey]
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) {
            for case let url as URL in walker {
                let values = try? url.resourceValues(forKeys: Set(keys))
                if values?.isDirectory == true {
                    try POSIXFile.fsyncPath(url.path, directory: true)
                } else if values?.isRegularFile == true {
                    try POSIXFile.fsyncPath(url.path, directory: false)
                }
            }
        }
        try POSIXFile.fsyncPath(root.path, directory: true)
    }
}

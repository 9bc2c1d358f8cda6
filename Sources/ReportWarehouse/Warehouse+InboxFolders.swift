import ReportModel

extension Warehouse {
    /// The inbox folders recorded by earlier runs.
    public func inboxFolders() throws -> InboxFolderStamps {
        let s = try db.prepare("SELECT path, fs_path, mtime_ns FROM inbox_folders")
        var out = InboxFolderStamps()
        var c = s.cursor { s in (s.string(0), InboxFolderStamps.Stamp(fsPath: s.blob(1), mtimeNanos: s.int64(2))) }
        while let (p, stamp) = try c.next() { out.record(p, stamp) }
        return out
    }

    /// Records the folders whose stamp changed or is new, and forgets those gone (or not to be trusted).
    public func updateInboxFolders(_ changed: [(path: String, stamp: InboxFolderStamps.Stamp)], removing: [String]) throws {
        try joiningTransaction {
            let del = try db.prepare("DELETE FROM inbox_folders WHERE path = ?")
            for p in removing {
                del.bind(1, p)
                try del.run()
            }
            let ins = try db.prepare("INSERT OR REPLACE INTO inbox_folders (path, fs_path, mtime_ns) VALUES (?, ?, ?)")
            for (p, stamp) in changed {
                ins.bind(1, p)
                ins.bind(2, stamp.fsPath)
                ins.bind(3, stamp.mtimeNanos)
                try ins.run()
            }
        }
    }

    /// The recorded stamps of the files directly inside the given inbox folders (relative, "" the inbox's root).
    public func fileStamps(inFolders folders: [String]) throws -> KnownFiles {
        // The expression is the index's (v10), so each folder is one index range.
        let s = try db.prepare("SELECT path, size, mtime_ns FROM submissions WHERE rtrim(path, replace(path, '/', '')) = ? ORDER BY id")
        var out = KnownFiles()
        for folder in folders {
            s.reset()
            s.bind(1, folder.isEmpty ? "" : folder + "/")
            var c = s.cursor { s in (s.string(0), FileStamp(size: s.int64(1), mtimeNanos: s.int64(2))) }
            while let (p, k) = try c.next() { out.record(p, k) }
        }
        return out
    }

    /// When the inbox was last scanned whole (every folder walked), and which inbox that was (its absolute path).
    public func lastFullScan() throws -> (inbox: String, at: Int64)? {
        let s = try db.prepare("SELECT value FROM warehouse_meta WHERE name = 'inbox_full_scan'")
        defer { s.reset() }
        guard try s.step() else { return nil }
        let text = String(decoding: s.blob(0), as: UTF8.self)
        guard let tab = text.firstIndex(of: "\t"), let at = Int64(text[..<tab]) else { return nil }
        return (String(text[text.index(after: tab)...]), at)
    }

    /// Records a full scan of `inbox` at `at` (epoch seconds of the run's clock).
    public func recordFullScan(inbox: String, at: Int64) throws {
        let s = try db.prepare("INSERT OR REPLACE INTO warehouse_meta (name, value) VALUES ('inbox_full_scan', ?)")
        s.bind(1, Array("\(at)\t\(inbox)".utf8))
        try s.run()
    }
}

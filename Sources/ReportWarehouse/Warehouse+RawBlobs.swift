import ReportModel

extension Warehouse {
    /// Records where new files' bytes were packed (a hash already recorded keeps its first place).
    public func recordRawBlobs(_ blobs: [RawBlob]) throws {
        let s = try db.prepare("INSERT OR IGNORE INTO raw_blobs(sha256, pack, offset, length) VALUES (?, ?, ?, ?)")
        // A pack all of whose bytes were already kept elsewhere is not recorded: the next sweep removes it.
        var used = Set<String>()
        for b in blobs {
            s.bind(1, b.sha256)
            s.bind(2, b.pack)
            s.bind(3, b.offset)
            s.bind(4, b.length)
            try s.run()
            if db.changes > 0 { used.insert(b.pack) }
        }
        let p = try db.prepare("INSERT OR IGNORE INTO raw_packs(name) VALUES (?)")
        for name in used.sorted() {
            p.bind(1, name)
            try p.run()
        }
    }

    /// Where the bytes with this hash are kept, if they were received.
    public func rawBlob(sha256: String) throws -> RawBlob? {
        let s = try db.prepare("SELECT pack, offset, length FROM raw_blobs WHERE sha256 = ?")
        s.bind(1, sha256)
        var c = s.cursor { s in RawBlob(sha256: sha256, pack: s.string(0), offset: s.int64(1), length: s.int64(2)) }
        return try c.all().first
    }

    /// Where the kept bytes of every submission of `day` are, by hash (one query for a day's archive).
    public func rawBlobs(on day: Day) throws -> [String: RawBlob] {
        let s = try db.prepare("""
            SELECT b.sha256, b.pack, b.offset, b.length
            FROM submission_dates d JOIN submissions s ON s.id = d.submission_id JOIN raw_blobs b ON b.sha256 = s.sha256
            WHERE d.report_date = ?
            """)
        s.bind(1, day.iso)
        var c = s.cursor { s in RawBlob(sha256: s.string(0), pack: s.string(1), offset: s.int64(2), length: s.int64(3)) }
        var out: [String: RawBlob] = [:]
        while let b = try c.next() { out[b.sha256] = b }
        return out
    }
}

extension Warehouse {
    /// The pack files that hold at least one recorded file's bytes.
    public func referencedPacks() throws -> Set<String> {
        let s = try db.prepare("SELECT name FROM raw_packs")
        var c = s.cursor { $0.string(0) }
        return Set(try c.all())
    }
}

extension Warehouse {
    /// Which of these hashes belong to a submission already recorded (one query for a whole batch).
    public func recordedHashes(among hashes: [String]) throws -> Set<String> {
        var found = Set<String>()
        var start = 0
        while start < hashes.count {
            let chunk = Array(hashes[start..<min(hashes.count, start + 500)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let s = try db.prepare("SELECT DISTINCT sha256 FROM submissions WHERE sha256 IN (\(marks))")
            for (i, h) in chunk.enumerated() { s.bind(Int32(i + 1), h) }
            var c = s.cursor { $0.string(0) }
            found.formUnion(try c.all())
            start += chunk.count
        }
        return found
    }
}

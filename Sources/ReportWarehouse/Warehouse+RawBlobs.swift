import Foundation
import ReportModel

extension Warehouse {
    /// Records where new files' bytes were packed (a hash already recorded keeps its first place). `absent`: hashes
    /// known to be in no submission yet, so in no kept copy either (a copy is recorded with its first submission,
    /// in the same transaction): inserted without looking them up, the common case of a night.
    public func recordRawBlobs(_ blobs: [RawBlob], absent: Set<String> = []) throws {
        let checked = try db.prepare("""
            INSERT INTO raw_blobs(sha256, pack, offset, length, hash_tier) SELECT ?1, ?2, ?3, ?4, ?5
            WHERE NOT EXISTS (SELECT 1 FROM raw_blobs WHERE \(Self.hashIsFirstParameter))
            """)
        let plain = try db.prepare("INSERT INTO raw_blobs(sha256, pack, offset, length, hash_tier) VALUES (?1, ?2, ?3, ?4, ?5)")
        // A pack all of whose bytes were already kept elsewhere is not recorded: the next sweep removes it.
        var used = Set<String>()
        for b in blobs {
            let s = absent.contains(b.sha256) ? plain : checked
            s.bind(1, b.sha256)
            s.bind(2, b.pack)
            s.bind(3, b.offset)
            s.bind(4, b.length)
            s.bind(5, newHashTier.rawValue)
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
        let s = try db.prepare("SELECT pack, offset, length FROM raw_blobs WHERE \(Self.hashIsFirstParameter)")
        s.bind(1, sha256)
        var c = s.cursor { s in RawBlob(sha256: sha256, pack: s.string(0), offset: s.int64(1), length: s.int64(2)) }
        return try c.all().first
    }

    /// Where the kept bytes of every submission of `day` are, by hash (one query for a day's archive).
    public func rawBlobs(on day: Day) throws -> [String: RawBlob] {
        let s = try db.prepare("""
            SELECT b.sha256, b.pack, b.offset, b.length
            FROM raw_blobs b WHERE b.rowid IN (\(Self.dayBlobRowids))
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
            // Through the tiers' 12-digit index (`hashIsFirstParameter`); the whole hash is compared below.
            let s = try db.prepare("SELECT DISTINCT sha256 FROM submissions WHERE hash_tier IN (0, 1) AND substr(sha256, 1, 12) IN (\(marks))")
            for (i, h) in chunk.enumerated() { s.bind(Int32(i + 1), String(h.prefix(12))) }
            var c = s.cursor { $0.string(0) }
            found.formUnion(try c.all())
            start += chunk.count
        }
        return found.intersection(hashes)
    }
}

extension Warehouse {
    /// Records, before any byte is written, the pack names a run is about to write: the warehouse then lists
    /// them, and the next sweep may remove the ones whose load never committed (a killed run's).
    public func planPacks(_ names: [String], runId: Int64) throws {
        try db.joiningTransaction {
            let s = try db.prepare("INSERT OR REPLACE INTO warehouse_meta (name, value) VALUES (?, ?)")
            for name in names {
                s.bind(1, Self.plannedPackPrefix + name)
                s.bind(2, runId)
                try s.run()
            }
        }
    }

    /// The pack names runs planned and the sweep has not settled yet.
    public func plannedPacks() throws -> Set<String> {
        let s = try db.prepare("SELECT name FROM warehouse_meta WHERE name LIKE '\(Self.plannedPackPrefix)%'")
        var c = s.cursor { String($0.string(0).dropFirst(Self.plannedPackPrefix.count)) }
        return Set(try c.all())
    }

    /// Forgets planned packs once the sweep has settled them (recorded, or removed).
    public func forgetPlannedPacks(_ names: Set<String>) throws {
        guard !names.isEmpty else { return }
        try db.joiningTransaction {
            let s = try db.prepare("DELETE FROM warehouse_meta WHERE name = ?")
            for name in names.sorted() {
                s.bind(1, Self.plannedPackPrefix + name)
                try s.run()
            }
        }
    }

    static let plannedPackPrefix = "planned_pack:"
}

extension Warehouse {
    /// Every kept raw copy the warehouse lists, with the inbox path of the first submission of those bytes,
    /// in pack order (`day` given: only the copies of that date's submissions; `pack` given: only that pack's),
    /// none of the packs `notIn` (their paths not looked up).
    public func keptCopies(on day: Day? = nil, inPack pack: String? = nil,
                           notIn excluded: Set<String> = []) throws -> [(blob: RawBlob, path: String)] {
        var conditions: [String] = []
        if pack != nil { conditions.append("b.pack = ?1") } else if day != nil { conditions.append("b.rowid IN (\(Self.dayBlobRowids))") }
        // The packs left out are few (a run's: one per 1,000 files), bound at once as a JSON array.
        if !excluded.isEmpty { conditions.append("b.pack NOT IN (SELECT value FROM json_each(?2))") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let s = try db.prepare("""
            SELECT b.sha256, b.pack, b.offset, b.length,
                   \(Self.sameTierFirst("SELECT path FROM submissions s", "s", as: "b", then: "ORDER BY s.id LIMIT 1"))
            FROM raw_blobs b \(filter) ORDER BY b.pack, b.offset
            """)
        if let pack { s.bind(1, pack) } else if let day { s.bind(1, day.iso) }
        if !excluded.isEmpty { s.bind(2, Self.jsonArray(excluded.sorted())) }
        var c = s.cursor { s in
            (RawBlob(sha256: s.string(0), pack: s.string(1), offset: s.int64(2), length: s.int64(3)), s.optionalString(4) ?? "")
        }
        return try c.all()
    }

    /// `names` as a JSON array of strings, for `json_each`.
    static func jsonArray(_ names: [String]) -> String {
        // Encoding an array of strings cannot fail.
        String(decoding: (try? JSONEncoder().encode(names)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// Points hashes at a new place (a lost copy kept again); the pack is listed.
    public func moveRawBlobs(_ blobs: [RawBlob]) throws {
        try db.joiningTransaction {
            let s = try db.prepare("""
                UPDATE raw_blobs SET pack = ?2, offset = ?3, length = ?4
                WHERE \(Self.hashIsFirstParameter)
                """)
            var unlisted: [RawBlob] = []
            for b in blobs {
                s.bind(1, b.sha256)
                s.bind(2, b.pack)
                s.bind(3, b.offset)
                s.bind(4, b.length)
                try s.run()
                if db.changes == 0 { unlisted.append(b) }
            }
            // A hash not listed yet (it cannot be, for a copy kept again, but the rule is one row per hash).
            try recordRawBlobs(unlisted)
            let p = try db.prepare("INSERT OR IGNORE INTO raw_packs(name) VALUES (?)")
            for name in Set(blobs.map(\.pack)).sorted() {
                p.bind(1, name)
                try p.run()
            }
        }
    }
}

extension Warehouse {
    /// The condition "this row's hash is `?1`", in either tier, through the tiers' 12-digit index (migrations v11, v12;
    /// the `+` keeps SQLite from substituting the constant into the indexed expression).
    static let hashIsFirstParameter = "hash_tier IN (0, 1) AND substr(sha256, 1, 12) = substr(?1, 1, 12) AND +sha256 = ?1"

    /// `select` (aliased `alias`) of the row with the hash of `other`, asked first in `other`'s tier and, only when
    /// that finds nothing, in both (COALESCE stops at the first): a copy is recorded in the same transaction, so in the
    /// same tier, as the first submission of its bytes, and a night's rows then never touch tier 0's random pages.
    static func sameTierFirst(_ select: String, _ alias: String, as other: String, then tail: String = "") -> String {
        let sameHash = "substr(\(alias).sha256, 1, 12) = substr(\(other).sha256, 1, 12) AND \(alias).sha256 = \(other).sha256"
        return """
            COALESCE((\(select) WHERE \(alias).hash_tier = \(other).hash_tier AND \(sameHash) \(tail)),
                     (\(select) WHERE \(alias).hash_tier IN (0, 1) AND \(sameHash) \(tail)))
            """
    }

    /// The rowids of the kept copies of the submissions of the date bound to `?`.
    static let dayBlobRowids = """
        SELECT \(sameTierFirst("SELECT k.rowid FROM raw_blobs k", "k", as: "s"))
        FROM submission_dates d JOIN submissions s ON s.id = d.submission_id
        WHERE d.report_date = ?
        """

    /// Moves every hash of tier 1 into tier 0 (migration v12), in both tables and one transaction; returns how many
    /// kept copies moved.
    @discardableResult
    public func settleHashes() throws -> Int {
        try db.joiningTransaction {
            try db.execute("UPDATE submissions SET hash_tier = 0 WHERE hash_tier = 1")
            try db.execute("UPDATE raw_blobs SET hash_tier = 0 WHERE hash_tier = 1")
            return db.changes
        }
    }

    /// How many kept copies are in tier 1 (read through the index: only tier 1's pages).
    public func unsettledHashes() throws -> Int {
        let s = try db.prepare("SELECT count(*) FROM raw_blobs WHERE hash_tier = 1")
        defer { s.reset() }
        return try s.step() ? s.int(0) : 0
    }
}

import ReportModel
@testable import ReportWarehouse
import XCTest

/// Every lookup by hash goes through the 12-digit indexes of migrations v11 and v12, never a scan of the table: a year's
/// warehouse holds ~860,000 submissions and as many kept copies, and one scan per file made a night take minutes.
final class HashLookupTests: XCTestCase {
    func testEveryLookupByHashUsesTheIndexes() throws {
        let (wh, _) = try makeWarehouse(self)
        let run = try wh.beginRun(command: "run", arguments: [], startedAt: at("2026-11-28T01:00:00"))
        let hashes = (0..<40).map { i in String(repeating: String(format: "%02x", i), count: 32) }
        for (i, h) in hashes.enumerated() {
            let sub = submission("2026-11-27/\(i).csv", received: at("2026-11-27T17:00:00"), sha: h, dates: [day2])
            try wh.record(submission: sub, rows: [row(unit: String(format: "%05d", i), submitted: at("2026-11-27T17:00:00"))],
                          unitReports: [], rejects: [], notes: [], runId: run)
        }
        try wh.recordRawBlobs(hashes.enumerated().map { RawBlob(sha256: $1, pack: "run1-0.pack", offset: Int64($0 * 10), length: 10) })
        // Looked up again: each kept once, at its first place; the lookups below all find what they look for.
        try wh.recordRawBlobs([RawBlob(sha256: hashes[3], pack: "run2-0.pack", offset: 0, length: 10)])
        XCTAssertEqual(try wh.rawBlob(sha256: hashes[3])?.pack, "run1-0.pack")
        XCTAssertEqual(try wh.recordedHashes(among: [hashes[5], String(hashes[5].prefix(12)) + String(repeating: "0", count: 52)]),
                       [hashes[5]], "a hash sharing only the first 12 digits is not recorded")
        XCTAssertEqual(try wh.firstSubmission(sha256: hashes[7])?.path, "2026-11-27/7.csv")
        XCTAssertEqual(try wh.rawBlobs(on: day2).count, 40)
        XCTAssertEqual(try wh.keptCopies(on: day2).count, 40)
        XCTAssertEqual(try wh.keptCopies(on: day2, notIn: ["run1-0.pack"]).count, 0, "a run's own packs left out")
        XCTAssertEqual(try wh.keptCopies(on: day2, notIn: ["run2-0.pack"]).count, 40)
        XCTAssertEqual(try wh.keptCopies(on: day2, notIn: ["run2-0.pack", "run\"9.pack"]).map(\.path).sorted(),
                       hashes.indices.map { "2026-11-27/\($0).csv" }.sorted())
        try wh.moveRawBlobs([RawBlob(sha256: hashes[9], pack: "run3-0.pack", offset: 0, length: 10)])
        XCTAssertEqual(try wh.rawBlob(sha256: hashes[9])?.pack, "run3-0.pack")
        XCTAssertEqual(try wh.keptCopies().count, 40, "still one row per hash")

        let lookups = wh.db.fullScanSteps().filter { $0.sql.contains("sha256") && !$0.sql.contains("FROM raw_blobs b  ORDER BY") }
        XCTAssertGreaterThanOrEqual(lookups.count, 7)
        for l in lookups where l.sql.contains("substr(") || l.sql.contains("sha256 =") || l.sql.contains("sha256 IN") {
            XCTAssertEqual(l.steps, 0, "scanned a table: \(l.sql)")
        }
    }

    /// Hashes recorded before the last settling (tier 0) and after it (tier 1) are found alike by every lookup, and
    /// settling moves them all; a night's new hashes go to tier 1 (migration v12).
    func testLookupsFindHashesInBothTiers() throws {
        let (wh, _) = try makeWarehouse(self)
        let run = try wh.beginRun(command: "run", arguments: [], startedAt: at("2026-11-28T01:00:00"))
        let hashes = (0..<20).map { i in String(repeating: String(format: "%02x", i + 100), count: 32) }
        func record(_ range: Range<Int>) throws {
            for i in range {
                let sub = submission("2026-11-27/\(i).csv", received: at("2026-11-27T17:00:00"), sha: hashes[i], dates: [day2])
                try wh.record(submission: sub, rows: [row(unit: String(format: "%05d", i), submitted: at("2026-11-27T17:00:00"))],
                              unitReports: [], rejects: [], notes: [], runId: run)
            }
            try wh.recordRawBlobs(range.map { RawBlob(sha256: hashes[$0], pack: "run1-0.pack", offset: Int64($0 * 10), length: 10) },
                                  absent: Set(range.map { hashes[$0] }))
        }
        try record(0..<10)
        XCTAssertEqual(try wh.unsettledHashes(), 10)
        XCTAssertEqual(try wh.settleHashes(), 10)
        XCTAssertEqual(try wh.unsettledHashes(), 0)
        try record(10..<20)
        XCTAssertEqual(try wh.unsettledHashes(), 10)
        let tiers = try wh.db.prepare("SELECT hash_tier, count(*) FROM submissions GROUP BY hash_tier ORDER BY hash_tier")
        var c = tiers.cursor { "\($0.int(0)):\($0.int(1))" }
        XCTAssertEqual(try c.all(), ["0:10", "1:10"])

        for i in [2, 15] {
            XCTAssertEqual(try wh.recordedHashes(among: [hashes[i]]), [hashes[i]], "hash \(i)")
            XCTAssertEqual(try wh.firstSubmission(sha256: hashes[i])?.path, "2026-11-27/\(i).csv")
            XCTAssertEqual(try wh.rawBlob(sha256: hashes[i])?.offset, Int64(i * 10))
            // Received again: still kept once, at its first place, whichever tier it is in.
            try wh.recordRawBlobs([RawBlob(sha256: hashes[i], pack: "run2-0.pack", offset: 0, length: 10)])
            XCTAssertEqual(try wh.rawBlob(sha256: hashes[i])?.pack, "run1-0.pack")
        }
        // A later copy of tier 0's bytes, recorded in tier 1: its day finds the copy in tier 0.
        let copy = submission("2026-11-28/again.csv", received: at("2026-11-28T17:00:00"), sha: hashes[3], status: .duplicate,
                              dates: [Day(iso: "2026-11-28")!])
        try wh.record(submission: copy, rows: [], unitReports: [], rejects: [], notes: [], runId: run)
        XCTAssertEqual(try wh.rawBlobs(on: Day(iso: "2026-11-28")!).keys.sorted(), [hashes[3]])
        XCTAssertEqual(try wh.keptCopies(on: Day(iso: "2026-11-28")!).map(\.path), ["2026-11-27/3.csv"])
        XCTAssertEqual(try wh.rawBlobs(on: day2).count, 20)
        XCTAssertEqual(Set(try wh.keptCopies(on: day2).map(\.path)), Set((0..<20).map { "2026-11-27/\($0).csv" }))
        try wh.moveRawBlobs([RawBlob(sha256: hashes[4], pack: "run3-0.pack", offset: 0, length: 10),
                             RawBlob(sha256: hashes[14], pack: "run3-0.pack", offset: 10, length: 10)])
        XCTAssertEqual(try wh.rawBlob(sha256: hashes[4])?.pack, "run3-0.pack")
        XCTAssertEqual(try wh.rawBlob(sha256: hashes[14])?.pack, "run3-0.pack")
        XCTAssertEqual(try wh.keptCopies().count, 20, "still one row per hash")
        XCTAssertEqual(try wh.settleHashes(), 10)
        XCTAssertEqual(try wh.recordedHashes(among: hashes), Set(hashes))
        // keptCopies() with no day or pack lists every copy: the one scan meant to be one.
        for l in wh.db.fullScanSteps() where l.sql.contains("hash_tier IN") && !l.sql.contains("FROM raw_blobs b  ORDER BY") {
            XCTAssertEqual(l.steps, 0, "scanned a table: \(l.sql)")
        }
    }
    /// A large load records its hashes straight in tier 0 (a year's backfill settled 100,000 at a time, 10 s of its
    /// load), and they are found as any other; the warehouse's default stays tier 1.
    func testALargeLoadRecordsItsHashesInTierZero() throws {
        let (wh, _) = try makeWarehouse(self)
        let run = try wh.beginRun(command: "backfill", arguments: [], startedAt: at("2026-11-28T01:00:00"))
        let hashes = (0..<6).map { i in String(repeating: String(format: "%02x", i + 200), count: 32) }
        func record(_ range: Range<Int>) throws {
            let items: [SubmissionRecord] = range.map { i in
                (submission("2026-11-27/\(i).csv", received: at("2026-11-27T17:00:00"), sha: hashes[i], dates: [day2]),
                 [row(unit: String(format: "%05d", i), submitted: at("2026-11-27T17:00:00"))], [], [], [])
            }
            try wh.recordBatch(items, runId: run)
            try wh.recordRawBlobs(range.map { RawBlob(sha256: hashes[$0], pack: "run1-0.pack", offset: Int64($0 * 10), length: 10) },
                                  absent: Set(range.map { hashes[$0] }))
        }
        XCTAssertEqual(wh.newHashTier, .recent)
        wh.newHashTier = .settled
        try record(0..<3)
        XCTAssertEqual(try wh.unsettledHashes(), 0)
        wh.newHashTier = .recent
        try record(3..<6)
        XCTAssertEqual(try wh.unsettledHashes(), 3)
        for table in ["submissions", "raw_blobs"] {
            let s = try wh.db.prepare("SELECT hash_tier, count(*) FROM \(table) GROUP BY hash_tier ORDER BY hash_tier")
            var c = s.cursor { "\($0.int(0)):\($0.int(1))" }
            XCTAssertEqual(try c.all(), ["0:3", "1:3"], table)
        }
        XCTAssertEqual(try wh.recordedHashes(among: hashes), Set(hashes))
        XCTAssertEqual(try wh.firstSubmission(sha256: hashes[1])?.path, "2026-11-27/1.csv")
        XCTAssertEqual(try wh.rawBlob(sha256: hashes[2])?.offset, 20)
        XCTAssertEqual(try wh.keptCopies(on: day2).count, 6)
    }
}

import ReportModel
@testable import ReportWarehouse
import XCTest

/// Every lookup by hash goes through the 12-digit indexes of migration v11, never a scan of the table: a year's
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
        try wh.moveRawBlobs([RawBlob(sha256: hashes[9], pack: "run3-0.pack", offset: 0, length: 10)])
        XCTAssertEqual(try wh.rawBlob(sha256: hashes[9])?.pack, "run3-0.pack")
        XCTAssertEqual(try wh.keptCopies().count, 40, "still one row per hash")

        let lookups = wh.db.fullScanSteps().filter { $0.sql.contains("sha256") && !$0.sql.contains("FROM raw_blobs b  ORDER BY") }
        XCTAssertGreaterThanOrEqual(lookups.count, 7)
        for l in lookups where l.sql.contains("substr(") || l.sql.contains("sha256 =") || l.sql.contains("sha256 IN") {
            XCTAssertEqual(l.steps, 0, "scanned a table: \(l.sql)")
        }
    }
}

import Foundation
import ReportWarehouse
import XCTest

/// Issue #19, migration v12: a night's new hashes go to tier 1, a full scan settles them into tier 0, and a copy of
/// earlier bytes is a duplicate whichever tier they are in.
final class HashTierTests: XCTestCase {
    /// Submissions by hash tier, as "tier:count".
    func tiers(_ out: String) throws -> [String] {
        let wh = try Warehouse(readingOnly: out + "/warehouse.sqlite")
        let s = try wh.db.prepare("SELECT hash_tier, count(*) FROM submissions GROUP BY hash_tier ORDER BY hash_tier")
        var c = s.cursor { "\($0.int(0)):\($0.int(1))" }
        return try c.all()
    }

    func testANightsHashesWaitInTierOneUntilAFullScanAndDuplicatesAreFoundInBoth() throws {
        let dir = try TempDir("tiers")
        let staged = dir.path("staged"), inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(staged)
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try copyFolder("\(staged)/2026-11-26", to: "\(inbox)/2026-11-26")
        func run(_ now: String, _ extra: [String] = []) throws -> ProcessResult {
            let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out, "--now", now] + extra)
            XCTAssertEqual(r.status, 0, r.both)
            return r
        }
        // The first scan of an inbox is a full scan: its hashes are settled at once.
        _ = try run("2026-11-28T08:00:00+07:00")
        let first = try tiers(out)
        XCTAssertEqual(first.count, 1)
        XCTAssertTrue(first[0].hasPrefix("0:"), "\(first)")

        // The next night's files, and a copy of a settled file under another name: tier 1, and a duplicate.
        try copyFolder("\(staged)/2026-11-27", to: "\(inbox)/2026-11-27")
        let old = "\(inbox)/2026-11-26/01/00070.csv"
        try FileManager.default.copyItem(atPath: old, toPath: "\(inbox)/2026-11-27/01/00070-gui-lai.csv")
        let night = try run("2026-11-28T09:00:00+07:00")
        XCTAssertTrue(night.stdout.contains("bỏ qua 1 tệp trùng lặp"), night.stdout)
        let second = try tiers(out)
        XCTAssertEqual(second.count, 2, "\(second)")
        XCTAssertTrue(second[1].hasPrefix("1:"), "\(second)")

        // A copy of a file still in tier 1: a duplicate too; then --full-scan settles every hash.
        let recent = try FileManager.default.contentsOfDirectory(atPath: "\(inbox)/2026-11-27/01").sorted()
            .first { $0.hasSuffix(".csv") && $0 != "00070-gui-lai.csv" }
        let name = try XCTUnwrap(recent)
        try FileManager.default.copyItem(atPath: "\(inbox)/2026-11-27/01/\(name)", toPath: "\(inbox)/2026-11-27/01/lan-hai-\(name)")
        let again = try run("2026-11-28T10:00:00+07:00", ["--full-scan"])
        XCTAssertTrue(again.stdout.contains("bỏ qua 1 tệp trùng lặp"), again.stdout)
        let settled = try tiers(out)
        XCTAssertEqual(settled.count, 1, "\(settled)")
        XCTAssertTrue(settled[0].hasPrefix("0:"), "\(settled)")
        let verify = try dailyreports(["archive", "verify", "--out", out])
        XCTAssertEqual(verify.status, 0, verify.both)
    }
}

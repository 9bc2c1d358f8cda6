import Foundation
import XCTest

/// A kept raw copy lost (`OUT/raw/*.pack` deleted): `archive verify` names it; a run takes it again from the
/// inbox when the same bytes are still there, else names the lost files and goes on with the other dates.
final class LostRawCopyTests: XCTestCase {
    private func packs(_ out: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "\(out)/raw").filter { $0.hasSuffix(".pack") }.sorted()
    }

    /// Night 1 without a late file; every pack then lost; the late file arrives for 2026-11-24.
    private func nightOneThenLosePacks(_ dir: TempDir) throws -> (inbox: String, out: String) {
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        try FileManager.default.moveItem(atPath: "\(inbox)/2026-11-24/01/00025.csv", toPath: dir.path("held.csv"))
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        for p in try packs(out) { try FileManager.default.removeItem(atPath: "\(out)/raw/\(p)") }
        try FileManager.default.moveItem(atPath: dir.path("held.csv"), toPath: "\(inbox)/2026-11-24/01/00025.csv")
        try touch("\(inbox)/2026-11-24/01/00025.csv", "2026-11-27T20:00:00+07:00")
        return (inbox, out)
    }

    func testALostCopyStillInTheInboxIsTakenAgain() throws {
        let dir = try TempDir("lost")
        let (inbox, out) = try nightOneThenLosePacks(dir)
        let verify = try dailyreports(["archive", "verify", "--out", out])
        XCTAssertEqual(verify.status, 65, verify.both)
        XCTAssertTrue(verify.stderr.contains("bản lưu gốc"), verify.stderr)
        XCTAssertTrue(verify.stderr.contains("2026-11-23/01/00004.csv"), "names a lost file: \(verify.stderr)")

        let r = try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        XCTAssertTrue(r.stdout.contains("lấy lại từ hộp thư đến"), r.both)
        let ok = try dailyreports(["archive", "verify", "--out", out])
        XCTAssertEqual(ok.status, 0, ok.both)

        // Same exports as a run that never lost anything.
        let plain = try TempDir("lost-plain")
        try stageInbox(plain.path("inbox"))
        try touch(plain.path("inbox/2026-11-24/01/00025.csv"), "2026-11-27T20:00:00+07:00")
        try runNightly(date: "2026-11-27", inbox: plain.path("inbox"), out: plain.path("out"))
        assertSameExports(try snapshotCSVs(out), try snapshotCSVs(plain.path("out")), "after taking the copies again")
    }

    func testALostCopyNoLongerInTheInboxIsNamedAndTheOtherDatesGoOn() throws {
        let dir = try TempDir("lost-gone")
        let (inbox, out) = try nightOneThenLosePacks(dir)
        let gone = "2026-11-24/01/00070.csv"
        try FileManager.default.moveItem(atPath: "\(inbox)/\(gone)", toPath: dir.path("gone.csv"))
        let archive24 = "\(out)/archive/2026/11/2026-11-24.tar.gz"
        let before24 = try Data(contentsOf: URL(fileURLWithPath: archive24))

        // A file for another date arrives too: that date's archive is written as usual.
        let late26 = "\(inbox)/2026-11-26/01/late.csv"
        try FileManager.default.copyItem(atPath: "\(inbox)/2026-11-26/01/00070.csv", toPath: late26)
        try touch(late26, "2026-11-27T20:00:00+07:00")
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out])
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertTrue(r.stdout.contains("không còn trong hộp thư đến") && r.stdout.contains(gone), r.both)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: archive24)), before24, "the 2026-11-24 archive is left as it was")
        let list = try runProcess("/bin/tar", ["-tzf", "\(out)/archive/2026/11/2026-11-26.tar.gz"])
        XCTAssertTrue(list.stdout.contains("2026-11-26/01/late.csv"), list.both)
        let pending = try sqlite("\(out)/warehouse.sqlite", "SELECT report_date FROM pending_dates").map { $0[0] }
        XCTAssertEqual(pending, ["2026-11-24"], "the date with a lost copy stays pending")

        // Put back in the inbox: the next run keeps it again and writes the archive.
        try FileManager.default.moveItem(atPath: dir.path("gone.csv"), toPath: "\(inbox)/\(gone)")
        try touch("\(inbox)/\(gone)", "2026-11-24T19:00:00+07:00")
        let again = try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        XCTAssertTrue(again.stdout.contains("lấy lại từ hộp thư đến"), again.both)
        XCTAssertEqual(try dailyreports(["archive", "verify", "--out", out]).status, 0)
        XCTAssertEqual(try sqlite("\(out)/warehouse.sqlite", "SELECT count(*) FROM pending_dates").first?.first, "0")
    }

    /// A kept copy whose bytes changed in place (bit rot, a bad disk: the pack still there, its size the same) is
    /// never archived over the good copy the date's archive holds: like a lost one, it is taken again from the
    /// inbox when the same bytes are there, else named, its date's archive left as it was.
    func testAChangedCopyIsNotArchivedOverTheGoodOne() throws {
        let dir = try TempDir("changed-copy")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        let late = "2026-11-24/01/00025.csv", changed = "2026-11-24/01/00070.csv"
        try FileManager.default.moveItem(atPath: "\(inbox)/\(late)", toPath: dir.path("held.csv"))
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        let blob = try sqlite("\(out)/warehouse.sqlite", """
            SELECT b.pack, b.offset FROM raw_blobs b JOIN submissions s ON s.sha256 = b.sha256 WHERE s.path = '\(changed)'
            """)
        let fh = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(out)/raw/\(blob[0][0])"))
        try fh.seek(toOffset: UInt64(blob[0][1])! + 40)
        try fh.write(contentsOf: Data("XXXX".utf8))
        try fh.close()
        let archive24 = "\(out)/archive/2026/11/2026-11-24.tar.gz"
        let before24 = try Data(contentsOf: URL(fileURLWithPath: archive24))
        let verify0 = try dailyreports(["archive", "verify", "--out", out])
        XCTAssertEqual(verify0.status, 65, verify0.both)
        XCTAssertTrue(verify0.stderr.contains("hãy chuyển nó ra chỗ khác trước") && verify0.stderr.contains("mv \(out)/raw/\(blob[0][0]) "),
                      "a pack still there is to be moved aside: \(verify0.stderr)")

        // The late file makes 2026-11-24 archived again while the changed copy's file is gone from the inbox.
        try FileManager.default.moveItem(atPath: "\(inbox)/\(changed)", toPath: dir.path("changed.csv"))
        try FileManager.default.moveItem(atPath: dir.path("held.csv"), toPath: "\(inbox)/\(late)")
        try touch("\(inbox)/\(late)", "2026-11-27T20:00:00+07:00")
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out])
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertTrue(r.stdout.contains(changed), "names the changed copy: \(r.both)")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: archive24)), before24, "the archive keeps the good bytes")

        // Back in the inbox: kept again, archived from the good bytes.
        try FileManager.default.moveItem(atPath: dir.path("changed.csv"), toPath: "\(inbox)/\(changed)")
        try touch("\(inbox)/\(changed)", "2026-11-24T19:00:00+07:00")
        let again = try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        XCTAssertTrue(again.stdout.contains("lấy lại từ hộp thư đến"), again.both)
        let member = try runProcess("/bin/tar", ["-xzOf", archive24, changed])
        XCTAssertEqual(member.stdout, try String(contentsOfFile: "\(inbox)/\(changed)", encoding: .utf8))
        let verify = try dailyreports(["archive", "verify", "--out", out])
        XCTAssertEqual(verify.status, 0, verify.both)
    }
}

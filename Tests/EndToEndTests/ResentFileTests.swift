import Foundation
import ReportModel
@testable import ReportPipeline
import XCTest

/// A file re-sent in place (same path, new bytes) is a new submission (contract §2): the runs go on,
/// supersession picks the winner, and the date's archive keeps both versions under distinct names.
final class ResentFileTests: XCTestCase {
    static let rel = "2026-11-27/01/00070.csv"
    static let added = "2026-11-27,00070,Phường Hoàn Kiếm,1.000101,5,0,0,0,0,5,0,2026-11-27T20:10:00+07:00,"
        + "motcua.00070@dichvucong.gov.vn,0918126361,\n"

    /// A one-file inbox, run; a row appended to the file, run again; and once more with nothing new.
    func testAFileResentInPlaceIsANewSubmissionKeptUnderTwoNames() throws {
        let dir = try TempDir("resent")
        let inbox = dir.path("inbox"), out = dir.path("out")
        let file = "\(inbox)/\(Self.rel)"
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let v1 = try Data(contentsOf: sampleInbox.appendingPathComponent(Self.rel))
        try v1.write(to: URL(fileURLWithPath: file))
        try touch(file, "2026-11-27T19:30:00+07:00")
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)

        let v2 = v1 + Data(Self.added.utf8)
        try v2.write(to: URL(fileURLWithPath: file))
        try touch(file, "2026-11-27T20:15:00+07:00")
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        let again = try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        XCTAssertEqual(again.status, 0)

        // Both versions, byte for byte, under distinct names; the checksums hold.
        let archive = "\(out)/archive/2026/11/2026-11-27.tar.gz"
        let list = try runProcess("/bin/tar", ["-tzf", archive])
        XCTAssertEqual(list.status, 0, list.both)
        let second = "2026-11-27/01/00070.v2.csv"
        XCTAssertEqual(Set(list.stdout.split(separator: "\n").map(String.init)),
                       ["MANIFEST.sha256", "manifest.json", Self.rel, second])
        let x = try TempDir("resent-x")
        XCTAssertEqual(try runProcess("/bin/tar", ["-xzf", archive, "-C", x.url.path]).status, 0)
        XCTAssertEqual(try Data(contentsOf: x.url.appendingPathComponent(Self.rel)), v1)
        XCTAssertEqual(try Data(contentsOf: x.url.appendingPathComponent(second)), v2)
        let check = try runProcess("/usr/bin/sha256sum", ["-c", "MANIFEST.sha256"], cwd: x.url)
        XCTAssertEqual(check.status, 0, check.both)

        // The manifest lists both submissions at their inbox path, each with its member name.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: x.url.appendingPathComponent("manifest.json")))
            as? [[String: Any]] ?? []
        XCTAssertEqual(manifest.map { $0["path"] as? String }, [Self.rel, Self.rel])
        XCTAssertEqual(manifest.map { $0["member"] as? String }, [Self.rel, second])
        XCTAssertEqual(manifest.map { $0["received_at"] as? String },
                       ["2026-11-27T19:30:00+07:00", "2026-11-27T20:15:00+07:00"])

        let verify = try dailyreports(["archive", "verify", "--out", out])
        XCTAssertEqual(verify.status, 0, verify.both)

        // The later version won: the figures equal a run over an inbox holding only it.
        let fresh = try TempDir("resent-fresh")
        let freshFile = fresh.path("inbox/\(Self.rel)")
        try FileManager.default.createDirectory(atPath: (freshFile as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try v2.write(to: URL(fileURLWithPath: freshFile))
        try touch(freshFile, "2026-11-27T20:15:00+07:00")
        try runNightly(date: "2026-11-27", inbox: fresh.path("inbox"), out: fresh.path("out"))
        let got = try snapshotCSVs(out), expected = try snapshotCSVs(fresh.path("out"))
        for name in ["national_summary.csv", "procedure_summary.csv", "missing_reports.csv", "rejects.csv"] {
            XCTAssertEqual(got["2026-11-27"]?[name], expected["2026-11-27"]?[name], "2026-11-27/\(name)")
        }
        let rows = try sqlite("\(out)/warehouse.sqlite", "SELECT count(*) FROM submissions WHERE path = '\(Self.rel)'")
        XCTAssertEqual(rows.first?.first, "2")
    }

    func testLaterVersionsKeepTheExtensionAndSkipTakenNames() {
        XCTAssertEqual(ArchiveMemberNames.versioned("d/a.csv", 2), "d/a.v2.csv")
        XCTAssertEqual(ArchiveMemberNames.versioned("d/a.csv.gz", 3), "d/a.v3.csv.gz")
        XCTAssertEqual(ArchiveMemberNames.versioned("d/a.b.json", 2), "d/a.b.v2.json")
        XCTAssertEqual(ArchiveMemberNames.versioned("noext", 2), "noext.v2")
        func sub(_ path: String) -> Submission {
            Submission(path: path, sha256: path, size: 1, mtimeNanos: 0, receivedAt: Timestamp(seconds: 0), encoding: "",
                       format: "csv", status: .accepted)
        }
        // A real file already named like a later version keeps its name; the versions go around it.
        let names = ArchiveMemberNames.assign([sub("d/a.csv"), sub("d/a.csv"), sub("d/a.csv"), sub("d/a.v2.csv")])
        XCTAssertEqual(names, ["d/a.csv", "d/a.v3.csv", "d/a.v4.csv", "d/a.v2.csv"])
    }
}

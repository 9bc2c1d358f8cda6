import Foundation
import XCTest

/// `archive verify` fails, naming what is wrong, when an archive no longer matches.
final class ArchiveVerifyTests: XCTestCase {
    func testATamperedMemberOrADamagedArchiveExits65() throws {
        let dir = try TempDir("verify")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        let ok = try dailyreports(["archive", "verify", "--out", out, "--date", "2026-11-25"])
        XCTAssertEqual(ok.status, 0, ok.both)

        // A member rewritten inside the archive: tar and gzip it again with one file changed.
        let archive = "\(out)/archive/2026/11/2026-11-25.tar.gz"
        let work = dir.path("x")
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        XCTAssertEqual(try runProcess("/bin/tar", ["-xzf", archive, "-C", work]).status, 0)
        let member = "2026-11-25/01/00004.csv"
        try "tampered\n".write(toFile: "\(work)/\(member)", atomically: true, encoding: .utf8)
        let retar = try runProcess("/bin/sh", ["-c", "cd '\(work)' && tar -czf '\(archive)' MANIFEST.sha256 manifest.json 2026-11-25"])
        XCTAssertEqual(retar.status, 0, retar.both)
        let bad = try dailyreports(["archive", "verify", "--out", out, "--date", "2026-11-25"])
        XCTAssertEqual(bad.status, 65, bad.both)
        XCTAssertTrue(bad.stderr.contains(member), "names the member: \(bad.stderr)")

        // A damaged archive file.
        let other = "\(out)/archive/2026/11/2026-11-26.tar.gz"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: other))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: other))
        let cut = try dailyreports(["archive", "verify", "--out", out, "--date", "2026-11-26"])
        XCTAssertEqual(cut.status, 65, cut.both)
    }
}

import Foundation
import XCTest

/// Hostile inboxes: files past the size limit, decompression bombs, links out of the inbox.
final class HostileInputTests: XCTestCase {
    /// A file over the size limit is rejected `too_large` and, as the contract says (§2), still kept byte for byte for
    /// its date's archive (before, it was never kept: the archive of record lacked a file the unit did send). Only a
    /// file past the keep limit (twice the size limit, at least 128 MiB) is hashed without being kept, and says so.
    func testOversizedFilesAndBombsAreRejectedKeptAndTheArchiveStillVerifies() throws {
        let dir = try TempDir("hostile")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try FileManager.default.createDirectory(atPath: inbox + "/2026-11-27", withIntermediateDirectories: true)
        let header = "report_date,unit_code,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,returned,pending_on_time,pending_overdue,submitted_at\n"
        let row = "2026-11-27,00070,1.000101,1,0,1,0,0,0,0,2026-11-27T18:00:00+07:00\n"
        // A good file, a 2 MiB plain file and a bomb (small on disk, 8 MiB inflated), with a 1 MiB limit; and a 129 MiB
        // file (sparse: no disk), past the keep limit.
        try (header + row).write(toFile: inbox + "/2026-11-27/good.csv", atomically: true, encoding: .utf8)
        try (header + String(repeating: row, count: 2 * 1024 * 1024 / row.utf8.count + 1))
            .write(toFile: inbox + "/2026-11-27/huge.csv", atomically: true, encoding: .utf8)
        try (header + String(repeating: row, count: 8 * 1024 * 1024 / row.utf8.count))
            .write(toFile: dir.path("bomb.csv"), atomically: true, encoding: .utf8)
        let gz = try runProcess("/bin/sh", ["-c", "gzip -c '\(dir.path("bomb.csv"))' > '\(inbox)/2026-11-27/bomb.csv.gz' && "
                                            + "truncate -s 129M '\(inbox)/2026-11-27/vast.csv'"])
        XCTAssertEqual(gz.status, 0, gz.both)
        // A link to a file outside the inbox is never followed.
        try FileManager.default.createSymbolicLink(atPath: inbox + "/2026-11-27/outside.csv", withDestinationPath: dir.path("bomb.csv"))
        for f in ["good.csv", "huge.csv", "bomb.csv.gz", "vast.csv"] { try touch("\(inbox)/2026-11-27/\(f)", "2026-11-27T19:00:00+07:00") }

        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out, "--size-limit-mib", "1"])
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertTrue(r.stdout.contains("4 tệp mới, 1 dòng được nhận, 3 dòng bị từ chối"), r.stdout)
        let table = try readCSVTable("\(out)/exports/2026-11-27/rejects.csv")
        let rejects = table.map { "\($0["file"]!) \($0["reason"]!)" }
        XCTAssertEqual(rejects.sorted(), ["2026-11-27/bomb.csv.gz too_large", "2026-11-27/huge.csv too_large", "2026-11-27/vast.csv too_large"])
        let detail = { (file: String) in table.first { $0["file"] == "2026-11-27/\(file)" }?["detail"] ?? "" }
        XCTAssertTrue(detail("huge.csv").contains("tệp được giữ nguyên trong kho lưu trữ của ngày"), detail("huge.csv"))
        XCTAssertTrue(detail("vast.csv").contains("quá lớn để lưu giữ (trên 134217728 byte): tệp không được giữ lại"), detail("vast.csv"))
        // The oversized file is archived byte for byte, the bomb as it came; the vast one and the link are not.
        let listing = try runProcess("/bin/tar", ["-tzf", "\(out)/archive/2026/11/2026-11-27.tar.gz"])
        XCTAssertEqual(listing.status, 0, listing.both)
        let names = Set(listing.stdout.split(separator: "\n").map(String.init))
        XCTAssertTrue(names.isSuperset(of: ["2026-11-27/good.csv", "2026-11-27/bomb.csv.gz", "2026-11-27/huge.csv"]), "\(names)")
        XCTAssertFalse(names.contains("2026-11-27/vast.csv"), "a file past the keep limit is not archived: \(names)")
        XCTAssertFalse(names.contains("2026-11-27/outside.csv"), "links are not followed: \(names)")
        let extracted = dir.path("x")
        try FileManager.default.createDirectory(atPath: extracted, withIntermediateDirectories: true)
        let x = try runProcess("/bin/tar", ["-xzf", "\(out)/archive/2026/11/2026-11-27.tar.gz", "-C", extracted])
        XCTAssertEqual(x.status, 0, x.both)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(extracted)/2026-11-27/huge.csv")),
                       try Data(contentsOf: URL(fileURLWithPath: "\(inbox)/2026-11-27/huge.csv")))
        let manifest = try String(contentsOfFile: "\(extracted)/manifest.json", encoding: .utf8)
        XCTAssertTrue(manifest.contains(#""kept": false, "member": null, "path": "2026-11-27/vast.csv""#), manifest)
        let verify = try dailyreports(["archive", "verify", "--out", out])
        XCTAssertEqual(verify.status, 0, verify.both)
        // Re-ingesting the range leaves every oversized file rejected as it was, and changes nothing else.
        let before = try Data(contentsOf: URL(fileURLWithPath: "\(out)/exports/2026-11-27/rejects.csv"))
        let again = try dailyreports(["backfill", "--from", "2026-11-27", "--to", "2026-11-27", "--reingest", "--inbox", inbox,
                                      "--out", out, "--size-limit-mib", "1"])
        XCTAssertEqual(again.status, 0, again.both)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(out)/exports/2026-11-27/rejects.csv")), before)
    }
}

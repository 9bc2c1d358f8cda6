import Foundation
import XCTest

/// Contract §7 "Exit codes for the environment": a full disk is 75 (try again), a path the job may not write is 64
/// with the path and the fix, a damaged warehouse 74; never a raw NSError or SQLite text alone.
final class EnvironmentErrorTests: XCTestCase {
    /// A tmpfs of `mib` MiB mounted at `dir`, unmounted by the returned closure; nil when this machine will not mount one.
    func mountTmpfs(_ dir: String, mib: Int, readOnly: Bool = false) throws -> (() -> Void)? {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let r = try runProcess("/bin/mount", ["-t", "tmpfs", "-o", "size=\(mib)m" + (readOnly ? ",ro" : ""), "tmpfs", dir])
        guard r.status == 0 else { return nil }
        return { _ = try? runProcess("/bin/umount", [dir]) }
    }

    func assertNoRawText(_ r: ProcessResult, file: StaticString = #filePath, line: UInt = #line) {
        for raw in ["Error Domain=", "NSCocoaErrorDomain", "internal error", "lỗi nội bộ"] {
            XCTAssertFalse(r.stderr.contains(raw), "no \"\(raw)\": \(r.stderr)", file: file, line: line)
        }
    }

    /// The disk fills between two runs: the next run exits 75 saying to free space; once freed, the same command
    /// succeeds and the exports are byte-identical to those of a machine whose disk never filled.
    func testAFullDiskIsTryAgainAndTheRerunAfterFreeingSpaceMatches() throws {
        let dir = try TempDir("disk-full")
        let inbox = dir.path("inbox")
        try stageInbox(inbox)
        let small = dir.path("small")
        // The first night needs ~16 MiB here (exports 8.3, warehouse 2.9, its WAL up to 4.6 before the last
        // checkpoint): on a 16 MiB disk the night itself filled it, and its WAL then held the space the test frees.
        guard let unmount = try mountTmpfs(small, mib: 32) else {
            throw XCTSkip("this machine will not mount a tmpfs (not root), so the disk cannot be filled for real")
        }
        defer { unmount() }
        let out = small + "/out", reference = dir.path("reference")
        let backfill = ["backfill", "--from", "2026-11-23", "--to", "2026-11-27", "--inbox", inbox]
        for o in [out, reference] { try runNightly(date: "2026-11-27", inbox: inbox, out: o) }
        let wal = (try? FileManager.default.attributesOfItem(atPath: out + "/warehouse.sqlite-wal")[.size] as? Int) ?? 0
        XCTAssertEqual(wal, 0, "the night folded its WAL in: the disk had room")
        let before = try snapshotCSVs(out)

        // Fill the disk to the last block.
        _ = try runProcess("/bin/dd", ["if=/dev/zero", "of=\(small)/filler", "bs=64k"])
        for lang in [[], ["--lang", "en"]] {
            let r = try dailyreports(backfill + ["--out", out] + lang)
            XCTAssertEqual(r.status, 75, r.both)
            XCTAssertTrue(r.stderr.contains(lang.isEmpty ? "đĩa đã đầy; hãy giải phóng dung lượng" : "the disk is full; free some space"),
                          r.stderr)
            XCTAssertTrue(r.stderr.contains(small), "names where: \(r.stderr)")
            assertNoRawText(r)
        }
        XCTAssertEqual(try snapshotCSVs(out), before, "what was published stays as it was")

        try FileManager.default.removeItem(atPath: small + "/filler")
        let again = try dailyreports(backfill + ["--out", out])
        XCTAssertEqual(again.status, 0, again.both)
        XCTAssertEqual(try dailyreports(backfill + ["--out", reference]).status, 0)
        XCTAssertEqual(try snapshotCSVs(out), try snapshotCSVs(reference), "the exports after recovery are the same bytes")
    }

    /// An output folder on a read-only disk (or one the user may not write) is 64 with the path and the fix.
    func testAnUnwritableOutputFolderIsAUsageErrorNamingThePathAndTheFix() throws {
        let dir = try TempDir("unwritable")
        let ro = dir.path("ro")
        var cleanup: () -> Void = {}
        if let unmount = try mountTmpfs(ro, mib: 1, readOnly: true) {
            cleanup = unmount
        } else {
            try FileManager.default.createDirectory(atPath: ro, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: ro)
            cleanup = { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: ro) }
        }
        defer { cleanup() }
        for (lang, fix) in [([String](), "không có quyền ghi"), (["--lang", "en"], "may not write")] {
            let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", sampleInbox.path, "--out", ro + "/out"] + lang)
            XCTAssertEqual(r.status, 64, r.both)
            XCTAssertTrue(r.stderr.contains(ro + "/out"), "names the path: \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(fix) && r.stderr.contains("chmod") && r.stderr.contains("--out"), "says the fix: \(r.stderr)")
            assertNoRawText(r)
        }
    }

    /// A folder of the output the user may not write (here exports/) is named as the folder to fix, not as the
    /// temporary name inside it that could not be made (".2026-11-27.tmp-…", which the user cannot find).
    func testAnUnwritableExportsFolderIsNamedNotItsTempName() throws {
        let dir = try TempDir("unwritable-exports")
        let inbox = dir.path("inbox"), out = dir.path("out"), exports = dir.path("out/exports")
        try stageInbox(inbox)
        try runNightly(date: "2026-11-26", inbox: inbox, out: out)
        var cleanup: () -> Void = {}
        if let unmount = try mountTmpfs(exports, mib: 1, readOnly: true) {
            cleanup = unmount
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: exports)
            cleanup = { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: exports) }
        }
        defer { cleanup() }
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out])
        XCTAssertEqual(r.status, 64, r.both)
        XCTAssertTrue(r.stderr.hasPrefix("dailyreports: \(exports): "), "names the folder: \(r.stderr)")
        XCTAssertFalse(r.stderr.contains(".tmp-"), "no temporary name: \(r.stderr)")
        assertNoRawText(r)
    }

    /// A warehouse file that is not a database is refused with 74 and the way to restore it; it is left as it was.
    func testAWarehouseThatIsNotADatabaseIsRefusedAsDamaged() throws {
        let dir = try TempDir("not-a-db")
        let out = dir.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var g = SystemRandomNumberGenerator()
        let junk = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &g) })
        try junk.write(to: URL(fileURLWithPath: out + "/warehouse.sqlite"))
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", sampleInbox.path, "--out", out, "--lang", "en"])
        XCTAssertEqual(r.status, 74, r.both)
        XCTAssertTrue(r.stderr.contains("warehouse.sqlite") && r.stderr.contains("restore"), r.stderr)
        assertNoRawText(r)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/warehouse.sqlite")), junk, "the damaged file is untouched")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/exports"), "nothing exported")
    }
}

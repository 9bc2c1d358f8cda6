import Foundation
import XCTest

/// The warehouse is checked before it is trusted (contract §7): a damaged, emptied or lost warehouse makes
/// the run refuse with exit 74, nothing changed, and the message says how to restore it; restoring the
/// backup and running again gives the exports an uninterrupted history would have.
final class DamagedWarehouseTests: XCTestCase {
    /// Everything a refused run must leave as it was: every file under OUT but the run log, the metrics, the lock, and
    /// SQLite's shared-memory index and an empty WAL (opening the file to check it creates them; no data).
    private func state(_ out: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let empty = (try? FileManager.default.attributesOfItem(atPath: "\(out)/warehouse.sqlite-wal")[.size] as? Int) == 0
        let ignored: Set<String> = empty ? ["run-log.jsonl", ".lock", "warehouse.sqlite-wal", "warehouse.sqlite-shm"] : ["run-log.jsonl", ".lock"]
        // The metrics file is rewritten after every run, refused ones included (contract §7): monitoring, not state.
        for rel in FileManager.default.subpaths(atPath: out) ?? [] where !ignored.contains(rel) && !rel.hasPrefix("metrics/") {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(out)/\(rel)", isDirectory: &isDir), !isDir.boolValue {
                files[rel] = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(rel)"))
            }
        }
        return files
    }

    private func assertRefused(_ r: ProcessResult, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 74, r.both, file: file, line: line)
        XCTAssertTrue(r.stderr.contains("warehouse.sqlite"), "names the file: \(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stderr.contains("khôi phục"), "says, in Vietnamese, how to restore it: \(r.stderr)", file: file, line: line)
    }

    func testAnEmptiedOrLostWarehouseIsRefusedAndTheRawPacksStay() throws {
        let dir = try TempDir("emptied")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        let db = "\(out)/warehouse.sqlite"
        try Data().write(to: URL(fileURLWithPath: db))
        let before = try state(out)
        XCTAssertFalse(before.keys.filter { $0.hasPrefix("raw/") && $0.hasSuffix(".pack") }.isEmpty)
        for args in [["run", "--date", "2026-11-27"], ["backfill", "--from", "2026-11-23", "--to", "2026-11-27"]] {
            let r = try dailyreports(args + ["--inbox", inbox, "--out", out])
            assertRefused(r)
            XCTAssertEqual(try state(out), before, "\(args[0]) changed the output folder")
        }
        try FileManager.default.removeItem(atPath: db)
        let lost = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out])
        assertRefused(lost)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "no new warehouse was created")
        XCTAssertEqual(try state(out), before.filter { $0.key != "warehouse.sqlite" })
    }

    /// The full check reads the whole file: it runs when the file is not as the last run left it (or weekly),
    /// and the `setup` line of the run log says how long it took (-1: not needed).
    func testTheFullCheckRunsWhenTheFileChangedSinceTheLastRun() throws {
        let dir = try TempDir("fullcheck")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        func checkMs() throws -> Int? {
            let lines = try String(contentsOfFile: "\(out)/run-log.jsonl", encoding: .utf8).split(separator: "\n")
            let setup = lines.last { $0.contains("\"setup\"") }.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            return (setup?["counts"] as? [String: Any])?["warehouse_quick_check_ms"] as? Int
        }
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        XCTAssertGreaterThanOrEqual(try checkMs() ?? -2, 0, "a new warehouse is checked")
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        XCTAssertEqual(try checkMs(), -1, "the file is as the last run left it: not read again")
        try touch("\(out)/warehouse.sqlite", "2026-11-28T09:00:00+07:00")
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        XCTAssertGreaterThanOrEqual(try checkMs() ?? -2, 0, "changed by someone else since: checked")
    }

    func testAFileThatIsNotADatabaseIsRefused() throws {
        let dir = try TempDir("notadb")
        let out = dir.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("this is not a database\n".utf8).write(to: URL(fileURLWithPath: "\(out)/warehouse.sqlite"))
        // An inbox that exists (an empty one): a missing inbox is refused first, with 64 (da9cd88).
        try FileManager.default.createDirectory(atPath: dir.path("inbox"), withIntermediateDirectories: true)
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", dir.path("inbox"), "--out", out])
        assertRefused(r)
    }

    /// Night 1 (2026-11-25, one file held back) is backed up; night 2 (2026-11-27) brings the late file;
    /// then 4 KiB of random bytes land in a leaf page of `report_rows_key`. The next run refuses (74) and
    /// changes nothing; the backup is restored; the run after it publishes exactly the uninterrupted exports.
    /// `report --period` reads the warehouse's daily figures: a damaged one is refused like a run's, not summed.
    func testReportRefusesADamagedWarehouse() throws {
        let dir = try TempDir("damaged-report")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        try damageLeafPage(of: "report_rows_key", in: "\(out)/warehouse.sqlite")
        let before = try state(out)
        let refused = try dailyreports(["report", "--period", "2026-W48", "--out", out])
        assertRefused(refused)
        XCTAssertEqual(try state(out), before, "the refused report changed the output folder")
    }

    func testADamagedIndexIsRefusedAndTheBackupRestoresTheExports() throws {
        let held = "2026-11-24/01/00025.csv"
        func nights(_ dir: TempDir, backup: String?) throws -> (inbox: String, out: String) {
            let inbox = dir.path("inbox"), out = dir.path("out")
            try stageInbox(inbox)
            try FileManager.default.moveItem(atPath: "\(inbox)/\(held)", toPath: dir.path("held.csv"))
            try runNightly(date: "2026-11-25", inbox: inbox, out: out)
            if let backup {
                let b = try runProcess("/usr/bin/sqlite3", ["\(out)/warehouse.sqlite", ".backup '\(backup)'"])
                XCTAssertEqual(b.status, 0, b.both)
            }
            try FileManager.default.moveItem(atPath: dir.path("held.csv"), toPath: "\(inbox)/\(held)")
            try touch("\(inbox)/\(held)", "2026-11-27T20:00:00+07:00")
            try runNightly(date: "2026-11-27", inbox: inbox, out: out)
            return (inbox, out)
        }
        let plain = try TempDir("damaged-plain")
        let expected = try snapshotCSVs(try nights(plain, backup: nil).out)

        let dir = try TempDir("damaged")
        let backup = dir.path("backup.sqlite")
        let (inbox, out) = try nights(dir, backup: backup)
        let db = "\(out)/warehouse.sqlite"
        try damageLeafPage(of: "report_rows_key", in: db)
        let before = try state(out)
        let refused = try dailyreports(["backfill", "--from", "2026-11-23", "--to", "2026-11-27", "--inbox", inbox, "--out", out])
        assertRefused(refused)
        XCTAssertTrue(refused.stderr.contains("hỏng"), "says the warehouse is damaged: \(refused.stderr)")
        XCTAssertEqual(try state(out), before, "the refused run changed the output folder")

        // README, "Restoring the warehouse": the damaged file moved aside, the backup copied in, the run again.
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: db + suffix) {
            try FileManager.default.moveItem(atPath: db + suffix, toPath: dir.path("damaged.sqlite" + suffix))
        }
        try FileManager.default.copyItem(atPath: backup, toPath: db)
        let packsBefore = before.filter { $0.key.hasPrefix("raw/") }
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        assertSameExports(try snapshotCSVs(out), expected, "exports after restoring the backup")
        let after = try state(out)
        for (name, bytes) in packsBefore {
            XCTAssertEqual(after[name], bytes, "\(name), kept by the damaged warehouse, is neither removed nor overwritten")
        }
        let verify = try dailyreports(["archive", "verify", "--out", out])
        XCTAssertEqual(verify.status, 0, verify.both)
    }
}

/// Writes 4 KiB of (seeded) random bytes into the middle of a leaf page of the index `index`.
func damageLeafPage(of index: String, in db: String) throws {
    let pageSize = Int(try sqlite(db, "PRAGMA page_size").first?.first ?? "") ?? 0
    let pages = try sqlite(db, "SELECT pageno FROM dbstat WHERE name = '\(index)' AND pagetype = 'leaf' ORDER BY pageno")
    guard pageSize >= 8192, let page = pages.dropFirst(pages.count / 2).first?.first.flatMap({ Int($0) }) else {
        throw E2EError.setup("no leaf page of \(index) in \(db) (page size \(pageSize), \(pages.count) leaves)")
    }
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let noise = (0..<4096).map { _ -> UInt8 in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return UInt8(truncatingIfNeeded: state >> 56)
    }
    let fh = try FileHandle(forWritingTo: URL(fileURLWithPath: db))
    try fh.seek(toOffset: UInt64((page - 1) * pageSize + 4096))
    try fh.write(contentsOf: noise)
    try fh.close()
}

import ReportModel
@testable import ReportWarehouse
import XCTest

final class MigrationTests: XCTestCase {
    func testOpeningTwiceKeepsSchemaAndData() throws {
        let (wh, path) = try makeWarehouse(self)
        XCTAssertEqual(try Migrations.version(of: wh.db), Migrations.latestVersion)
        let run = try wh.beginRun(command: "run", arguments: ["--date", "2026-11-27"], startedAt: at("2026-11-28T01:00:00"))
        let again = try Warehouse(path: path)
        XCTAssertEqual(try Migrations.version(of: again.db), Migrations.latestVersion)
        XCTAssertEqual(try again.run(id: run)?.arguments, ["--date", "2026-11-27"])
        let third = try Warehouse(path: path)
        XCTAssertEqual(try third.latestRun()?.id, run)
    }

    func testNewerSchemaIsRefused() throws {
        let (wh, path) = try makeWarehouse(self)
        try wh.db.execute("PRAGMA user_version = 99")
        XCTAssertThrowsError(try Warehouse(path: path)) { e in
            XCTAssertEqual((e as? ReportError)?.code, .usage)
        }
    }

    func testConnectionPragmas() throws {
        let (wh, _) = try makeWarehouse(self)
        let s = try wh.db.prepare("PRAGMA journal_mode")
        XCTAssertTrue(try s.step())
        XCTAssertEqual(s.string(0), "wal")
        s.reset()
        let f = try wh.db.prepare("PRAGMA foreign_keys")
        XCTAssertTrue(try f.step())
        XCTAssertEqual(f.int(0), 1)
        f.reset()
    }

    /// Contract §7: a path the job cannot use is the operator's to fix, 64 naming it, with SQLite's failure as the cause.
    func testUnopenablePathIsAUsageErrorNamingIt() {
        XCTAssertThrowsError(try Warehouse(path: "/nonexistent-dir-\(UInt32.random(in: 0...UInt32.max))/w.sqlite")) { e in
            let r = e as? ReportError
            XCTAssertEqual(r?.code, .usage)
            XCTAssertTrue(r?.cause is SQLiteFailure, "\(String(describing: r?.cause))")
            XCTAssertNotNil(r?.location)
        }
    }

    func testRunLifecycle() throws {
        let (wh, _) = try makeWarehouse(self)
        let id = try wh.beginRun(command: "backfill", arguments: ["--from", "a/b", "x\"y"], startedAt: at("2026-11-28T01:00:00"))
        XCTAssertEqual(try wh.run(id: id)?.outcome, "running")
        try wh.finishRun(id: id, finishedAt: at("2026-11-28T01:05:00"), outcome: "ok", filesNew: 3, rowsAccepted: 40,
                         rowsRejected: 2)
        let r = try XCTUnwrap(try wh.run(id: id))
        XCTAssertEqual(r.arguments, ["--from", "a/b", "x\"y"])
        XCTAssertEqual(r.finishedAt, at("2026-11-28T01:05:00"))
        XCTAssertEqual([r.filesNew, r.rowsAccepted, r.rowsRejected], [3, 40, 2])
        XCTAssertEqual(try wh.latestRun(outcome: "ok")?.id, id)
        XCTAssertThrowsError(try wh.finishRun(id: 999, finishedAt: at("2026-11-28T01:05:00"), outcome: "ok", filesNew: 0,
                                              rowsAccepted: 0, rowsRejected: 0))
    }

    func testBusyDatabaseIsTryLater() throws {
        let (wh, path) = try makeWarehouse(self)
        let other = try SQLiteConnection(path: path)
        try other.execute("PRAGMA busy_timeout = 0; BEGIN IMMEDIATE")
        defer { try? other.execute("ROLLBACK") }
        try wh.db.execute("PRAGMA busy_timeout = 0")
        XCTAssertThrowsError(try wh.beginRun(command: "run", arguments: [], startedAt: at("2026-11-28T01:00:00"))) { e in
            XCTAssertEqual((e as? ReportError)?.code, .tryLater)
        }
    }
}

import Foundation
import ReportModel
@testable import ReportWarehouse
import XCTest

final class RawPacksTests: XCTestCase {
    func testAPackIsReferencedOnlyWhenOneOfItsBlobsWasKept() throws {
        let (wh, _) = try makeWarehouse(self)
        try wh.recordRawBlobs([RawBlob(sha256: "a", pack: "run1-0.pack", offset: 0, length: 3),
                               RawBlob(sha256: "b", pack: "run1-0.pack", offset: 3, length: 4)])
        // run2-0 holds only bytes already kept in run1-0: nothing points into it, so the sweep may remove it.
        try wh.recordRawBlobs([RawBlob(sha256: "a", pack: "run2-0.pack", offset: 0, length: 3)])
        try wh.recordRawBlobs([RawBlob(sha256: "a", pack: "run3-0.pack", offset: 0, length: 3),
                               RawBlob(sha256: "c", pack: "run3-0.pack", offset: 3, length: 1)])
        XCTAssertEqual(try wh.referencedPacks(), ["run1-0.pack", "run3-0.pack"])
        XCTAssertEqual(try wh.rawBlob(sha256: "a")?.pack, "run1-0.pack")
    }

    /// A warehouse written before raw_packs existed gets the packs its blobs point into.
    func testMigrationListsThePacksOfExistingBlobs() throws {
        let (_, fresh) = try makeWarehouse(self, file: "unused.sqlite")
        // A warehouse written at schema 5, before raw_packs.
        let path = (fresh as NSString).deletingLastPathComponent + "/v5.sqlite"
        let v5 = try SQLiteConnection(path: path)
        try Migrations.migrate(v5, upTo: 5)
        try v5.execute("""
            INSERT INTO raw_blobs VALUES ('x', 'run7-0.pack', 0, 1), ('y', 'run7-0.pack', 1, 1), ('z', 'run8-2.pack', 0, 1);
            """)
        let migrated = try Warehouse(path: path)
        XCTAssertEqual(try Migrations.version(of: migrated.db), Migrations.latestVersion)
        XCTAssertEqual(try migrated.referencedPacks(), ["run7-0.pack", "run8-2.pack"])
    }
}

/// `sqlite3_bind_*` results were ignored: a value SQLite refused to bind was run as NULL.
final class StatementBindTests: XCTestCase {
    func testABindingSQLiteRefusesFailsTheStatement() throws {
        let (_, path) = try makeWarehouse(self)
        let db = try SQLiteConnection(path: path)
        let s = try db.prepare("SELECT ?1")
        s.bind(2, Int64(5))  // there is no parameter 2: SQLITE_RANGE
        XCTAssertThrowsError(try s.step()) { error in
            XCTAssertTrue("\(error)".contains("parameter 2"), "\(error)")
        }
        // The failure is reported once; bound properly, the statement runs.
        s.bind(1, "ok")
        XCTAssertTrue(try s.step())
        XCTAssertEqual(s.string(0), "ok")
    }
}

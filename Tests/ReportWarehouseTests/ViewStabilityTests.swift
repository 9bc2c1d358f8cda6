import Foundation
import ReportModel
@testable import ReportWarehouse
import XCTest

/// The analysts' views (schema 7, docs/WAREHOUSE.md) answer the same after every later migration.
final class ViewStabilityTests: XCTestCase {
    static let views = ["current_rows", "unit_days", "reject_rows", "late_reports", "finding_rows", "units"]
    static let viewsVersion = 7

    /// A warehouse at schema 7 with a little of everything, written in that version's SQL.
    private func warehouseAtViewsVersion() throws -> SQLiteConnection {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("views-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let db = try SQLiteConnection(path: dir.appendingPathComponent("w.sqlite").path)
        try Migrations.migrate(db, upTo: Self.viewsVersion)
        XCTAssertEqual(try Migrations.version(of: db), Self.viewsVersion)
        try db.execute("""
            INSERT INTO registry_units VALUES ('01', 'Thành phố Hà Nội', 'province', NULL, 'thành phố', '', NULL, NULL, 0),
                ('00070', 'Phường Hoàn Kiếm', 'commune', '01', 'phường', '', NULL, NULL, 1),
                ('00004', 'Phường Ba Đình', 'commune', '01', 'phường', '', NULL, NULL, 2),
                ('00009', 'Xã Cũ', 'commune', '01', 'xã', '', NULL, '2026-11-01', 3);
            INSERT INTO registry_procedures VALUES ('1.000101', 'Đăng ký khai sinh', 'Hộ tịch', 'commune', 1, 5);
            INSERT INTO runs (id, command, arguments, started_at) VALUES (1, 'run', '[]', 1795600000);
            INSERT INTO submissions VALUES (1, 'a/00070.csv', 'h1', 10, 0, 1795500000, 'utf-8', 'csv', 'accepted', NULL, 1),
                (2, 'b/00070-sua.csv', 'h2', 10, 0, 1795510000, 'utf-8', 'csv', 'partial', NULL, 1),
                (3, 'bad/x.csv', 'h3', 10, 0, 1795510000, 'utf-8', 'csv', 'rejected', NULL, 1);
            INSERT INTO submission_dates VALUES (1, '2026-11-24'), (2, '2026-11-24'), (3, '2026-11-24');
            INSERT INTO report_rows (submission_id, line, report_date, unit_code, procedure_code, received_online,
                received_offline, resolved_on_time, resolved_late, returned, pending_on_time, pending_overdue, submitted_at)
            VALUES (1, 2, '2026-11-24', '00070', '1.000101', 5, 0, 3, 0, 0, 2, 0, 1795500000),
                (2, 2, '2026-11-24', '00070', '1.000101', 7, 1, 3, 0, 0, 2, 0, 1795509000);
            INSERT INTO unit_reports (submission_id, report_date, unit_code, submitted_at, line)
            VALUES (1, '2026-11-24', '00070', 1795500000, 2), (2, '2026-11-24', '00070', 1795509000, 2);
            INSERT INTO rejects (submission_id, run_id, file, line, reason, detail, raw, report_date, unit_code)
            VALUES (2, 1, 'b/00070-sua.csv', 3, 'bad_count', 'received_online "-1" is negative', '2026-11-24,00070,...', '2026-11-24', '00070'),
                (3, 1, 'bad/x.csv', 0, 'empty_file', 'the file has no text', '', NULL, NULL);
            INSERT INTO findings VALUES ('2026-11-24', '00070', '1.000101', 'outlier', 'received_online', '8', '5', '3.1', 'cao', 1);
            INSERT INTO report_days VALUES ('2026-11-24', 1795575600);
            """)
        return db
    }

    /// Each view's columns and rows, as text.
    private func snapshot(_ db: SQLiteConnection) throws -> [String: [[String]]] {
        var out: [String: [[String]]] = [:]
        for view in Self.views {
            let info = try db.prepare("SELECT name FROM pragma_table_info('\(view)')")
            var columns: [String] = []
            while try info.step() { columns.append(info.string(0)) }
            info.reset()
            let s = try db.prepare("SELECT * FROM \(view) ORDER BY \((1...columns.count).map(String.init).joined(separator: ", "))")
            var rows = [columns]
            while try s.step() { rows.append((0..<s.columnCount).map { s.optionalString($0) ?? "NULL" }) }
            s.reset()
            out[view] = rows
        }
        return out
    }

    func testTheViewsAnswerAsDocumented() throws {
        let s = try snapshot(try warehouseAtViewsVersion())
        XCTAssertEqual(s["current_rows"], [
            ["report_date", "unit_code", "province_code", "procedure_code", "received_online", "received_offline",
             "resolved_on_time", "resolved_late", "returned", "pending_on_time", "pending_overdue", "submitted_at", "file"],
            ["2026-11-24", "00070", "01", "1.000101", "7", "1", "3", "0", "0", "2", "0", "2026-11-24T15:30:00+07:00", "b/00070-sua.csv"],
        ], "the later submission wins; the superseded row is not a current row")
        XCTAssertEqual(s["unit_days"], [
            ["report_date", "unit_code", "province_code", "reported", "late", "first_submitted_at"],
            ["2026-11-24", "00004", "01", "0", "0", "NULL"],
            ["2026-11-24", "00070", "01", "1", "0", "2026-11-24T13:00:00+07:00"],
            ["2026-11-24", "01", "01", "0", "0", "NULL"],
        ], "active units only (00009 ended on 2026-11-01); the first report, before the 10:00 deadline, is not late")
        XCTAssertEqual(s["reject_rows"]?.dropFirst().map { [$0[0], $0[1], $0[6], $0[7]] },
                       [["2026-11-24", "b/00070-sua.csv", "00070", "01"], ["2026-11-24", "bad/x.csv", "NULL", "NULL"]])
        XCTAssertEqual(s["finding_rows"]?.dropFirst().map { Array($0[0...4]) },
                       [["2026-11-24", "01", "Thành phố Hà Nội", "00070", "Phường Hoàn Kiếm"]])
        XCTAssertEqual(s["late_reports"]?.count, 1, "nobody late")
    }

    func testLaterMigrationsLeaveTheViewsEqual() throws {
        let db = try warehouseAtViewsVersion()
        let before = try snapshot(db)
        // Every script released after the views' version, then what a typical later one does.
        try Migrations.migrate(db)
        XCTAssertEqual(try snapshot(db), before, "the released later migrations")
        try db.execute("""
            ALTER TABLE report_rows ADD COLUMN source TEXT;
            ALTER TABLE rejects ADD COLUMN hint TEXT;
            ALTER TABLE submissions ADD COLUMN note TEXT;
            ALTER TABLE registry_units ADD COLUMN short_name TEXT;
            CREATE TABLE later_things (x INTEGER);
            CREATE INDEX report_rows_unit ON report_rows(unit_code);
            """)
        XCTAssertEqual(try snapshot(db), before, "added columns, tables and indexes")
    }

    func testAWarehouseFromBeforeTheViewsGetsItsDaysDeadlines() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("views-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("w.sqlite").path
        let old = try SQLiteConnection(path: path)
        try Migrations.migrate(old, upTo: 6)
        try old.execute("INSERT INTO published (report_date, name, sha256) VALUES ('2026-11-24', 'national_summary.csv', 'x')")
        let wh = try Warehouse(path: path)
        let s = try wh.db.prepare("SELECT report_date, due_at FROM report_days")
        XCTAssertTrue(try s.step())
        XCTAssertEqual(s.string(0), "2026-11-24")
        XCTAssertEqual(Timestamp(seconds: s.int64(1)).iso, "2026-11-25T10:00:00+07:00", "the contract's default deadline")
        s.reset()
    }
}

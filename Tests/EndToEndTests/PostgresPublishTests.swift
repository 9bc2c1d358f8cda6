import Foundation
import ReportModel
@testable import ReportPostgres
import ReportWarehouse
import XCTest

/// `dailyreports publish --postgres` against a real PostgreSQL server this test starts: the sample inbox over two
/// nights (the second restating 2026-11-24), published after each; every table compared with the SQLite side.
final class PostgresPublishTests: XCTestCase {
    final class Scenario: @unchecked Sendable {
        let dir: TempDir
        let server: PostgresServer
        let db: String
        var out: String { dir.path("out") }
        var inbox: String { dir.path("inbox") }
        let firstPublication: ProcessResult
        let secondPublication: ProcessResult
        /// current_rows of 00070 / 1.000101 on 2026-11-24 as published after night 1.
        let tuesdayBefore: String

        private init() throws {
            let server = try PostgresServer.get(), dir = try TempDir("postgres"), db = try server.createDatabase()
            self.server = server; self.dir = dir; self.db = db
            var first: ProcessResult?, before = ""
            try runTwoSampleNights(in: dir) {
                first = try dailyreports(["publish", "--postgres", db, "--out", dir.path("out"), "--lang", "en"])
                before = try server.psql(db, """
                    SELECT received_online FROM dailyreports.current_rows
                    WHERE report_date = '2026-11-24' AND unit_code = '00070' AND procedure_code = '1.000101'
                    """)
            }
            firstPublication = first!
            tuesdayBefore = before
            secondPublication = try dailyreports(["publish", "--postgres", db, "--out", dir.path("out"), "--lang", "en"])
        }

        private static let shared: Result<Scenario, Error> = Result {
            let s = try Scenario()
            createdFolder = s.dir.url
            return s
        }
        static func get() throws -> Scenario { try shared.get() }
        nonisolated(unsafe) static var createdFolder: URL?
    }

    override class func tearDown() {
        if let u = Scenario.createdFolder { try? FileManager.default.removeItem(at: u) }
        Scenario.createdFolder = nil
        PostgresServer.stopIfStarted()
        super.tearDown()
    }

    static let tables = ["registry_units", "registry_procedures", "registry_contacts", "registry_calendar", "current_rows",
                         "unit_days", "reject_rows", "findings", "national_summary", "procedure_summary"]

    /// Every published table as sorted COPY text lines, with dates and times written as the SQLite side writes them.
    func dumpPostgres(_ url: String) throws -> [String: [String]] {
        let server = try PostgresServer.get()
        var out: [String: [String]] = [:]
        for table in Self.tables {
            let exprs = PostgresSchema.columns[table]!.map { c -> String in
                switch c {
                case "report_date", "active_from", "active_to", "date": return "\(c)::text"
                case "submitted_at", "first_submitted_at":
                    return "to_char(\(c) AT TIME ZONE INTERVAL '+07:00', 'YYYY-MM-DD\"T\"HH24:MI:SS') || '+07:00'"
                default: return table.hasSuffix("_summary") ? "COALESCE(\(c)::text, '')" : c
                }
            }
            let text = try server.psql(url, "COPY (SELECT \(exprs.joined(separator: ", ")) FROM dailyreports.\(table)) TO STDOUT")
            out[table] = text.split(separator: "\n").map(String.init).sorted()
        }
        return out
    }

    /// The same from the warehouse's views and tables, and the summaries from the exported CSV files.
    func dumpSQLite(_ out: String) throws -> [String: [String]] {
        let wh = try Warehouse(path: out + "/warehouse.sqlite")
        var result: [String: [String]] = [:]
        for table in Self.tables where !table.hasSuffix("_summary") {
            let s = try wh.db.prepare("SELECT \(PostgresSchema.columns[table]!.joined(separator: ", ")) FROM \(table)")
            var b = CopyBuffer()
            while try s.step() {
                for i in 0..<s.columnCount { b.field(s.optionalString(i)) }
                b.endRow()
            }
            s.reset()
            result[table] = String(decoding: b.bytes, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
        }
        for table in ["national_summary", "procedure_summary"] {
            var b = CopyBuffer()
            for date in try exportedDates(out) {
                let records = parseCSV(try Data(contentsOf: URL(fileURLWithPath: "\(out)/exports/\(date)/\(table).csv")))
                for r in records.dropFirst() {
                    for f in r { b.field(f) }
                    b.endRow()
                }
            }
            result[table] = String(decoding: b.bytes, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
        }
        return result
    }

    func assertSame(_ got: [String: [String]], _ expected: [String: [String]], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for table in Self.tables {
            let g = got[table] ?? [], e = expected[table] ?? []
            XCTAssertFalse(e.isEmpty, "\(what): \(table) has rows", file: file, line: line)
            if g != e {
                let missing = Set(e).subtracting(g).prefix(2), extra = Set(g).subtracting(e).prefix(2)
                XCTFail("\(what): \(table): \(g.count) rows vs \(e.count); missing \(Array(missing)); extra \(Array(extra))", file: file, line: line)
            }
        }
    }

    func testEveryTableEqualsTheWarehouseAndTheExports() throws {
        let s = try Scenario.get()
        XCTAssertEqual(s.firstPublication.status, 0, s.firstPublication.both)
        XCTAssertEqual(s.secondPublication.status, 0, s.secondPublication.both)
        XCTAssertTrue(s.firstPublication.stdout.contains("published 3 date(s) to PostgreSQL (2026-11-23 – 2026-11-25)"), s.firstPublication.stdout)
        assertSame(try dumpPostgres(s.db), try dumpSQLite(s.out), "after two nights")
    }

    func testARestatedDateIsReplaced() throws {
        let s = try Scenario.get()
        XCTAssertEqual(s.tuesdayBefore.trimmingCharacters(in: .whitespacesAndNewlines), "0", "as first published")
        // Night 2 recomputed 2026-11-24 … 2026-11-27 and the stray 2025-06-30 (bad/), not 2026-11-23: only those are owed.
        XCTAssertTrue(s.secondPublication.stdout.contains("published 5 date(s) to PostgreSQL (2025-06-30 – 2026-11-27)"),
                      s.secondPublication.stdout)
        let server = try PostgresServer.get()
        let runs = try server.psql(s.db, "SELECT report_date::text || ' ' || run_id FROM dailyreports.publications ORDER BY 1")
        let expected = try sqlite(s.out + "/warehouse.sqlite",
                                  "SELECT report_date || ' ' || run_id FROM published WHERE name = 'national_summary.csv' ORDER BY 1")
        XCTAssertEqual(runs.split(separator: "\n").map(String.init), expected.map { $0[0] }, "each date as last computed")
        let run = { (d: String) in expected.first { $0[0].hasPrefix(d) }?[0].split(separator: " ").last.map(String.init) }
        XCTAssertNotEqual(run("2026-11-23"), run("2026-11-24"), "2026-11-23 kept night 1's publication")
        XCTAssertEqual(try server.psql(s.db, """
            SELECT received_online, file FROM dailyreports.current_rows
            WHERE report_date = '2026-11-24' AND unit_code = '00070' AND procedure_code = '1.000101'
            """), "40|2026-11-26/01/00070-sua-2026-11-24.csv\n", "replaced, not added")
        XCTAssertEqual(try server.psql(s.db, """
            SELECT received_online FROM dailyreports.national_summary WHERE report_date = '2026-11-24' AND scope_code = 'VN'
            """), "7324\n")
        XCTAssertEqual(try server.psql(s.db, "SELECT count(*) FROM dailyreports.publications"),
                       "\(try exportedDates(s.out).count)\n", "one publication per computed date")
    }

    func testPublishingAgainLeavesTheSameRows() throws {
        let s = try Scenario.get()
        let before = try dumpPostgres(s.db)
        let again = try dailyreports(["publish", "--postgres", s.db, "--out", s.out, "--lang", "en"])
        XCTAssertEqual(again.status, 0, again.both)
        XCTAssertTrue(again.stdout.contains("no date to publish"), again.stdout)
        XCTAssertEqual(try dumpPostgres(s.db), before, "nothing owed: nothing changed")
        // Forgetting what was published makes every date owed: replaced, not doubled.
        _ = try PostgresServer.get().psql(s.db, "DELETE FROM dailyreports.publications")
        let all = try dailyreports(["publish", "--postgres", s.db, "--out", s.out, "--lang", "en"])
        XCTAssertEqual(all.status, 0, all.both)
        XCTAssertTrue(all.stdout.contains("published \(try exportedDates(s.out).count) date(s)"), all.stdout)
        assertSame(try dumpPostgres(s.db), before, "republished whole")
    }

    func testAKilledPublicationIsCompletedByTheNextOne() throws {
        let s = try Scenario.get()
        let server = try PostgresServer.get()
        let db = try server.createDatabase()
        // The schema first, then a trigger that kills the publishing connection in the middle of 2026-11-25.
        XCTAssertEqual(try dailyreports(["publish", "--postgres", db, "--out", dir(s, "empty")]).status, 64, "no warehouse there")
        let first = try dailyreports(["publish", "--postgres", db, "--out", s.out])
        XCTAssertEqual(first.status, 0, first.both)
        _ = try server.psql(db, """
            TRUNCATE dailyreports.publications, dailyreports.current_rows, dailyreports.unit_days, dailyreports.reject_rows,
                dailyreports.findings, dailyreports.national_summary, dailyreports.procedure_summary;
            CREATE FUNCTION dailyreports.die() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.report_date = DATE '2026-11-25' THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER die BEFORE INSERT ON dailyreports.publications FOR EACH ROW EXECUTE FUNCTION dailyreports.die();
            """)
        let killed = try dailyreports(["publish", "--postgres", db, "--out", s.out])
        XCTAssertEqual(killed.status, 75, "a lost connection is a temporary failure: \(killed.both)")
        XCTAssertEqual(try server.psql(db, "SELECT report_date::text FROM dailyreports.publications ORDER BY 1"),
                       "2025-06-30\n2026-11-23\n2026-11-24\n", "whole dates before the kill, none after")
        XCTAssertEqual(try server.psql(db, "SELECT DISTINCT report_date::text FROM dailyreports.current_rows ORDER BY 1"),
                       "2026-11-23\n2026-11-24\n", "2026-11-25's rows were rolled back with its transaction")
        _ = try server.psql(db, "DROP TRIGGER die ON dailyreports.publications")
        let next = try dailyreports(["publish", "--postgres", db, "--out", s.out, "--lang", "en"])
        XCTAssertEqual(next.status, 0, next.both)
        XCTAssertTrue(next.stdout.contains("published 3 date(s) to PostgreSQL (2026-11-25 – 2026-11-27)"), next.stdout)
        assertSame(try dumpPostgres(db), try dumpSQLite(s.out), "completed by the next publication")
    }

    func testAnUnreachableServerLeavesTheRunCompleteAndTheNextRunPublishes() throws {
        let s = try Scenario.get()
        let dir = try TempDir("postgres-down")
        let pipeline = try samplePipelineFile(in: dir, settings:
            "postgres_url: \"host=\(dir.url.path) port=1 user=postgres dbname=postgres connect_timeout=3\"")
        let out = dir.path("out")
        let r = try dailyreports(["run", "--date", "2026-11-27", "--pipeline", pipeline, "--inbox", s.inbox, "--out", out])
        XCTAssertEqual(r.status, 75, r.both)
        XCTAssertTrue(r.stderr.contains("PostgreSQL"), r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/exports/2026-11-27/national_summary.csv"), "the SQLite side is complete")
        let db = try PostgresServer.get().createDatabase()
        let later = try dailyreports(["publish", "--postgres", db, "--out", out])
        XCTAssertEqual(later.status, 0, later.both)
        assertSame(try dumpPostgres(db), try dumpSQLite(out), "what was owed")
    }

    private func dir(_ s: Scenario, _ name: String) throws -> String {
        let p = s.dir.path(name)
        try FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        return p
    }
}

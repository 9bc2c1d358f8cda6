import Foundation
import ReportModel
import ReportWarehouse
import XCTest

/// The analysts' views and every query of docs/WAREHOUSE.md, run against a warehouse the pipeline built from the
/// sample inbox over two nights (the second restating 2026-11-24), checked against that run's exports.
final class WarehouseQueryTests: XCTestCase {
    /// Night 1 (`run --date 2026-11-25`) sees the inbox up to 2026-11-25; night 2 (`--date 2026-11-27`) the rest,
    /// plus a late correction of 00070's 2026-11-24 report.
    final class TwoNights: @unchecked Sendable {
        let dir: TempDir
        var out: String { dir.path("out") }
        var db: String { dir.path("out/warehouse.sqlite") }

        private init() throws {
            dir = try TempDir("warehouse-queries")
            try runTwoSampleNights(in: dir)
        }

        private static let shared: Result<TwoNights, Error> = Result {
            let t = try TwoNights()
            createdFolder = t.dir.url
            return t
        }
        static func get() throws -> TwoNights { try shared.get() }
        /// The shared folder (a static is never released, so it is removed by hand after the class's tests).
        nonisolated(unsafe) static var createdFolder: URL?
    }

    override class func tearDown() {
        if let u = TwoNights.createdFolder { try? FileManager.default.removeItem(at: u) }
        TwoNights.createdFolder = nil
        super.tearDown()
    }

    static let dates = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"]

    /// The SQL of `-- query: NAME` in docs/WAREHOUSE.md, with `:param`s replaced by quoted values.
    func docQuery(_ name: String, _ parameters: [String: String] = [:]) throws -> String {
        let doc = try String(contentsOf: packageRoot.appendingPathComponent("docs/WAREHOUSE.md"), encoding: .utf8)
        guard let start = doc.range(of: "-- query: \(name)\n"), let end = doc.range(of: "```", range: start.upperBound..<doc.endIndex)
        else { throw E2EError.setup("docs/WAREHOUSE.md has no query \(name)") }
        var sql = String(doc[start.upperBound..<end.lowerBound])
        // Longest names first, so :to does not eat part of :total.
        for (key, value) in parameters.sorted(by: { $0.key.count > $1.key.count }) {
            sql = sql.replacingOccurrences(of: ":" + key, with: "'" + value.replacingOccurrences(of: "'", with: "''") + "'")
        }
        XCTAssertFalse(sql.contains(" :"), "every parameter of \(name) is given")
        return sql
    }

    func run(_ name: String, _ parameters: [String: String] = [:]) throws -> [[String]] {
        try query(try docQuery(name, parameters))
    }

    /// Rows of `sql` through SQLite's C API (raw text may hold line ends and `|`), NULL as "".
    func query(_ sql: String) throws -> [[String]] {
        let s = try Warehouse(path: try TwoNights.get().db).db.prepare(sql)
        var rows: [[String]] = []
        while try s.step() { rows.append((0..<s.columnCount).map { s.optionalString($0) ?? "" }) }
        s.reset()
        return rows
    }

    func csv(_ date: String, _ file: String) throws -> [[String]] {
        Array(parseCSV(try Data(contentsOf: URL(fileURLWithPath: "\(try TwoNights.get().out)/exports/\(date)/\(file)"))).dropFirst())
    }

    func testProcedureTotalsEqualProcedureSummary() throws {
        for date in Self.dates {
            let expected = try csv(date, "procedure_summary.csv").map { Array($0.dropFirst()) }
            XCTAssertFalse(expected.isEmpty)
            XCTAssertEqual(try run("procedure-totals", ["date": date]), expected, date)
        }
    }

    func testUnitDaysAgreeWithNationalSummary() throws {
        for date in Self.dates {
            let summary = try csv(date, "national_summary.csv")
            let provinces = summary.filter { $0[1] != "VN" }.map { [$0[1], $0[3], $0[4], $0[5], $0[6]] }
            XCTAssertEqual(try run("province-reports", ["date": date]), provinces, date)
            let nation = try query("""
                SELECT COUNT(*), SUM(reported), SUM(late), COUNT(*) - SUM(reported) FROM unit_days WHERE report_date = '\(date)'
                """)
            XCTAssertEqual(nation, [Array(summary[0][3...6])], date)
        }
    }

    func testUnitDaysMissingAreMissingReports() throws {
        for date in Self.dates {
            let missing = try csv(date, "missing_reports.csv")
            let got = try query("""
                SELECT province_code, unit_code FROM unit_days WHERE report_date = '\(date)' AND reported = 0 ORDER BY 1, 2
                """)
            XCTAssertEqual(got, missing.map { [$0[1], $0[3]] }, date)
            let province01 = try run("province-missing", ["date": date, "province": "01"])
            XCTAssertEqual(province01, missing.filter { $0[1] == "01" }.map { [$0[3], $0[4]] }, date)
        }
    }

    func testCurrentRowsAreTheWinnersAndSumToTheNationalFigures() throws {
        let t = try TwoNights.get()
        let wh = try Warehouse(path: t.db)
        for date in Self.dates {
            let winners = try wh.winningRows(on: Day(iso: date)!).map { w in
                [w.row.unitCode, w.row.procedureCode] + (0..<7).map { String(w.row.counts[$0]) } + [w.row.submittedAt.iso, w.submissionPath]
            }
            let view = try query("""
                SELECT unit_code, procedure_code, received_online, received_offline, resolved_on_time, resolved_late, returned,
                    pending_on_time, pending_overdue, submitted_at, file
                FROM current_rows WHERE report_date = '\(date)' ORDER BY unit_code, procedure_code
                """)
            XCTAssertEqual(view, winners, date)
            let vn = try csv(date, "national_summary.csv")[0]
            let sums = try query("""
                SELECT SUM(received_online), SUM(received_offline), SUM(resolved_on_time), SUM(resolved_late), SUM(returned),
                    SUM(pending_on_time), SUM(pending_overdue) FROM current_rows WHERE report_date = '\(date)'
                """)
            XCTAssertEqual(sums, [Array(vn[9...15])], date)
        }
        let superseded = try query("SELECT (SELECT COUNT(*) FROM report_rows) - (SELECT COUNT(*) FROM current_rows)")
        XCTAssertEqual(superseded, [["39"]], "the manifest's 38 superseded rows, and the late correction's")
    }

    /// No documented query reads every row or unit report of the warehouse: on a year's warehouse (12.4 million rows)
    /// the first commune-history took 60 s (it built every winning row before joining them), and with 2,088 rejected
    /// files province-rejects took 112 s (each reject scanned every unit report). SQLite plans a query the same on the
    /// small sample as on a year (no statistics are kept), so the plan is what is checked.
    func testNoDocumentedQueryScansTheRowsOrTheUnitReports() throws {
        let doc = try String(contentsOf: packageRoot.appendingPathComponent("docs/WAREHOUSE.md"), encoding: .utf8)
        let names = doc.components(separatedBy: "-- query: ").dropFirst().map { String($0.prefix { $0 != "\n" }) }
        XCTAssertGreaterThanOrEqual(names.count, 10)
        let parameters = ["unit": "00070", "from": "2026-11-23", "to": "2026-11-27", "date": "2026-11-24", "province": "01"]
        // The big tables' aliases in the views (report_rows r and w, unit_reports x) and their own names.
        let scans = ["SCAN r", "SCAN w", "SCAN x", "SCAN report_rows", "SCAN unit_reports"]
        for name in names {
            let plan = try query("EXPLAIN QUERY PLAN " + (try docQuery(name, parameters))).map { $0[3] }
            for line in plan {
                XCTAssertFalse(scans.contains { line == $0 || line.hasPrefix($0 + " ") && !line.contains("USING") },
                               "\(name): \(line)\n\(plan.joined(separator: "\n"))")
            }
        }
    }

    func testCommuneHistory() throws {
        let rows = try run("commune-history", ["unit": "00070"])
        XCTAssertEqual(rows.map { $0[0] }, Self.dates, "one row per computed report day")
        let tuesday = try XCTUnwrap(rows.first { $0[0] == "2026-11-24" })
        // reported, not late; received = online + offline of every winning row, the correction's 40 + 1 included.
        XCTAssertEqual(Array(tuesday[1...2]), ["1", "0"])
        let received = try query("""
            SELECT SUM(received_online + received_offline) FROM current_rows WHERE report_date = '2026-11-24' AND unit_code = '00070'
            """)
        XCTAssertEqual(tuesday[5], received[0][0])
        XCTAssertTrue(try query("""
            SELECT 1 FROM current_rows WHERE report_date = '2026-11-24' AND unit_code = '00070' AND procedure_code = '1.000101'
              AND received_online = 40 AND file = '2026-11-26/01/00070-sua-2026-11-24.csv'
            """) == [["1"]], "the correction won")
    }

    func testLateProvincesAndUnits() throws {
        let late = try run("late-provinces", ["from": "2026-11-23", "to": "2026-11-27"])
        var expectedLate: [String: Int] = [:]
        for date in Self.dates {
            for r in try csv(date, "national_summary.csv") where r[1] != "VN" { expectedLate[r[1], default: 0] += Int(r[5])! }
        }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: late.map { ($0[0], Int($0[4])!) }), expectedLate)
        XCTAssertTrue(late.first.map { Int($0[4])! > 0 } ?? false, "the latest province first: \(late.prefix(3))")
        let units = try run("late-units", ["from": "2026-11-23", "to": "2026-11-27"])
        XCTAssertEqual(units.count, expectedLate.values.reduce(0, +))
        for u in units {
            XCTAssertFalse(u[2].isEmpty || u[4].isEmpty, "names given: \(u)")
            XCTAssertGreaterThan(u[5], u[6], "first submission after the deadline: \(u)")
        }
    }

    func testWhatAProvinceSentAndWhatWasRejected() throws {
        let date = "2026-11-27"
        let sent = try run("province-sent", ["date": date, "province": "01"])
        XCTAssertFalse(sent.isEmpty)
        let row01 = try csv(date, "national_summary.csv").first { $0[1] == "01" }!
        let sums = (2...8).map { i in String(sent.reduce(0) { $0 + Int($1[i])! }) }
        XCTAssertEqual(sums, Array(row01[9...15]), "the province's files sum to its national_summary row")
        let rejected = try run("province-rejects", ["date": date, "province": "01"])
        let keys = Set(rejected.map { "\($0[0]):\($0[1]): \($0[2])" })
        XCTAssertTrue(keys.isSuperset(of: ["2026-11-27/01/00235.csv:18: unknown_procedure", "bad/bad_count.csv:2: bad_count"]), "\(keys)")
        XCTAssertTrue(rejected.allSatisfy { !$0[3].isEmpty }, "each names its unit")
        // Every reject of the date is in reject_rows, as rejects.csv lists them.
        for d in Self.dates {
            let all = try query("SELECT file, line, reason FROM reject_rows WHERE report_date = '\(d)' ORDER BY 1, 2, 3")
            let expected = try csv(d, "rejects.csv").map { Array($0[0...2]) }
                .sorted { ($0[0], Int($0[1])!, $0[2]) < ($1[0], Int($1[1])!, $1[2]) }
            XCTAssertEqual(all.sorted { ($0[0], Int($0[1])!, $0[2]) < ($1[0], Int($1[1])!, $1[2]) }, expected, d)
        }
    }

    func testWhyAFigureWasRestated() throws {
        let causes = try run("restatement-causes", ["date": "2026-11-24"])
        XCTAssertFalse(causes.isEmpty, "2026-11-24 was restated on the second night")
        XCTAssertTrue(causes.contains { $0[1] == "01" && $0[2] == "received_online" && $0[5] == "2026-11-26/01/00070-sua-2026-11-24.csv" },
                      "\(causes)")
        XCTAssertTrue(causes.allSatisfy { $0[5] == "2026-11-26/01/00070-sua-2026-11-24.csv" }, "only the correction reached 2026-11-24")
        let rows = try run("restated-rows", ["date": "2026-11-24"])
        XCTAssertEqual(rows.map { Array($0[0...2]) }, [["00070", "1.000101", "40"]])
    }

    func testFindingRowsNameUnitAndProvince() throws {
        _ = try TwoNights.get()  // the shared warehouse of two nights, made once
        let findings = try query("SELECT report_date, unit_code, province_code, province_name, unit_name FROM finding_rows ORDER BY 1, 2")
        var expected = 0
        for date in Self.dates { expected += try csv(date, "anomalies.csv").count }
        XCTAssertEqual(findings.filter { Self.dates.contains($0[0]) }.count, expected)
        for f in findings where f[1].count == 5 {
            XCTAssertFalse(f[2].isEmpty || f[3].isEmpty || f[4].isEmpty, "\(f)")
        }
    }
}

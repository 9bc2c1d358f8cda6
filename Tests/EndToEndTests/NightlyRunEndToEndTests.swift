import Foundation
import XCTest

/// The nightly job as cron runs it: the built binary over the staged sample inbox.
final class NightlyRunEndToEndTests: XCTestCase {
    override class func tearDown() {
        SampleRun.removeFolder()
        super.tearDown()
    }

    // MARK: 1. Golden exports

    /// The five CSV files of every exported date equal the checked-in files byte for byte.
    /// `RECORD_EXPECTED=1 swift test …` rewrites them instead (inspect them before committing).
    func testGoldenExportsOfTheSampleInbox() throws {
        let run = try SampleRun.get()
        // The five report days, and 2025-06-30 (a Monday): bad/inactive_unit.csv's rejected rows carry that date,
        // and "rejects of a file appear in the export of each report date that file's rows carry" (contract §3).
        XCTAssertEqual(Array(run.exports.keys).sorted(),
                       ["2025-06-30", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"],
                       "run --date 2026-11-27 over the sample exports its five report days and 2025-06-30")
        let isDate = { (name: String) in name.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil }
        let recorded = ((try? FileManager.default.contentsOfDirectory(atPath: expectedRoot.path)) ?? []).filter(isDate)
        if ProcessInfo.processInfo.environment["RECORD_EXPECTED"] == "1" {
            for date in recorded { try FileManager.default.removeItem(at: expectedRoot.appendingPathComponent(date)) }
            for (date, files) in run.exports {
                let dir = expectedRoot.appendingPathComponent(date)
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                for (name, bytes) in files { try bytes.write(to: dir.appendingPathComponent(name)) }
            }
            XCTFail("RECORD_EXPECTED=1: recorded the expected exports under \(expectedRoot.path); inspect them, then rerun without it")
            return
        }
        var expected: ExportSnapshot = [:]
        XCTAssertFalse(recorded.isEmpty, "no expected files under \(expectedRoot.path); record them with RECORD_EXPECTED=1")
        for date in recorded {
            var files: [String: Data] = [:]
            for name in csvExports {
                files[name] = try Data(contentsOf: expectedRoot.appendingPathComponent(date).appendingPathComponent(name))
            }
            expected[date] = files
        }
        assertSameExports(run.exports, expected, "golden exports (re-record with RECORD_EXPECTED=1 after an intended change)")
    }

    /// Facts of MANIFEST.md checked on the exports directly (the golden files could be recorded wrong).
    func testExportsAgreeWithTheManifest() throws {
        let run = try SampleRun.get()
        func missing(_ date: String) throws -> [String] {
            try readCSVTable("\(run.out)/exports/\(date)/missing_reports.csv").compactMap { $0["unit_code"] }.sorted()
        }
        // Missing reports: the sample's units that sent nothing (the rest of the 3,355 units are missing too).
        let sampleUnits = ["01", "00004", "00008", "00025", "00070", "00187", "00235", "00256",
                           "46", "19777", "19810", "19813", "19815", "20014", "20152", "20179",
                           "79", "25942", "26506", "26732", "26737", "26740", "26743", "26824", "27664"]
        let expectedMissing = [
            "2026-11-23": [String](),
            "2026-11-24": ["20152", "27664"],
            "2026-11-25": ["00235", "20152"],
            "2026-11-26": ["26506"],
            "2026-11-27": ["00008"],
        ]
        for (date, units) in expectedMissing {
            let m = Set(try missing(date))
            XCTAssertEqual(sampleUnits.filter { m.contains($0) }.sorted(), units.sorted(), "sample units missing on \(date)")
        }
        // Late reports per day: 00187 on 11-24, 26824 on 11-25, 19777 on 11-26 (one each, in its province).
        let expectedLate: [String: [String: String]] = [
            "2026-11-23": ["VN": "0", "01": "0", "46": "0", "79": "0"],
            "2026-11-24": ["VN": "1", "01": "1", "46": "0", "79": "0"],
            "2026-11-25": ["VN": "1", "01": "0", "46": "0", "79": "1"],
            "2026-11-26": ["VN": "1", "01": "0", "46": "1", "79": "0"],
            "2026-11-27": ["VN": "0", "01": "0", "46": "0", "79": "0"],
        ]
        for (date, byScope) in expectedLate {
            let rows = try readCSVTable("\(run.out)/exports/\(date)/national_summary.csv")
            for (scope, late) in byScope {
                XCTAssertEqual(rows.first { $0["scope_code"] == scope }?["late_reports"], late, "late_reports of \(scope) on \(date)")
            }
        }
        // Rejects: every expected reject appears, and nothing else, over all exported dates.
        var got: [String] = []
        for date in run.exports.keys {
            got += try readCSVTable("\(run.out)/exports/\(date)/rejects.csv").map { "\($0["file"]!),\($0["line"]!),\($0["reason"]!)" }
        }
        let expectedRejects = try String(contentsOf: packageRoot.appendingPathComponent("SampleInputs/inbox-expected-rejects.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map(String.init)
        XCTAssertEqual(got.sorted(), expectedRejects.sorted(), "rejects over all dates vs SampleInputs/inbox-expected-rejects.csv")
        XCTAssertEqual(got.count, 50, "every reject record reaches an export (MANIFEST: 50)")
        // Future-dated rows go to the reporting window of the file's received time (docs/DECISIONS.md).
        let futureRejects = try sqlite("\(run.out)/warehouse.sqlite",
                                       "SELECT line || ' ' || report_date FROM rejects WHERE file = 'bad/future_date.csv' ORDER BY line;")
        XCTAssertEqual(futureRejects.map { $0.joined() }, ["2 2026-11-27", "3 2026-11-27", "4 2026-11-27"])
        // Findings planted by the sample.
        var findings: [String] = []
        for date in run.exports.keys {
            findings += try readCSVTable("\(run.out)/exports/\(date)/anomalies.csv")
                .map { "\(date) \($0["unit_code"]!) \($0["procedure_code"]!) \($0["rule"]!)" }
        }
        for f in ["2026-11-25 00025 1.000301 balance_mismatch", "2026-11-26 79 2.000103 balance_mismatch",
                  "2026-11-26 19810  repeated_report", "2026-11-23 00070  unregistered_reporter",
                  "2026-11-24 26824  unregistered_reporter"] {
            XCTAssertTrue(findings.contains(f), "anomalies.csv lacks the planted finding \(f); have: \(findings.sorted())")
        }
        XCTAssertEqual(findings.filter { $0.hasSuffix("balance_mismatch") }.count, 2,
                       "MANIFEST: no other balance_mismatch; have \(findings.filter { $0.hasSuffix("balance_mismatch") })")
    }

    /// Program-computed figures are not defused like submission text (a negative score stays a number).
    func testNegativeScoresAreNumbers() throws {
        let run = try SampleRun.get()
        let f = try readCSVTable("\(run.out)/exports/2026-11-26/anomalies.csv").first { $0["procedure_code"] == "2.000103" }
        XCTAssertEqual(f?["score"], "-5")
    }

    // MARK: 2. Totals against an independent computation

    func testNationalTotalsAddUpAndMatchTheWarehouse() throws {
        let run = try SampleRun.get()
        let counts = ["received_online", "received_offline", "resolved_on_time", "resolved_late", "returned",
                      "pending_on_time", "pending_overdue"]
        for date in run.exports.keys.sorted() {
            let national = try readCSVTable("\(run.out)/exports/\(date)/national_summary.csv")
            let procedures = try readCSVTable("\(run.out)/exports/\(date)/procedure_summary.csv")
            let missingRows = try readCSVTable("\(run.out)/exports/\(date)/missing_reports.csv")
            guard let vn = national.first, vn["scope_code"] == "VN" else { XCTFail("\(date): the first row is not VN"); continue }
            let provinces = national.dropFirst()
            XCTAssertEqual(vn["scope_name"], "Việt Nam")
            if date >= "2025-07-01" {
                XCTAssertEqual(provinces.count, 34, "\(date): one row per province")
                XCTAssertEqual(vn["expected_reports"], "3355", "\(date): every active unit reports")
            } else {
                // Before 2025-07-01 no unit of the registry is active: nothing is expected.
                XCTAssertEqual(provinces.count, 0, "\(date): no active province")
                XCTAssertEqual(vn["expected_reports"], "0", "\(date): no active unit")
            }
            let expected = Int(vn["expected_reports"]!)!, received = Int(vn["received_reports"]!)!
            let missing = Int(vn["missing_reports"]!)!
            XCTAssertEqual(received + missing, expected, "\(date): received + missing = expected")
            XCTAssertEqual(missingRows.count, missing, "\(date): missing_reports.csv has one row per missing unit")
            for col in ["expected_reports", "received_reports", "late_reports", "missing_reports", "anomalies"] + counts {
                let sum = provinces.reduce(0) { $0 + Int($1[col]!)! }
                XCTAssertEqual(Int(vn[col]!), sum, "\(date): VN \(col) = sum over provinces")
            }
            for col in counts {
                let sum = procedures.reduce(0) { $0 + Int($1[col]!)! }
                XCTAssertEqual(Int(vn[col]!), sum, "\(date): VN \(col) = sum of procedure_summary.csv")
            }
            // Independently, from the warehouse's raw rows: the winner of each (unit, procedure) is the latest
            // submitted_at, then the later received time, then the greater path, then the later line.
            let sql = """
                WITH ranked AS (
                  SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r.unit_code, r.procedure_code
                    ORDER BY r.submitted_at DESC, s.received_at DESC, s.path DESC, r.line DESC) AS n
                  FROM report_rows r JOIN submissions s ON s.id = r.submission_id WHERE r.report_date = '\(date)')
                SELECT \(counts.map { "SUM(\($0))" }.joined(separator: ", ")), COUNT(DISTINCT unit_code)
                FROM ranked WHERE n = 1;
                """
            let row = try sqlite("\(run.out)/warehouse.sqlite", sql).first ?? []
            XCTAssertEqual(row.count, counts.count + 1, "\(date): sqlite3 answered \(row)")
            for (i, col) in counts.enumerated() where i < row.count {
                XCTAssertEqual(vn[col], row[i].isEmpty ? "0" : row[i], "\(date): VN \(col) vs the warehouse's winning rows")
            }
            // Units with rows, plus units that only sent an empty envelope, are the received reports.
            let units = try sqlite("\(run.out)/warehouse.sqlite", """
                SELECT COUNT(*) FROM (SELECT unit_code FROM report_rows WHERE report_date = '\(date)'
                                      UNION SELECT unit_code FROM unit_reports WHERE report_date = '\(date)');
                """).first?.first
            XCTAssertEqual(vn["received_reports"], units, "\(date): received_reports vs units with rows or envelopes")
        }
    }

    // MARK: 3. Idempotency

    func testRunningAgainWithNothingNewChangesNoCSV() throws {
        let run = try SampleRun.get()
        let dir = try TempDir("again")
        let out = dir.path("out")
        try copyFolder(run.out, to: out)
        let r = try runNightly(date: "2026-11-27", inbox: run.inbox, out: out)
        XCTAssertTrue(r.stdout.contains("0 tệp mới"), "a rerun finds nothing new: \(r.stdout)")
        assertSameExports(try snapshotCSVs(out), run.exports, "second run with nothing new")
    }

    // MARK: 4. Restatement

    /// A unit's late file for an earlier day restates that day, and the result equals one run over everything.
    func testALateFileRestatesItsDayLikeASingleRun() throws {
        let dir = try TempDir("restate")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        let rel = "2026-11-24/01/00025.csv"
        let held = dir.path("00025.csv")
        try FileManager.default.moveItem(atPath: "\(inbox)/\(rel)", toPath: held)

        try runNightly(date: "2026-11-25", inbox: inbox, out: out)
        let before = try readCSVTable("\(out)/exports/2026-11-24/national_summary.csv")
        XCTAssertTrue(try readCSVTable("\(out)/exports/2026-11-24/missing_reports.csv").contains { $0["unit_code"] == "00025" },
                      "00025 is missing on 2026-11-24 before its file arrives")

        try FileManager.default.moveItem(atPath: held, toPath: "\(inbox)/\(rel)")
        try touch("\(inbox)/\(rel)", "2026-11-27T20:00:00+07:00")
        let r = try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        XCTAssertTrue(r.stdout.contains("1 tệp mới"), r.stdout)
        XCTAssertTrue(r.stdout.contains("2026-11-24"), "the run re-exports 2026-11-24: \(r.stdout)")

        let after = try readCSVTable("\(out)/exports/2026-11-24/national_summary.csv")
        for scope in ["VN", "01"] {
            let b = before.first { $0["scope_code"] == scope }, a = after.first { $0["scope_code"] == scope }
            XCTAssertEqual(Int(a?["received_reports"] ?? ""), Int(b?["received_reports"] ?? "").map { $0 + 1 },
                           "\(scope) received_reports on 2026-11-24 goes up by one")
            XCTAssertEqual(Int(a?["missing_reports"] ?? ""), Int(b?["missing_reports"] ?? "").map { $0 - 1 },
                           "\(scope) missing_reports on 2026-11-24 goes down by one")
        }
        XCTAssertFalse(try readCSVTable("\(out)/exports/2026-11-24/missing_reports.csv").contains { $0["unit_code"] == "00025" },
                       "00025 is no longer missing on 2026-11-24")
        // The file arrived on 11-27 20:00, but its rows carry submitted_at 2026-11-24T19:29:36+07:00,
        // which decides lateness: only 00187 is late on 2026-11-24.
        XCTAssertEqual(after.first { $0["scope_code"] == "01" }?["late_reports"], "1", "late reports of 01 on 2026-11-24")
        // restatements.csv says why (issue #17 item 4): a file of a unit that had not reported the date.
        let restated = try readCSVTable("\(out)/restatements.csv").filter { $0["report_date"] == "2026-11-24" }
        XCTAssertFalse(restated.isEmpty, "2026-11-24's figures are restated")
        XCTAssertEqual(Set(restated.map { $0["cause"] }), ["late_file"], "\(restated)")
        XCTAssertEqual(Set(restated.map { $0["run_id"] }), ["2"], "the second run restated them")
        XCTAssertTrue(r.stdout.contains("ngày bị tính lại: 2026-11-24"), r.stdout)

        let singleDir = try TempDir("single")
        try stageInbox(singleDir.path("inbox"))
        try touch(singleDir.path("inbox/\(rel)"), "2026-11-27T20:00:00+07:00")
        try runNightly(date: "2026-11-27", inbox: singleDir.path("inbox"), out: singleDir.path("out"))
        assertSameExports(try snapshotCSVs(out), try snapshotCSVs(singleDir.path("out")),
                          "two nightly runs vs one run over the same inbox")
    }

    /// An operator reruns an earlier date while a file for a later, already exported date has come in: the run
    /// exports only through its date, and now says that the later day waits for the next run (its published files are
    /// out of date until then). Before, it said nothing of it.
    func testARerunOfAnEarlierDateNamesTheLaterDayItLeavesPending() throws {
        let dir = try TempDir("rerun-earlier")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        let rel = "2026-11-27/01/00025.csv"
        let held = dir.path("00025.csv")
        try FileManager.default.moveItem(atPath: "\(inbox)/\(rel)", toPath: held)
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        try FileManager.default.moveItem(atPath: held, toPath: "\(inbox)/\(rel)")
        let r = try runNightly(date: "2026-11-25", inbox: inbox, out: out)
        XCTAssertTrue(r.stdout.contains("1 tệp mới"), r.stdout)
        XCTAssertTrue(r.stdout.contains("còn chờ 2026-11-27"), r.stdout)
        XCTAssertTrue(try readCSVTable("\(out)/exports/2026-11-27/missing_reports.csv").contains { $0["unit_code"] == "00025" },
                      "2026-11-27 is not exported by a run of 2026-11-25")
        let next = try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        XCTAssertFalse(next.stdout.contains("còn chờ"), next.stdout)
        XCTAssertFalse(try readCSVTable("\(out)/exports/2026-11-27/missing_reports.csv").contains { $0["unit_code"] == "00025" })
    }

    // MARK: 5. Supersession by submitted_at

    func testResubmissionsWinBySubmittedAt() throws {
        let run = try SampleRun.get()
        let db = "\(run.out)/warehouse.sqlite"
        let counts = ["received_online", "received_offline", "resolved_on_time", "resolved_late", "returned",
                      "pending_on_time", "pending_overdue"]
        // (date, unit, procedure, superseded file, winning file) from MANIFEST.md.
        let cases = [("2026-11-24", "00256", "1.000101", "2026-11-24/01/00256.csv", "2026-11-24/01/00256-gui-lai.csv"),
                     ("2026-11-25", "46", "2.000102", "2026-11-25/46/46.csv", "2026-11-25/46/46-bo-sung.csv"),
                     ("2026-11-26", "26743", "1.000302", "2026-11-26/79/26743.json", "2026-11-26/79/26743-sua.json")]
        for (date, unit, proc, loser, winner) in cases {
            func rowOf(_ path: String) throws -> [Int] {
                let r = try sqlite(db, """
                    SELECT \(counts.joined(separator: ", ")) FROM report_rows r JOIN submissions s ON s.id = r.submission_id
                    WHERE r.report_date = '\(date)' AND r.unit_code = '\(unit)' AND r.procedure_code = '\(proc)' AND s.path = '\(path)';
                    """)
                XCTAssertEqual(r.count, 1, "\(path) holds one row for \(date) \(unit) \(proc) in the warehouse")
                return (r.first ?? []).map { Int($0) ?? -1 }
            }
            let lost = try rowOf(loser), won = try rowOf(winner)
            XCTAssertNotEqual(lost, won, "MANIFEST: \(proc) differs between \(loser) and \(winner)")
            // The day's total for that procedure over the other units' rows, plus the winner's.
            let others = try sqlite(db, """
                WITH ranked AS (
                  SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r.unit_code ORDER BY r.submitted_at DESC, s.received_at DESC,
                                                 s.path DESC, r.line DESC) AS n
                  FROM report_rows r JOIN submissions s ON s.id = r.submission_id
                  WHERE r.report_date = '\(date)' AND r.procedure_code = '\(proc)' AND r.unit_code <> '\(unit)')
                SELECT \(counts.map { "COALESCE(SUM(\($0)), 0)" }.joined(separator: ", ")), COUNT(*) FROM ranked WHERE n = 1;
                """).first!.map { Int($0)! }
            let summary = try readCSVTable("\(run.out)/exports/\(date)/procedure_summary.csv").first { $0["procedure_code"] == proc }
            XCTAssertNotNil(summary, "\(date): procedure_summary.csv has \(proc)")
            for (i, col) in counts.enumerated() {
                XCTAssertEqual(Int(summary?[col] ?? ""), others[i] + won[i],
                               "\(date) \(proc) \(col): the later submission (\(winner)) wins, not \(loser)")
            }
            XCTAssertEqual(Int(summary?["units_reporting"] ?? ""), others[counts.count] + 1, "\(date) \(proc) units_reporting")
        }
        // 46 on 2026-11-25: its correction came after the deadline but its first submission was on time: not late.
        let n25 = try readCSVTable("\(run.out)/exports/2026-11-25/national_summary.csv")
        XCTAssertEqual(n25.first { $0["scope_code"] == "46" }?["late_reports"], "0", "46 is not late on 2026-11-25")
    }

    // MARK: 6. A duplicate under a new name

    func testADuplicateIsSkippedAndNotCounted() throws {
        let run = try SampleRun.get()
        XCTAssertTrue(run.result.stdout.contains("bỏ qua 1 tệp trùng lặp"), "the summary line names 1 duplicate: \(run.result.stdout)")
        let dir = try TempDir("nodup")
        try stageInbox(dir.path("inbox"))
        try FileManager.default.removeItem(atPath: dir.path("inbox/resent/2026-11-24-01-00070.csv"))
        let r = try runNightly(date: "2026-11-27", inbox: dir.path("inbox"), out: dir.path("out"))
        XCTAssertFalse(r.stdout.contains("trùng lặp"), r.stdout)
        assertSameExports(try snapshotCSVs(dir.path("out")), run.exports, "with vs without the duplicate file")
        let rows = try sqlite(dir.path("out/warehouse.sqlite"), "SELECT COUNT(*) FROM report_rows;").first?.first
        let rowsWithDup = try sqlite("\(run.out)/warehouse.sqlite", "SELECT COUNT(*) FROM report_rows;").first?.first
        XCTAssertEqual(rowsWithDup, rows, "the duplicate adds no rows to the warehouse")
        XCTAssertEqual(rows, "1779", "MANIFEST: 1779 rows accepted over all files (superseded included, duplicates not)")
    }

    // MARK: 7. The lock

    func testASecondRunWhileTheLockIsHeldExits75() throws {
        let dir = try TempDir("lock")
        let out = dir.path("out"), inbox = dir.path("inbox")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        // The holder: `flock OUT/.lock cat`, which keeps the lock until its stdin closes.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["\(out)/.lock", "/bin/cat"]
        let stdin = Pipe()
        holder.standardInput = stdin
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        defer {
            try? stdin.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        // Wait until it holds the lock (flock -n fails while it does).
        var held = false
        for _ in 0..<100 {
            if try runProcess("/usr/bin/flock", ["-n", "\(out)/.lock", "true"]).status != 0 { held = true; break }
            usleep(50_000)
        }
        XCTAssertTrue(held, "the background flock did not take the lock")
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out])
        XCTAssertEqual(r.status, 75, "run while another holds the lock: \(r.both)")
        XCTAssertTrue(r.stderr.contains("lock"), "the message says the lock is held: \(r.stderr)")
        XCTAssertTrue(r.stderr.contains("pid"), "the message names the holder's pid (or says it is unknown): \(r.stderr)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(out)/exports"), "nothing was exported")

        try stdin.fileHandleForWriting.close()
        holder.waitUntilExit()
        let again = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out])
        XCTAssertEqual(again.status, 0, "once the lock is free the run proceeds: \(again.both)")
    }

    // MARK: 8. A non-report day

    func testASaturdayIsNotAReportDay() throws {
        let run = try SampleRun.get()
        let dir = try TempDir("saturday")
        let out = dir.path("out")
        try copyFolder(run.out, to: out)
        let r = try runNightly(date: "2026-11-28", inbox: run.inbox, out: out)
        XCTAssertTrue(r.stdout.contains("không phải ngày báo cáo"), "says 2026-11-28 is not a report day: \(r.stdout)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(out)/exports/2026-11-28"), "no exports/2026-11-28")
        assertSameExports(try snapshotCSVs(out), run.exports, "after a Saturday run")

        // Also on a fresh output with an empty inbox.
        let empty = try TempDir("saturday-empty")
        try FileManager.default.createDirectory(atPath: empty.path("inbox"), withIntermediateDirectories: true)
        let r2 = try runNightly(date: "2026-11-28", inbox: empty.path("inbox"), out: empty.path("out"))
        XCTAssertTrue(r2.stdout.contains("không phải ngày báo cáo"), r2.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: empty.path("out/exports/2026-11-28")))
    }

    // MARK: 10. The archive

    func testTheArchiveOpensWithTarAndChecksWithSha256sum() throws {
        let run = try SampleRun.get()
        let archive = "\(run.out)/archive/2026/11/2026-11-27.tar.gz"
        let list = try runProcess("/usr/bin/tar", ["-tzf", archive])
        XCTAssertEqual(list.status, 0, "tar -tzf: \(list.stderr)")
        let members = Set(list.stdout.split(separator: "\n").map(String.init))
        XCTAssertTrue(members.contains("MANIFEST.sha256"), "members: \(members.sorted())")
        XCTAssertTrue(members.contains("manifest.json"), "members: \(members.sorted())")
        let dayFiles = try FileManager.default.subpathsOfDirectory(atPath: "\(run.inbox)/2026-11-27")
            .filter { !$0.hasSuffix("/") && ($0.hasSuffix(".csv") || $0.hasSuffix(".json") || $0.hasSuffix(".gz")) }
            .map { "2026-11-27/\($0)" }
        XCTAssertEqual(dayFiles.count, 24, "the sample has 24 files under 2026-11-27/")
        for f in dayFiles { XCTAssertTrue(members.contains(f), "the archive of 2026-11-27 holds \(f)") }
        // Files of bad/ whose rows are dated 2026-11-27 belong to it too (e.g. the unterminated quote's kept rows).
        XCTAssertTrue(members.contains("bad/unterminated_quote.csv"), "members: \(members.sorted())")
        XCTAssertFalse(members.contains("2026-11-26/01/00004.csv"), "another day's file is not in the archive")

        let x = try TempDir("untar")
        let extract = try runProcess("/usr/bin/tar", ["-xzf", archive, "-C", x.url.path])
        XCTAssertEqual(extract.status, 0, "tar -xzf: \(extract.stderr)")
        let check = try runProcess("/usr/bin/sha256sum", ["-c", "MANIFEST.sha256"], cwd: x.url)
        XCTAssertEqual(check.status, 0, "sha256sum -c MANIFEST.sha256:\n\(check.both)")
        for f in dayFiles {
            XCTAssertEqual(FileManager.default.contents(atPath: x.path(f)), FileManager.default.contents(atPath: "\(run.inbox)/\(f)"),
                           "\(f) is archived byte for byte")
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: x.url.appendingPathComponent("manifest.json")))
        XCTAssertEqual((manifest as? [[String: Any]])?.count, members.count - 2, "manifest.json lists every submission")
    }
}

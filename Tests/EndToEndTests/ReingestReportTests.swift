import Foundation
import XCTest

/// Issue #14 item 4: after a registry change, `run` says which dates kept rows may change, `--dry-run --reingest`
/// lists the differences and the files, and `--reingest` says per date what changed.
final class ReingestReportTests: XCTestCase {
    func testARenamedCommuneIsNamedByRunDryRunAndReingest() throws {
        let dir = try TempDir("reingest-report")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        // 2026-11-23/46/19815.csv names its unit only ("An Cựu"): a rename makes its rows unknown_unit.
        let units = dir.path("units.csv")
        let original = try String(contentsOfFile: packageRoot.appendingPathComponent("SampleInputs/registries/units.csv").path, encoding: .utf8)
        XCTAssertTrue(original.contains("19815,Phường An Cựu,"))
        try original.replacingOccurrences(of: "19815,Phường An Cựu,", with: "19815,Phường An Cựu Mới,")
            .write(toFile: units, atomically: true, encoding: .utf8)
        let common = ["--units", units, "--inbox", inbox, "--out", out]

        let plan = try dailyreports(["backfill", "--from", "2026-11-23", "--to", "2026-11-23", "--dry-run", "--reingest"] + common)
        XCTAssertEqual(plan.status, 0, plan.both)
        XCTAssertTrue(plan.stdout.contains("unit 19815: name \"Phường An Cựu\" → \"Phường An Cựu Mới\""), plan.stdout)
        XCTAssertTrue(plan.stdout.contains("kept files to read again ("), plan.stdout)
        XCTAssertTrue(plan.stdout.contains("  2026-11-23/46/19815.csv"), plan.stdout)
        XCTAssertNotNil(plan.stdout.range(of: #"would read 0 new file\(s\) and [1-9]\d* kept file\(s\) again, [0-9.]+ MB"#,
                                          options: .regularExpression), "the kept files count in what it reads: \(plan.stdout)")
        XCTAssertTrue(plan.stdout.contains("estimated time: ~"), "recent runs give a throughput: \(plan.stdout)")

        let run = try dailyreports(["run", "--date", "2026-11-27"] + common)
        XCTAssertEqual(run.status, 0, run.both)
        XCTAssertTrue(run.stdout.contains("the registries changed since the last run (1 unit(s))"), run.stdout)
        XCTAssertTrue(run.stdout.contains("may now normalize differently"), run.stdout)
        XCTAssertTrue(run.stdout.contains("backfill --dry-run --reingest --from 2026-11-23"), run.stdout)

        let r = try dailyreports(["backfill", "--from", "2026-11-23", "--to", "2026-11-23", "--reingest"] + common)
        XCTAssertEqual(r.status, 0, r.both)
        let rejected = try readCSVTable("\(out)/exports/2026-11-23/rejects.csv")
            .filter { $0["file"] == "2026-11-23/46/19815.csv" && $0["reason"] == "unknown_unit" }
        XCTAssertEqual(rejected.count, 16, "every row of the name-only file")
        XCTAssertTrue(r.stdout.contains("2026-11-23: 16 row(s) newly rejected"), r.stdout)
        XCTAssertTrue(r.stdout.contains("16 newly rejected"), r.stdout)
        XCTAssertTrue(r.stdout.contains("left pending 2026-11-24"), "later days are named: \(r.stdout)")
        let restated = try readCSVTable("\(out)/restatements.csv").filter { $0["report_date"] == "2026-11-23" }
        XCTAssertFalse(restated.isEmpty)
        XCTAssertEqual(Set(restated.map { $0["cause"] }), ["reingest"])
        // Nothing is duplicated, nothing lost: rows of the day are the other files' rows.
        let dupes = try sqlite("\(out)/warehouse.sqlite",
                               "SELECT COUNT(*) FROM (SELECT submission_id, line, procedure_code FROM report_rows GROUP BY 1, 2, 3 HAVING COUNT(*) > 1);")
        XCTAssertEqual(dupes.first?.first, "0")
    }

    /// Issue #17 items 1, 5 and 7: the summary line counts the days, summary.json records the version,
    /// and the dry run says how much it would read.
    func testSummaryLineVersionAndDryRunEstimate() throws {
        let dir = try TempDir("summary-line")
        let (out, result) = try ownSampleRun(in: dir)
        XCTAssertTrue(result.stdout.contains("exported 6 days (2025-06-30 … 2026-11-27)"), result.stdout)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/exports/2026-11-27/summary.json")))
        let run = try XCTUnwrap((summary as? [String: Any])?["run"] as? [String: Any])
        XCTAssertTrue((run["version"] as? String)?.hasPrefix("1.") == true, "\(run)")
        let plan = try dailyreports(["backfill", "--from", "2026-11-23", "--to", "2026-11-27", "--dry-run",
                                     "--inbox", sampleInbox.path, "--out", out])
        XCTAssertEqual(plan.status, 0, plan.both)
        XCTAssertNotNil(plan.stdout.range(of: #"would read \d+ new file\(s\), [0-9.]+ MB, ~\d+ row\(s\)"#, options: .regularExpression), plan.stdout)
        XCTAssertTrue(plan.stdout.contains("estimated time: ~"), plan.stdout)
    }

    /// A commune moved to another province changes the provinces' figures with no new data: restated with cause
    /// registry_change (issue #17 item 4).
    func testAMovedCommuneRestatesWithCauseRegistryChange() throws {
        let dir = try TempDir("registry-change")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        let units = dir.path("units.csv")
        let original = try String(contentsOfFile: packageRoot.appendingPathComponent("SampleInputs/registries/units.csv").path, encoding: .utf8)
        XCTAssertTrue(original.contains("00070,Phường Hoàn Kiếm,commune,01,"))
        try original.replacingOccurrences(of: "00070,Phường Hoàn Kiếm,commune,01,", with: "00070,Phường Hoàn Kiếm,commune,46,")
            .write(toFile: units, atomically: true, encoding: .utf8)
        let r = try dailyreports(["run", "--date", "2026-11-27", "--units", units, "--inbox", inbox, "--out", out])
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertTrue(r.stdout.contains("restated 2026-11-27"), r.stdout)
        let restated = try readCSVTable("\(out)/restatements.csv")
        XCTAssertTrue(restated.contains { $0["scope_code"] == "01" && $0["figure"] == "expected_reports" }, "\(restated)")
        XCTAssertEqual(Set(restated.map { $0["cause"] }), ["registry_change"], "\(restated)")
    }
}

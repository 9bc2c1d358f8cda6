import Foundation
import XCTest

/// The checks read their history from the warehouse: winners after supersession, and restated days.
final class CheckHistoryTests: XCTestCase {
    private let header = "report_date,unit_code,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,returned,pending_on_time,pending_overdue,submitted_at\n"

    /// One row of 00070 / 1.000101: received 5, resolved 3, pending as given.
    private func write(_ inbox: String, _ name: String, date: String, pending: Int, submitted: String) throws {
        try (header + "\(date),00070,1.000101,5,0,3,0,0,\(pending),0,\(submitted)\n")
            .write(toFile: "\(inbox)/\(name)", atomically: true, encoding: .utf8)
        try touch("\(inbox)/\(name)", submitted)
    }

    private func balanceFindings(_ out: String, _ date: String) throws -> [String] {
        try readCSVTable("\(out)/exports/\(date)/anomalies.csv").filter { $0["rule"] == "balance_mismatch" }
            .map { "\($0["unit_code"]!) \($0["procedure_code"]!) \($0["value"]!) \($0["expected"]!)" }
    }

    func testASupersededSubmissionIsNotTheHistory() throws {
        let dir = try TempDir("history-supersede")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        // Monday first said pending 20, then corrected it to 10; Tuesday: 10 + 5 = 3 + 12 balances.
        try write(inbox, "mon.csv", date: "2026-11-23", pending: 20, submitted: "2026-11-23T17:00:00+07:00")
        try write(inbox, "mon-fix.csv", date: "2026-11-23", pending: 10, submitted: "2026-11-23T19:00:00+07:00")
        try write(inbox, "tue.csv", date: "2026-11-24", pending: 12, submitted: "2026-11-24T17:00:00+07:00")
        try runNightly(date: "2026-11-24", inbox: inbox, out: out)
        XCTAssertEqual(try balanceFindings(out, "2026-11-24"), [], "the corrected Monday (pending 10) is the history")
    }

    func testARestatedDayIsCheckedAgainByTheDaysAfterIt() throws {
        let dir = try TempDir("history-restate")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try write(inbox, "mon.csv", date: "2026-11-23", pending: 10, submitted: "2026-11-23T17:00:00+07:00")
        try write(inbox, "tue.csv", date: "2026-11-24", pending: 12, submitted: "2026-11-24T17:00:00+07:00")
        try runNightly(date: "2026-11-24", inbox: inbox, out: out)
        XCTAssertEqual(try balanceFindings(out, "2026-11-24"), [], "balanced on Tuesday night")
        // On Wednesday a late correction of Monday arrives (pending 20): Tuesday no longer balances.
        try write(inbox, "mon-late-fix.csv", date: "2026-11-23", pending: 20, submitted: "2026-11-25T15:00:00+07:00")
        try write(inbox, "wed.csv", date: "2026-11-25", pending: 14, submitted: "2026-11-25T17:00:00+07:00")
        try runNightly(date: "2026-11-25", inbox: inbox, out: out)
        XCTAssertEqual(try balanceFindings(out, "2026-11-24"), ["00070 1.000101 12 22"],
                       "Tuesday is checked again against the restated Monday: 20 + 5 − 3 = 22 expected, 12 reported")
        XCTAssertEqual(try balanceFindings(out, "2026-11-25"), [], "Wednesday balances against Tuesday")
        let restated = try readCSVTable("\(out)/restatements.csv").filter { $0["report_date"] == "2026-11-24" && $0["scope_code"] == "VN" }
        XCTAssertTrue(restated.contains { $0["figure"] == "anomalies" && $0["old_value"] == "0" && $0["new_value"] == "1" },
                      "Tuesday's anomaly count is restated: \(restated)")
        // Why, in restatements.csv: Monday by the unit's second file (a correction), Tuesday by Monday's history.
        XCTAssertEqual(Set(restated.map { $0["cause"] }), ["recompute"], "\(restated)")
        let monday = try readCSVTable("\(out)/restatements.csv").filter { $0["report_date"] == "2026-11-23" }
        XCTAssertFalse(monday.isEmpty)
        XCTAssertEqual(Set(monday.map { $0["cause"] }), ["correction"], "\(monday)")
        let runs = Set(try readCSVTable("\(out)/restatements.csv").map { $0["run_id"] })
        XCTAssertEqual(runs, ["2"], "the second run (id 2) restated them")
    }

    /// A backfill that ends before the last exported day leaves the later days pending, and the next
    /// run recomputes them: a correction of Monday changes Tuesday's balance check even when the
    /// backfill only covered Monday.
    func testDaysAfterABackfillRangeAreRecomputedByTheNextRun() throws {
        let dir = try TempDir("history-after-range")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try write(inbox, "mon.csv", date: "2026-11-23", pending: 10, submitted: "2026-11-23T17:00:00+07:00")
        try write(inbox, "tue.csv", date: "2026-11-24", pending: 12, submitted: "2026-11-24T17:00:00+07:00")
        try runNightly(date: "2026-11-24", inbox: inbox, out: out)
        try write(inbox, "mon-late-fix.csv", date: "2026-11-23", pending: 20, submitted: "2026-11-25T15:00:00+07:00")
        let b = try dailyreports(["backfill", "--from", "2026-11-23", "--to", "2026-11-23", "--inbox", inbox, "--out", out])
        XCTAssertEqual(b.status, 0, b.both)
        XCTAssertEqual(try balanceFindings(out, "2026-11-24"), [], "the backfill stopped at Monday: Tuesday not yet recomputed")
        let pending = try sqlite("\(out)/warehouse.sqlite", "SELECT report_date, figures FROM pending_dates ORDER BY 1;")
        XCTAssertEqual(pending, [["2026-11-24", "1"]], "Tuesday is left pending for the next run")
        try runNightly(date: "2026-11-24", inbox: inbox, out: out)
        XCTAssertEqual(try balanceFindings(out, "2026-11-24"), ["00070 1.000101 12 22"], "the next run recomputed Tuesday")
    }
}

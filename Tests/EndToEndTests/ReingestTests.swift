import Foundation
import XCTest

/// `backfill --reingest` after a registry correction: the kept raw files are normalized again.
final class ReingestTests: XCTestCase {
    func testARegistryCorrectionIsAppliedToTheRangeAndRecordedAsRestatements() throws {
        let dir = try TempDir("reingest")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        let before = try readCSVTable("\(out)/exports/2026-11-27/rejects.csv")
        XCTAssertTrue(before.contains { $0["file"] == "2026-11-27/01/00235.csv" && $0["reason"] == "unknown_procedure" },
                      "the sample rejects 00235's row with procedure 1.999999")

        // The correction: procedure 1.999999 is added to the registry.
        let procedures = try editedSampleRegistry("procedures.csv", in: dir) { $0 + "1.999999,Thủ tục bổ sung,Khác,commune,false,5\n" }

        let r = try dailyreports(["backfill", "--from", "2026-11-23", "--to", "2026-11-27", "--reingest",
                                  "--procedures", procedures, "--inbox", inbox, "--out", out])
        XCTAssertEqual(r.status, 0, r.both)
        let after = try readCSVTable("\(out)/exports/2026-11-27/rejects.csv")
        XCTAssertFalse(after.contains { $0["file"] == "2026-11-27/01/00235.csv" }, "00235's row is accepted after the correction")
        XCTAssertEqual(after.count, before.count - 1 - 1,
                       "two rows with 1.999999 and no other fault are now accepted (00235 line 18, bad/unknown_procedure.csv line 2)")
        let procedureRow = try readCSVTable("\(out)/exports/2026-11-27/procedure_summary.csv").first { $0["procedure_code"] == "1.999999" }
        XCTAssertEqual(procedureRow?["units_reporting"], "2")
        // Figures already published changed: recorded as restatements, outside exports/D.
        let restatements = try readCSVTable("\(out)/restatements.csv")
        XCTAssertTrue(restatements.contains { $0["report_date"] == "2026-11-27" && $0["scope_code"] == "VN" && $0["figure"] == "received_online" },
                      "restatements.csv records the national received_online change: \(restatements)")
        // No row is duplicated by re-ingestion: the warehouse holds one row per (file, line).
        let dupes = try sqlite("\(out)/warehouse.sqlite",
                               "SELECT COUNT(*) FROM (SELECT submission_id, line, procedure_code FROM report_rows GROUP BY 1, 2, 3 HAVING COUNT(*) > 1);")
        XCTAssertEqual(dupes.first?.first, "0")
    }
}

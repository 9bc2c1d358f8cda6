import Foundation
import XCTest

/// Where rows and rejects land when their date is not a report day, or cannot be read (contract §2–3).
final class ReportingWindowTests: XCTestCase {
    func testNonReportDaysAndUndatedRejectsLandInTheReportingWindow() throws {
        let dir = try TempDir("window")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let header = "report_date,unit_code,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,returned,pending_on_time,pending_overdue,submitted_at\n"
        // A Saturday row (kept, in no export), a Saturday row with a bad count (shown with Monday),
        // a row whose date can't be read, in a file received on Saturday after Friday's deadline (Monday's window).
        try (header
             + "2026-11-28,00070,1.000101,1,0,1,0,0,0,0,2026-11-28T09:00:00+07:00\n"
             + "2026-11-28,00070,1.000102,x,0,1,0,0,0,0,2026-11-28T09:00:00+07:00\n"
             + "hôm nay,00070,1.000103,1,0,1,0,0,0,0,2026-11-28T09:00:00+07:00\n")
            .write(toFile: inbox + "/saturday.csv", atomically: true, encoding: .utf8)
        try touch(inbox + "/saturday.csv", "2026-11-28T11:00:00+07:00")
        // Received Saturday 09:00, before Friday's deadline (Saturday 10:00): Friday's window.
        try (header + "hôm qua,00070,1.000103,1,0,1,0,0,0,0,2026-11-28T09:00:00+07:00\n")
            .write(toFile: inbox + "/early.csv", atomically: true, encoding: .utf8)
        try touch(inbox + "/early.csv", "2026-11-28T09:00:00+07:00")
        // An unreadable file received on Friday evening belongs to Friday's window (deadline Saturday 10:00).
        try Data([0x81, 0x8D, 0x90, 0x0A]).write(to: URL(fileURLWithPath: inbox + "/friday-bad.csv"))
        try touch(inbox + "/friday-bad.csv", "2026-11-27T21:00:00+07:00")

        let r = try dailyreports(["run", "--date", "2026-11-30", "--inbox", inbox, "--out", out])
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/exports/2026-11-28"), "no export for a Saturday")
        let monday = try readCSVTable(out + "/exports/2026-11-30/rejects.csv").map { "\($0["file"]!):\($0["line"]!):\($0["reason"]!)" }
        XCTAssertEqual(monday, ["saturday.csv:3:bad_count", "saturday.csv:4:bad_date"])
        let friday = try readCSVTable(out + "/exports/2026-11-27/rejects.csv").map { "\($0["file"]!):\($0["line"]!):\($0["reason"]!)" }
        XCTAssertEqual(friday, ["early.csv:2:bad_date", "friday-bad.csv:0:unreadable_encoding"])
        // The Saturday row is accepted and kept in the warehouse, and counts in no daily export.
        let kept = try sqlite(out + "/warehouse.sqlite", "SELECT COUNT(*) FROM report_rows WHERE report_date = '2026-11-28';")
        XCTAssertEqual(kept.first?.first, "1")
        let vn = try readCSVTable(out + "/exports/2026-11-30/national_summary.csv").first
        XCTAssertEqual(vn?["received_online"], "0")
        // Both files are in the archive of the date they belong to.
        let sat = try runProcess("/bin/tar", ["-tzf", out + "/archive/2026/11/2026-11-28.tar.gz"])
        XCTAssertTrue(sat.stdout.contains("saturday.csv"), sat.both)
        let fri = try runProcess("/bin/tar", ["-tzf", out + "/archive/2026/11/2026-11-27.tar.gz"])
        XCTAssertTrue(fri.stdout.contains("friday-bad.csv"), fri.both)
    }
}

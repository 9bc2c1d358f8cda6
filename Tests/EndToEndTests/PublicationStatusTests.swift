import Foundation
import XCTest

/// Contract §3 "Publication status": a date's exports are provisional when written before its deadline, final after.
final class PublicationStatusTests: XCTestCase {
    func summary(_ out: String, _ date: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(out)/exports/\(date)/summary.json"))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func html(_ out: String, _ date: String) throws -> String {
        try String(contentsOfFile: "\(out)/exports/\(date)/report.html", encoding: .utf8)
    }

    /// Two simulated nights of 2026-11-26 (deadline 2026-11-27 10:00 +07:00): a 02:30 preview sees Hà Nội's files
    /// only and says provisional; more files arrive; the 10:30 run says final, with the new figures.
    func testAPreviewBeforeTheDeadlineIsProvisionalAndTheRunAfterItFinal() throws {
        let dir = try TempDir("publication")
        let staged = dir.path("staged"), inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(staged)
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        for day in ["2026-11-23", "2026-11-24", "2026-11-25"] { try copyFolder("\(staged)/\(day)", to: "\(inbox)/\(day)") }
        try FileManager.default.createDirectory(atPath: "\(inbox)/2026-11-26", withIntermediateDirectories: true)
        try copyFolder("\(staged)/2026-11-26/01", to: "\(inbox)/2026-11-26/01")

        let preview = try dailyreports(["run", "--date", "2026-11-26", "--inbox", inbox, "--out", out,
                                        "--now", "2026-11-27T02:30:00+07:00"])
        XCTAssertEqual(preview.status, 0, preview.both)
        XCTAssertTrue(preview.stdout.contains("tạm tính (chạy trước hạn nộp): 2026-11-26"), preview.stdout)
        XCTAssertEqual(try summary(out, "2026-11-26")["publication"] as? String, "provisional")
        // The earlier days' deadlines had passed when the preview started.
        XCTAssertEqual(try summary(out, "2026-11-25")["publication"] as? String, "final")
        XCTAssertTrue(try html(out, "2026-11-26").contains("SỐ LIỆU TẠM THỜI"), "the page says the figures are provisional")
        XCTAssertFalse(try html(out, "2026-11-25").contains("SỐ LIỆU TẠM THỜI"))
        let missingBefore = try readCSVTable("\(out)/exports/2026-11-26/missing_reports.csv").count

        for province in ["46", "79"] { try copyFolder("\(staged)/2026-11-26/\(province)", to: "\(inbox)/2026-11-26/\(province)") }
        let final = try dailyreports(["run", "--date", "2026-11-26", "--inbox", inbox, "--out", out,
                                      "--now", "2026-11-27T10:30:00+07:00"])
        XCTAssertEqual(final.status, 0, final.both)
        XCTAssertFalse(final.stdout.contains("tạm tính"), final.stdout)
        let s = try summary(out, "2026-11-26")
        XCTAssertEqual(s["publication"] as? String, "final")
        XCTAssertEqual((s["run"] as? [String: Any])?["startedAt"] as? String, "2026-11-27T10:30:00+07:00",
                       "--now sets the run's clock")
        let page = try html(out, "2026-11-26")
        XCTAssertFalse(page.contains("SỐ LIỆU TẠM THỜI"))
        XCTAssertTrue(page.contains("Số liệu chính thức"), "the page says the figures are final")
        let missingAfter = try readCSVTable("\(out)/exports/2026-11-26/missing_reports.csv").count
        XCTAssertEqual(missingBefore - missingAfter, 16, "Huế's and Hồ Chí Minh City's 16 reporting units are no longer missing")
    }

    func testNowMustBeATime() throws {
        let dir = try TempDir("publication-bad")
        let r = try dailyreports(["run", "--date", "2026-11-26", "--inbox", dir.path("inbox"), "--out", dir.path("out"),
                                  "--now", "tomorrow"])
        XCTAssertEqual(r.status, 64, r.both)
        XCTAssertTrue(r.stderr.contains("--now"), r.stderr)
    }
}

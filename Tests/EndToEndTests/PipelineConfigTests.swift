import Foundation
import ReportPipeline
import XCTest

/// The pipeline file a data officer edits: paths relative to it, flags over it, mistakes named.
final class PipelineConfigTests: XCTestCase {
    func testThePipelineFileIsReadWithPathsRelativeToIt() throws {
        let c = try PipelineConfig.load(path: packageRoot.appendingPathComponent(PipelineConfig.defaultPath).path)
        XCTAssertEqual(c.units, packageRoot.appendingPathComponent("SampleInputs/registries/units.csv").path)
        XCTAssertEqual(c.deadline, .standard)
        XCTAssertEqual(c.sizeLimit, 64 << 20)
        XCTAssertEqual(c.checks.outlierWindow, 28)
        XCTAssertEqual(c.checks.outlierThreshold, 3.5)
    }

    func testAMisspeltSettingIsAUsageErrorThatNamesIt() throws {
        let dir = try TempDir("pipeline")
        let file = dir.path("p.yaml")
        try "registries:\n  units: u.csv\nchecks:\n  outlier:\n    treshold: 4\n".write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PipelineConfig.load(path: file)) { error in
            let e = error as? ReportError
            XCTAssertEqual(e?.code, .usage)
            XCTAssertTrue(e?.message.contains("\"treshold\" under checks.outlier") ?? false, "\(String(describing: e))")
            XCTAssertTrue(e?.message.contains("threshold") ?? false, "the message lists the right names")
        }
        let r = try dailyreports(["run", "--date", "2026-11-27", "--pipeline", file])
        XCTAssertEqual(r.status, 64, r.both)
    }

    func testABadDeadlineIsAUsageError() throws {
        let dir = try TempDir("pipeline")
        let file = dir.path("p.yaml")
        try "registries:\n  units: u.csv\ndeadline: \"25:00\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PipelineConfig.load(path: file)) { XCTAssertEqual(($0 as? ReportError)?.code, .usage) }
    }

    /// `--reject-unregistered-reporter` turns the check into the row reject (contract §2, "The reporter").
    func testTheUnregisteredReporterFlagTurnsTheCheckIntoARowReject() throws {
        let dir = try TempDir("reporter-flag")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out, "--reject-unregistered-reporter"])
        XCTAssertEqual(r.status, 0, r.both)
        var rejected: [String] = []
        for date in try exportedDates(out) {
            rejected += try readCSVTable("\(out)/exports/\(date)/rejects.csv").filter { $0["reason"] == "unregistered_reporter" }
                .map { "\(date) \($0["file"]!)" }
        }
        // MANIFEST: two submissions come from reporters who are not contact points (00070 on 11-23, 26824 on 11-24).
        XCTAssertTrue(rejected.contains { $0.hasPrefix("2026-11-23") }, "\(rejected)")
        XCTAssertTrue(rejected.contains { $0.hasPrefix("2026-11-24") }, "\(rejected)")
        var findings: [String] = []
        for date in try exportedDates(out) {
            findings += try readCSVTable("\(out)/exports/\(date)/anomalies.csv").filter { $0["rule"] == "unregistered_reporter" }
                .map { $0["unit_code"]! }
        }
        XCTAssertEqual(findings, [], "rejected rows are no longer findings")
    }
}

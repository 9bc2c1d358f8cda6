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
}

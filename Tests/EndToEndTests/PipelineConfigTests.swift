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

    /// A data officer's usual slips in the file are explained in Vietnamese with the line or setting and the fix;
    /// before, a tab gave the YAML parser's English text and a word for a number "The data isn't in the correct format".
    func testTabsSyntaxSlipsAndWrongValuesAreExplainedWithTheirPlace() throws {
        let dir = try TempDir("pipeline")
        let file = dir.path("p.yaml")
        func message(_ yaml: String) throws -> String {
            try yaml.write(toFile: file, atomically: true, encoding: .utf8)
            do {
                _ = try PipelineConfig.load(path: file)
                XCTFail("\(yaml) was accepted")
                return ""
            } catch {
                XCTAssertEqual(error.code, .usage)
                XCTAssertNil(error.cause, "no parser text is shown: \(error.rendered(.vi))")
                return error.rendered(.vi)
            }
        }
        let reg = "registries:\n  units: u.csv\n"
        XCTAssertEqual(try message(reg + "checks:\n  outlier:\n\twindow: 3\n"),
                       "\(file):5: dòng 5 thụt lề bằng ký tự tab; YAML chỉ nhận dấu cách: hãy thay tab bằng dấu cách")
        XCTAssertEqual(try message(reg + "size_limit_mib: nhiều\n"),
                       "\(file): size_limit_mib: \"nhiều\" không phải một số nguyên; hãy ghi một số nguyên, ví dụ 64")
        XCTAssertEqual(try message(reg + "checks:\n  outlier:\n    threshold: cao\n"),
                       "\(file): checks.outlier.threshold: \"cao\" không phải một số; hãy ghi một số, ví dụ 3.5 (dấu chấm thập phân)")
        XCTAssertEqual(try message(reg + "reject_unregistered_reporter: có\n"),
                       "\(file): reject_unregistered_reporter: \"có\" không phải true hay false; hãy ghi true hoặc false")
        XCTAssertTrue(try message(reg + "deadline: \"10:00\n").hasPrefix("\(file):3: dòng 3 hoặc dòng ngay trên nó không đúng cú pháp YAML («deadline: \"10:00»)"))
        XCTAssertEqual(try message(reg + "deadline: \"10:00\"\ndeadline: \"11:00\"\n"),
                       "\(file):3: thiết lập deadline được ghi hơn một lần; hãy giữ một dòng cho mỗi thiết lập")
        XCTAssertEqual(try message("inbox: x\n"),
                       "\(file): thiếu thiết lập registries; hãy thêm như trong Pipelines/national-daily.yaml")
        XCTAssertTrue(try message(reg + "checks:\n  outliers:\n    window: 3\n").contains("\"outliers\" trong mục checks không có"),
                      "no English inside the Vietnamese text")
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

import Foundation
import XCTest

/// Text a person reads is Vietnamese by default; `--lang en` or the pipeline file's `language: en` gives English.
final class MessageLanguageTests: XCTestCase {
    /// A pipeline file naming the sample registries, `out` and `language: en`.
    func englishPipeline(in dir: TempDir, out: String) throws -> String {
        try samplePipelineFile(in: dir, name: "english.yaml", settings: "output: \(out)\nlanguage: en")
    }

    func testArchiveVerifySaysAllMatchInVietnameseUnlessEnglishIsAsked() throws {
        let s = try SampleRun.get()
        let vi = try dailyreports(["archive", "verify", "--out", s.out, "--date", "2026-11-25"])
        XCTAssertEqual(vi.status, 0, vi.both)
        XCTAssertNotNil(vi.stdout.range(of: #"^1 tệp lưu trữ, \d+ tệp bên trong, \d+ bản lưu gốc: tất cả đều khớp\n$"#,
                                        options: .regularExpression), vi.stdout)
        let en = try dailyreports(["archive", "verify", "--out", s.out, "--date", "2026-11-25", "--lang", "en"])
        XCTAssertEqual(en.status, 0, en.both)
        XCTAssertNotNil(en.stdout.range(of: #"^1 archive\(s\), \d+ member\(s\), \d+ kept raw copy\(ies\): all match\n$"#,
                                        options: .regularExpression), en.stdout)
        let dir = try TempDir("verify-lang")
        let byFile = try dailyreports(["archive", "verify", "--pipeline", try englishPipeline(in: dir, out: s.out), "--date", "2026-11-25"])
        XCTAssertEqual(byFile.stdout, en.stdout, "the pipeline file's language: en")
        let bad = try dailyreports(["archive", "verify", "--out", s.out, "--lang", "fr"])
        XCTAssertEqual(bad.status, 64, bad.both)
    }

    func testArchiveVerifyNamesAMissingArchiveInVietnamese() throws {
        let s = try SampleRun.get()
        let dir = try TempDir("verify-missing")
        let out = dir.path("out")
        try copyFolder(s.out, to: out)
        try FileManager.default.removeItem(atPath: "\(out)/archive/2026/11/2026-11-26.tar.gz")
        let vi = try dailyreports(["archive", "verify", "--out", out, "--date", "2026-11-26"])
        XCTAssertEqual(vi.status, 65, vi.both)
        XCTAssertTrue(vi.stderr.contains("không có tệp lưu trữ của ngày 2026-11-26; hãy khôi phục nó từ bản sao lưu"), vi.stderr)
        let en = try dailyreports(["archive", "verify", "--out", out, "--date", "2026-11-26", "--lang", "en"])
        XCTAssertTrue(en.stderr.contains("the archive of 2026-11-26 is missing"), en.stderr)
        let none = try dailyreports(["archive", "verify", "--out", dir.path("nowhere")])
        XCTAssertEqual(none.status, 64, none.both)
        XCTAssertTrue(none.stderr.contains("không có kho dữ liệu trong"), none.stderr)
    }

    /// `publish` reads the pipeline file's language like the other commands (it used to speak Vietnamese).
    func testPublishSpeaksThePipelineFilesLanguage() throws {
        let dir = try TempDir("publish-lang")
        let pipeline = try englishPipeline(in: dir, out: dir.path("out"))
        let en = try dailyreports(["publish", "--pipeline", pipeline])
        XCTAssertEqual(en.status, 64, en.both)
        XCTAssertTrue(en.stderr.contains("no PostgreSQL to publish to; give --postgres URL"), en.stderr)
        let vi = try dailyreports(["publish", "--pipeline", pipeline, "--lang", "vi"])
        XCTAssertTrue(vi.stderr.contains("chưa có PostgreSQL để công bố"), vi.stderr)
        let noWarehouse = try dailyreports(["publish", "--pipeline", pipeline, "--postgres", "postgresql://nobody@127.0.0.1:1/x"])
        XCTAssertEqual(noWarehouse.status, 64, noWarehouse.both)
        XCTAssertTrue(noWarehouse.stderr.contains("there is no warehouse in"), noWarehouse.stderr)
    }

    func testReportSaysWhatItWroteInVietnamese() throws {
        let s = try SampleRun.get()
        let dir = try TempDir("report-lang")
        let out = dir.path("out")
        try copyFolder(s.out, to: out)
        let vi = try dailyreports(["report", "--from", "2026-11-24", "--to", "2026-11-27", "--out", out])
        XCTAssertEqual(vi.status, 0, vi.both)
        XCTAssertTrue(vi.stdout.hasPrefix("2026-11-24_2026-11-27: 4 ngày báo cáo, 2026-11-24 … 2026-11-27 → "), vi.stdout)
        let en = try dailyreports(["report", "--from", "2026-11-24", "--to", "2026-11-27", "--out", out, "--lang", "en"])
        XCTAssertTrue(en.stdout.hasPrefix("2026-11-24_2026-11-27: 4 report day(s), 2026-11-24 … 2026-11-27 → "), en.stdout)
    }

    /// `status` on a warehouse it cannot read: the reason is in the language asked for (it was always Vietnamese).
    func testStatusExplainsAnUnreadableWarehouseInTheLanguageAsked() throws {
        let dir = try TempDir("status-lang")
        try FileManager.default.createDirectory(atPath: dir.path("out"), withIntermediateDirectories: true)
        try "not a database\n".write(toFile: dir.path("out/warehouse.sqlite"), atomically: true, encoding: .utf8)
        let vi = try dailyreports(["status", "--out", dir.path("out")])
        XCTAssertEqual(vi.status, 0, vi.both)
        XCTAssertTrue(vi.stdout.contains("Không đọc được kho dữ liệu: \(dir.path("out/warehouse.sqlite")): kho dữ liệu bị hỏng"), vi.stdout)
        let en = try dailyreports(["status", "--out", dir.path("out"), "--lang", "en"])
        XCTAssertTrue(en.stdout.contains("The warehouse could not be read: \(dir.path("out/warehouse.sqlite")): the warehouse is damaged"),
                      en.stdout)
    }

    func testScriptsCronRefusesABadTimeInVietnamese() throws {
        let cron = packageRoot.appendingPathComponent("scripts/cron").path
        let vi = try runProcess("/bin/bash", [cron, "--print", "--time", "25:00"])
        XCTAssertEqual(vi.status, 64, vi.both)
        XCTAssertEqual(vi.stderr, "scripts/cron: \"25:00\" không có dạng HH:MM; hãy ghi ví dụ --time 10:30 (giờ Việt Nam)\n")
        let en = try runProcess("/bin/bash", [cron, "--print", "--time", "25:00", "--lang", "en"])
        XCTAssertEqual(en.stderr, "scripts/cron: \"25:00\" is not HH:MM; write e.g. --time 10:30 (Vietnam time)\n")
    }

    /// A command line the parser refuses: its sentences in Vietnamese (they were English), still exit 64.
    func testACommandLineThatDoesNotParseIsExplainedInVietnamese() throws {
        let missing = try dailyreports(["run"])
        XCTAssertEqual(missing.status, 64, missing.both)
        XCTAssertTrue(missing.stderr.hasPrefix("Lỗi: thiếu tham số bắt buộc '--date <date>'\n"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("Cách dùng: dailyreports run [<options>] --date <date>\n"), missing.stderr)
        XCTAssertTrue(missing.stderr.hasSuffix("  Xem 'dailyreports run --help' để biết thêm.\n"), missing.stderr)
        let typo = try dailyreports(["run", "--date", "2026-11-27", "--bogus"])
        XCTAssertEqual(typo.status, 64, typo.both)
        XCTAssertTrue(typo.stderr.hasPrefix("Lỗi: không có tuỳ chọn '--bogus'; có phải là '--out'?\n"), typo.stderr)
        let value = try dailyreports(["report", "--outlier-window", "abc"])
        XCTAssertTrue(value.stderr.hasPrefix("Lỗi: giá trị 'abc' không hợp lệ cho '--outlier-window <outlier-window>'\n"), value.stderr)
        let en = try dailyreports(["run", "--lang", "en"])
        XCTAssertEqual(en.status, 64, en.both)
        XCTAssertTrue(en.stderr.hasPrefix("Error: Missing expected argument '--date <date>'\n"), en.stderr)
        let help = try dailyreports(["run", "--help"])
        XCTAssertEqual(help.status, 0, help.both)
        XCTAssertTrue(help.stdout.hasPrefix("OVERVIEW: The nightly job"), "help stays as it is: \(help.stdout)")
    }

    func testABadNowIsExplainedInVietnamese() throws {
        let dir = try TempDir("now-lang")
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", dir.path("inbox"), "--out", dir.path("out"),
                                  "--now", "yesterday"])
        XCTAssertEqual(r.status, 64, r.both)
        XCTAssertTrue(r.stderr.contains("--now \"yesterday\" không phải là một thời điểm"), r.stderr)
    }
}

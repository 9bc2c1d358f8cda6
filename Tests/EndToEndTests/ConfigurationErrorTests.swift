import Foundation
import ReportPipeline
import XCTest

/// Contract §7 "Configuration is checked": every configuration mistake is a usage error (64) naming file and line,
/// Vietnamese by default, English with `--lang en`; nothing is exported.
final class ConfigurationErrorTests: XCTestCase {
    let registries = packageRoot.appendingPathComponent("SampleInputs/registries")

    /// A copy of the sample registry `name` with `extra` lines appended, in `dir`.
    func registry(_ name: String, appending extra: String, in dir: TempDir) throws -> String {
        let path = dir.path(name)
        var text = try String(contentsOf: registries.appendingPathComponent(name), encoding: .utf8)
        text += extra
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The line number the appended line gets: the sample's lines + 1.
    func lastLine(_ name: String) throws -> Int {
        try String(contentsOf: registries.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").count + 1
    }

    /// Runs `run --date 2026-11-27` with `flags` and checks exit 64, `file:line` and the words of the message.
    func assertUsageError(_ flags: [String], names location: String, vi: String, en: String, in dir: TempDir,
                          file: StaticString = #filePath, line: UInt = #line) throws {
        for (lang, words) in [([String](), vi), (["--lang", "en"], en)] {
            let out = dir.path("out-\(lang.count)")
            let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", sampleInbox.path, "--out", out] + flags + lang)
            XCTAssertEqual(r.status, 64, r.both, file: file, line: line)
            XCTAssertTrue(r.stderr.contains(location), "names \(location): \(r.stderr)", file: file, line: line)
            XCTAssertTrue(r.stderr.contains(words), "says \"\(words)\": \(r.stderr)", file: file, line: line)
            XCTAssertFalse(r.stderr.contains("UNIQUE") || r.stderr.contains("internal") || r.stderr.contains("nội bộ"),
                           "no raw SQLite text, no internal error: \(r.stderr)", file: file, line: line)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/exports"), "nothing exported", file: file, line: line)
        }
    }

    /// An inbox path that is no folder (a typo) is refused before the output folder gets a warehouse.
    func testAnInboxThatIsNoFolderIsRefusedBeforeAWarehouseIsMade() throws {
        let dir = try TempDir("no-inbox")
        let out = dir.path("out")
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", dir.path("hop-thu"), "--out", out])
        XCTAssertEqual(r.status, 64, r.both)
        XCTAssertTrue(r.stderr.contains("hộp thư đến \(dir.path("hop-thu")) không phải là thư mục"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(out)/warehouse.sqlite"), "no warehouse made for a run refused")
        XCTAssertTrue(try String(contentsOfFile: "\(out)/run-log.jsonl", encoding: .utf8).contains("\"exit_code\":64"),
                      "the invocation is still on record")
    }

    func testADuplicateProcedureCodeIsAUsageErrorNotAUniqueConstraint() throws {
        let dir = try TempDir("dup-procedure")
        let p = try registry("procedures.csv", appending: "1.000101,Đăng ký khai sinh lần nữa,Hộ tịch,commune,true,1\n", in: dir)
        try assertUsageError(["--procedures", p], names: "procedures.csv:\(try lastLine("procedures.csv"))",
                             vi: "mã thủ tục 1.000101 đã có ở dòng 2", en: "procedure code 1.000101 is already on line 2", in: dir)
    }

    func testADuplicateUnitCodeForOverlappingDatesIsAUsageError() throws {
        let dir = try TempDir("dup-unit")
        let u = try registry("units.csv", appending: "00070,Phường Hoàn Kiếm Mới,commune,01,phường,,2026-01-01,\n", in: dir)
        try assertUsageError(["--units", u], names: "units.csv:\(try lastLine("units.csv"))",
                             vi: "mã đơn vị 00070 đã có ở dòng", en: "unit code 00070 is already on line", in: dir)
    }

    /// A code may come back on a later row for dates that do not overlap (a renamed unit): that is no mistake.
    func testAUnitCodeRepeatedForLaterDatesIsAccepted() throws {
        let dir = try TempDir("unit-later")
        var text = try String(contentsOf: registries.appendingPathComponent("units.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "00070,Phường Hoàn Kiếm,commune,01,phường,,2025-07-01,\n",
                                         with: "00070,Phường Hoàn Kiếm,commune,01,phường,,2025-07-01,2026-06-30\n")
        text += "00070,Phường Hoàn Kiếm Mới,commune,01,phường,Phường Hoàn Kiếm,2026-07-01,\n"
        let u = dir.path("units.csv")
        try text.write(toFile: u, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir.path("inbox"), withIntermediateDirectories: true)
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", dir.path("inbox"), "--out", dir.path("out"), "--units", u])
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertFalse(r.stderr.contains("00070"), r.stderr)
    }

    func testAUnitRowWithThreeFieldsIsAUsageError() throws {
        let dir = try TempDir("short-row")
        let u = try registry("units.csv", appending: "99999,Xã Thử,commune\n", in: dir)
        try assertUsageError(["--units", u], names: "units.csv:\(try lastLine("units.csv"))",
                             vi: "dòng có 3 trường nhưng tiêu đề có 8", en: "the row has 3 fields but the header 8", in: dir)
    }

    /// A registry kept in Excel and given as the workbook itself: said so, with the way to save a CSV. Before, the
    /// message named a NUL byte and told to save "as CSV UTF-8 or .xlsx", which a registry is not read from.
    func testARegistryGivenAsAnExcelWorkbookIsExplained() throws {
        let dir = try TempDir("registry-xlsx")
        let u = dir.path("units.xlsx")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]).write(to: URL(fileURLWithPath: u))
        try assertUsageError(["--units", u], names: "units.xlsx", vi: "tệp danh mục là sổ tính Excel, không phải CSV; hãy mở trong Excel "
                                 + "và lưu lại dưới dạng CSV UTF-8", en: "the registry file is an Excel workbook, not a CSV", in: dir)
        let binary = dir.path("units.csv")
        try Data("code,name\n\u{0}\u{1}x\n".utf8).write(to: URL(fileURLWithPath: binary))
        try assertUsageError(["--units", binary], names: "units.csv", vi: "không giải mã được tệp danh mục (có byte NUL",
                             en: "the registry file cannot be decoded (NUL byte", in: dir)
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", sampleInbox.path, "--out", dir.path("o"), "--units", binary])
        XCTAssertFalse(r.stderr.contains(".xlsx"), "no advice to send a workbook: \(r.stderr)")
    }

    func testAnEmptyRequiredFieldIsAUsageError() throws {
        let dir = try TempDir("empty-field")
        let u = try registry("units.csv", appending: "99999,,commune,01,xã,,2025-07-01,\n", in: dir)
        try assertUsageError(["--units", u], names: "units.csv:\(try lastLine("units.csv"))",
                             vi: "trường name đang trống", en: "the name field is empty", in: dir)
    }

    func testAUnitWhoseParentIsUnknownIsAUsageError() throws {
        let dir = try TempDir("unknown-parent")
        let u = try registry("units.csv", appending: "99999,Xã Thử,commune,77,xã,,2025-07-01,\n", in: dir)
        try assertUsageError(["--units", u], names: "units.csv:\(try lastLine("units.csv"))",
                             vi: "parent_code 77 của 99999 không phải mã tỉnh", en: "parent_code 77 of 99999 is no province", in: dir)
    }

    func testACalendarKindOtherThanHolidayOrWorkdayIsAUsageError() throws {
        let dir = try TempDir("festival")
        let c = try registry("calendar.csv", appending: "2026-12-24,Giáng sinh,festival\n", in: dir)
        try assertUsageError(["--calendar", c], names: "calendar.csv:\(try lastLine("calendar.csv"))",
                             vi: "loại ngày \"festival\"", en: "calendar kind \"festival\" is neither holiday nor workday", in: dir)
    }

    func testASizeLimitBelowOneMiBIsAUsageError() throws {
        let dir = try TempDir("size-limit")
        try assertUsageError(["--size-limit-mib", "0"], names: "--size-limit-mib", vi: "dưới 1 MiB", en: "below 1 MiB", in: dir)
        // The same in the pipeline file names the file.
        let pipeline = dir.path("p.yaml")
        let sample = try String(contentsOf: packageRoot.appendingPathComponent(PipelineConfig.defaultPath), encoding: .utf8)
            .replacingOccurrences(of: "../SampleInputs", with: packageRoot.appendingPathComponent("SampleInputs").path)
            .replacingOccurrences(of: "size_limit_mib: 64", with: "size_limit_mib: 0")
        try sample.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let r = try dailyreports(["run", "--date", "2026-11-27", "--pipeline", pipeline, "--out", dir.path("out")])
        XCTAssertEqual(r.status, 64, r.both)
        XCTAssertTrue(r.stderr.contains("p.yaml") && r.stderr.contains("size_limit_mib"), r.stderr)
    }

    /// Contract §7 and issue #14: a report date after today (+07:00) is a usage error, not 46 empty days.
    func testAReportDateAfterTodayIsAUsageError() throws {
        let dir = try TempDir("future")
        let tomorrow = Timestamp(seconds: Int64(Date().timeIntervalSince1970)).vietnamDay.adding(days: 1).iso
        for date in ["2099-01-05", tomorrow] {
            let out = dir.path("out-\(date)")
            let r = try dailyreports(["run", "--date", date, "--inbox", sampleInbox.path, "--out", out])
            XCTAssertEqual(r.status, 64, r.both)
            XCTAssertTrue(r.stderr.contains("--date \(date) là sau hôm nay"), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written")
        }
        let b = try dailyreports(["backfill", "--from", "2026-11-23", "--to", "2099-01-05", "--lang", "en",
                                  "--inbox", sampleInbox.path, "--out", dir.path("out-b")])
        XCTAssertEqual(b.status, 64, b.both)
        XCTAssertTrue(b.stderr.contains("--to 2099-01-05 is after today"), b.stderr)
        // Today is the run's clock: with --now, a date after its day is refused too (before, it was published as a
        // provisional day with every unit missing).
        let n = try dailyreports(["run", "--date", "2026-11-25", "--now", "2026-11-24T11:00:00+07:00",
                                  "--inbox", sampleInbox.path, "--out", dir.path("out-now")])
        XCTAssertEqual(n.status, 64, n.both)
        XCTAssertTrue(n.stderr.contains("--date 2026-11-25 là sau hôm nay (2026-11-24, giờ Việt Nam)"), n.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("out-now")), "nothing written")
    }
}

import Foundation
import XCTest

/// `validate` as a commune officer runs it: outside the project folder, on Excel workbooks made by openpyxl.
final class ValidateOfficerTests: XCTestCase {
    let fixtures = packageRoot.appendingPathComponent("Tests/ReportIngestTests/Fixtures/xlsx")

    func validate(_ names: [String], _ flags: [String] = []) throws -> ProcessResult {
        let dir = try TempDir("officer")
        let r = try runProcess(try binary(), ["validate"] + flags + names.map { fixtures.appendingPathComponent($0).path }, cwd: dir.url)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.url.path), [], "validate wrote nothing")
        return r
    }

    func lines(_ r: ProcessResult) -> [String] {
        r.stdout.replacingOccurrences(of: fixtures.path + "/", with: "").split(separator: "\n").map(String.init)
    }

    func testTemplateWorkbookOutsideTheProjectUsesTheBuiltInRegistries() throws {
        let r = try validate(["template.xlsx"])
        XCTAssertEqual(r.status, 65, r.both)
        let out = lines(r)
        XCTAssertTrue(out[0].hasPrefix("Dùng danh mục có sẵn trong chương trình (SampleInputs/registries/"), out[0])
        XCTAssertTrue(out.contains("template.xlsx:1: cảnh báo: dòng 1–2 nằm trên dòng tiêu đề cột (dòng 4) và được bỏ qua như tiêu đề của mẫu"), r.stdout)
        XCTAssertTrue(out.contains { $0.hasPrefix("template.xlsx:9: missing_field: ô \"Mã thủ tục\" (procedure_code) trống") }, r.stdout)
        XCTAssertTrue(out.contains("  - 00070 Phường Hoàn Kiếm, ngày 2026-11-27 (Thứ Sáu): 3 thủ tục; tiếp nhận 9 (trực tuyến 4), giải quyết 4 (quá hạn 0), trả lại 0, đang xử lý 6 (quá hạn 0)"), r.stdout)
        XCTAssertEqual(out.last, "Tổng cộng: nhận 3 dòng, từ chối 1, 1 cảnh báo")
    }

    func testWarningsRejectNothing() throws {
        let r = try validate(["warnings.xlsx"])
        let out = lines(r)
        XCTAssertTrue(out.contains("warnings.xlsx:2: cảnh báo: ngày 2026-11-29 là Chủ nhật, không phải ngày báo cáo: các dòng này sẽ không có trong báo cáo nào; nếu sai ngày, hãy sửa \"Ngày báo cáo\""), r.stdout)
        XCTAssertTrue(out.contains("warnings.xlsx:2: cảnh báo: tên \"Phuong Hoan Kiem\" chỉ khớp khi bỏ dấu: đã hiểu là đơn vị 00070 Phường Hoàn Kiếm; nếu sai, hãy ghi mã đơn vị"), r.stdout)
        XCTAssertTrue(out.contains("warnings.xlsx:1: cảnh báo: cột \"Tiếp nhận online\" không có trong mẫu báo cáo và được bỏ qua; có phải là \"Tiếp nhận trực tuyến\"?"), r.stdout)
        XCTAssertTrue(out.contains("warnings.xlsx:3: unknown_unit: không có đơn vị nào mã 9999; tên trên dòng là của đơn vị 00070 Phường Hoàn Kiếm: có phải mã là 00070?"), r.stdout)
        XCTAssertTrue(out.contains { $0.hasPrefix("  - 00070 Phường Hoàn Kiếm, ngày 2026-11-29 (Chủ nhật): 1 thủ tục;") }, r.stdout)
    }

    func testEnglishAndWholeFileLines() throws {
        let r = try validate(["damaged.xlsx", "big5000.xlsx"], ["--lang", "en"])
        XCTAssertEqual(r.status, 65, r.both)
        let out = lines(r)
        XCTAssertTrue(out[0].hasPrefix("Using the registries built into the program"), out[0])
        XCTAssertTrue(out.contains { $0.hasPrefix("damaged.xlsx: (whole file): bad_xlsx: the workbook is damaged") || $0.hasPrefix("damaged.xlsx: (whole file): bad_xlsx: the file does not open") }, r.stdout)
        XCTAssertTrue(out.contains("  damaged.xlsx: 0 rows accepted, 1 rejected"), r.stdout)
        XCTAssertTrue(out.contains { $0.hasPrefix("  - 00070 Phường Hoàn Kiếm, 2026-11-27 (Friday): 5 procedures;") }, r.stdout)
        XCTAssertEqual(out.last, "5000 rows accepted, 1 rejected, 0 warnings")
    }

    func testEverythingAcceptedExitsZero() throws {
        let r = try validate(["inline.xlsx"])
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertEqual(lines(r).last, "Tổng cộng: nhận 2 dòng, từ chối 0, 0 cảnh báo")
    }

    /// A file whose name is not UTF-8 (a Windows-1258 name unzipped on Linux) is validated like the inbox takes it,
    /// its name shown with the bad bytes as `\xHH`. (Foundation passes arguments as strings, so the shell makes the name.)
    func testAFileNameThatIsNotUTF8IsRead() throws {
        let dir = try TempDir("officer-name")
        let make = try runProcess("/bin/sh", ["-c", "cp \"$1\" \"$(printf 'b\\341o-c\\341o.xlsx')\"", "sh",
                                              fixtures.appendingPathComponent("inline.xlsx").path], cwd: dir.url)
        XCTAssertEqual(make.status, 0, make.both)
        let r = try runProcess("/bin/sh", ["-c", "exec \"$1\" validate \"$(printf 'b\\341o-c\\341o.xlsx')\"", "sh", try binary()],
                               cwd: dir.url)
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertTrue(r.stdout.contains("  b\\xe1o-c\\xe1o.xlsx: nhận 2 dòng, từ chối 0"), r.both)
    }

    /// A province officer checks the folder of its communes' files before sending it: a folder stands for the files
    /// under it, in name order, as the inbox reads them. Before, "cannot read the file (… a folder …)", exit 64.
    func testAFolderIsEveryFileUnderIt() throws {
        let dir = try TempDir("officer-folder")
        let folder = dir.url.appendingPathComponent("01")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("xa"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("inline.xlsx"), to: folder.appendingPathComponent("b.xlsx"))
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("warnings.xlsx"),
                                         to: folder.appendingPathComponent("xa/a.xlsx"))
        try Data("x".utf8).write(to: folder.appendingPathComponent("c.csv.part"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("d.xlsx").path,
                                                   withDestinationPath: fixtures.appendingPathComponent("inline.xlsx").path)
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("trong"), withIntermediateDirectories: true)
        let r = try runProcess(try binary(), ["validate", "01", "trong"], cwd: dir.url)
        XCTAssertEqual(r.status, 65, r.both)
        let out = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(out.contains("  01/b.xlsx: nhận 2 dòng, từ chối 0"), r.stdout)
        XCTAssertTrue(out.contains { $0.hasPrefix("01/xa/a.xlsx:3: unknown_unit:") }, r.stdout)
        XCTAssertTrue(out.contains("01/c.csv.part: tệp đang tải lên dở, không kiểm tra"), r.stdout)
        XCTAssertTrue(out.contains("01/d.xlsx: không phải tệp thường (liên kết tượng trưng, …), không đọc"), r.stdout)
        XCTAssertTrue(out.contains("trong: thư mục không có tệp báo cáo nào"), r.stdout)
        let b = try XCTUnwrap(out.firstIndex(of: "  01/b.xlsx: nhận 2 dòng, từ chối 0"))
        let a = try XCTUnwrap(out.firstIndex { $0.hasPrefix("01/xa/a.xlsx:") })
        XCTAssertLessThan(b, a, "name order: b.xlsx before the folder xa")
    }

    /// A name that is no readable file (mistyped) is one line among the others, not the end of them all.
    func testAnUnreadableFileDoesNotHideTheOthers() throws {
        let r = try validate(["inline.xlsx", "khong-co.xlsx", "warnings.xlsx"])
        XCTAssertEqual(r.status, 64, r.both)
        let out = lines(r)
        XCTAssertTrue(out.contains("  inline.xlsx: nhận 2 dòng, từ chối 0"), r.stdout)
        XCTAssertTrue(out.contains { $0.hasPrefix("  warnings.xlsx: nhận ") }, r.stdout)
        XCTAssertTrue(out.contains { $0.hasPrefix("khong-co.xlsx: (cả tệp): không đọc được tệp") && $0.contains("hãy kiểm tra") }, r.stdout)
        XCTAssertTrue(r.stderr.contains("không đọc được 1 tệp") && r.stderr.contains("khong-co.xlsx"), r.stderr)
    }

    /// A file over the size limit (an officer picking a video by mistake) is rejected `too_large` without being read
    /// into memory; before, `validate` read all of it first.
    func testAFileOverTheSizeLimitIsRejectedUnread() throws {
        let dir = try TempDir("validate-large")
        let path = dir.path("video.csv")
        let t = try runProcess("/usr/bin/truncate", ["-s", "70M", path])
        XCTAssertEqual(t.status, 0, t.both)
        let r = try dailyreports(["validate", path])
        XCTAssertEqual(r.status, 65, r.both)
        XCTAssertTrue(r.stdout.contains(": (cả tệp): too_large: tệp 73400320 byte vượt quá giới hạn 67108864 byte nên không được đọc; "
                                        + "hãy tách thành các tệp nhỏ hơn rồi gửi lại"), r.stdout)
    }

    func testHelpListsOnlyWhatValidateUses() throws {
        let r = try runProcess(try binary(), ["validate", "--help"])
        XCTAssertEqual(r.status, 0, r.both)
        for flag in ["--units", "--procedures", "--calendar", "--lang", "--pipeline"] { XCTAssertTrue(r.stdout.contains(flag), flag) }
        for flag in ["--inbox", "--out ", "--outlier", "--deadline"] { XCTAssertFalse(r.stdout.contains(flag), "\(flag) in \(r.stdout)") }
    }

    /// A file-level problem is "(whole file)", never "line 0"; one row is "1 row" in English, and Vietnamese
    /// (no plural form) says "1 dòng" like "3 dòng" (issue #17 item 6).
    func testWholeFileProblemsAndSingularInBothLanguages() throws {
        let dir = try TempDir("officer-singular")
        let header = "report_date,unit_code,unit_name,procedure_code,received_online,received_offline,resolved_on_time,"
            + "resolved_late,returned,pending_on_time,pending_overdue,submitted_at,reporter_email,reporter_phone,note\n"
        let row = "2026-11-27,00070,Phường Hoàn Kiếm,1.000101,1,2,2,0,0,1,0,2026-11-27T18:00:00+07:00,,,\n"
        try Data((header + row).utf8).write(to: dir.url.appendingPathComponent("one.csv"))
        try Data().write(to: dir.url.appendingPathComponent("empty.csv"))
        let en = try runProcess(try binary(), ["validate", "--lang", "en", "one.csv", "empty.csv"], cwd: dir.url)
        XCTAssertEqual(en.status, 65, en.both)
        let enLines = en.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(enLines.contains { $0.hasPrefix("empty.csv: (whole file): empty_file: ") }, en.stdout)
        XCTAssertFalse(en.stdout.contains(":0:"), en.stdout)
        XCTAssertFalse(en.stdout.contains("line 0"), en.stdout)
        XCTAssertTrue(enLines.contains("  one.csv: 1 row accepted, 0 rejected"), en.stdout)
        XCTAssertTrue(enLines.contains { $0.hasPrefix("  - 00070 Phường Hoàn Kiếm, 2026-11-27 (Friday): 1 procedure;") }, en.stdout)
        XCTAssertEqual(enLines.last, "1 row accepted, 1 rejected, 0 warnings")
        XCTAssertTrue(en.stderr.contains("1 row or file rejected; fix the line listed above"), en.stderr)

        let vi = try runProcess(try binary(), ["validate", "one.csv", "empty.csv"], cwd: dir.url)
        XCTAssertEqual(vi.status, 65, vi.both)
        let viLines = vi.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(viLines.contains { $0.hasPrefix("empty.csv: (cả tệp): empty_file: ") }, vi.stdout)
        XCTAssertFalse(vi.stdout.contains(":0:"), vi.stdout)
        XCTAssertFalse(vi.stdout.contains("dòng 0"), vi.stdout)
        XCTAssertTrue(viLines.contains("  one.csv: nhận 1 dòng, từ chối 0"), vi.stdout)
        XCTAssertEqual(viLines.last, "Tổng cộng: nhận 1 dòng, từ chối 1, 0 cảnh báo")
    }
}

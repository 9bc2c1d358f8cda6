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

    func testHelpListsOnlyWhatValidateUses() throws {
        let r = try runProcess(try binary(), ["validate", "--help"])
        XCTAssertEqual(r.status, 0, r.both)
        for flag in ["--units", "--procedures", "--calendar", "--lang", "--pipeline"] { XCTAssertTrue(r.stdout.contains(flag), flag) }
        for flag in ["--inbox", "--out ", "--outlier", "--deadline"] { XCTAssertFalse(r.stdout.contains(flag), "\(flag) in \(r.stdout)") }
    }
}

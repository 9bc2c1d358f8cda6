@testable import ReportIngest
import ReportModel
import XCTest

/// Title rows above the header (contract §2): skipped with a note when a later line among the first 10
/// non-empty ones is the header; otherwise `missing_header` names the line taken for the header.
final class TitleRowTests: XCTestCase {
    /// The counts of the templates' one row below: 3;1;2;1;0;4;5.
    static let rowCounts = Counts(receivedOnline: 3, receivedOffline: 1, resolvedOnTime: 2, resolvedLate: 1, returned: 0,
                                  pendingOnTime: 4, pendingOverdue: 5)

    func testTitleRowsAboveTheHeaderAreSkippedWithANote() throws {
        let text = "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT TTHC,,,\nNgày 27/11/2026;\n\n\(canonicalHeader)\n\(goodRow())\n"
        let o = try ingestFile("title.csv", text)
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.map(\.line), [5])
        let note = try XCTUnwrap(o.notes.first { $0.kind == "title_row" })
        XCTAssertEqual(note.line, 1)
        XCTAssertEqual(note.detail, "dòng 1–2 nằm trên dòng tiêu đề cột (dòng 4) và được bỏ qua như tiêu đề của mẫu")
    }

    /// Official forms number their columns on the line under the header: "(1)", "(2)", … or "A", "B", "1", "2", ….
    /// That line is skipped with a note (before, it was rejected `bad_date`: "(2)" is not a date); only the first line
    /// after a header is looked at, and a data row never looks like one.
    func testAFormsColumnNumbersUnderTheHeaderAreSkippedWithANote() throws {
        let numbers = "(1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12),(13)"
        let o = try ingestFile("numbered.csv", "\(canonicalHeader)\n\(numbers)\n\(goodRow())\n")
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.map(\.line), [3])
        let note = try XCTUnwrap(o.notes.first { $0.kind == "column_numbers" })
        XCTAssertEqual(note.line, 2)
        XCTAssertEqual(note.detail, "dòng 2 là dòng đánh số cột của mẫu ((1), (2), (3), …) và được bỏ qua")
        let lettered = try ingestFile("lettered.csv", "\(canonicalHeader)\nA,B,C,1,2,3,4,5,6,7,8,,\n\(goodRow())\n")
        XCTAssertEqual(rejectList(lettered), [])
        XCTAssertEqual(lettered.rows.map(\.line), [3])
        // Further down it is a row like any other, and so is a line whose numbers skip.
        let below = try ingestFile("below.csv", "\(canonicalHeader)\n\(goodRow())\n\(numbers)\n")
        XCTAssertEqual(rejectList(below), ["3:bad_date"])
        let skipping = try ingestFile("skip.csv", "\(canonicalHeader)\n1,2,4,5,6,7,8,9,10,11,12,13,14\n\(goodRow())\n")
        XCTAssertEqual(rejectList(skipping), ["2:bad_date"])
        XCTAssertFalse(TableRows.isColumnNumbering(["2026-11-27", "00070", "", "1.000101", "1", "0", "1"]))
        XCTAssertFalse(TableRows.isColumnNumbering(["1", "2"]), "two numbers are too few to tell")
        // The word "Cột" before each number ("Cột 1", "cột (2)", "Cot 3" typed without its marks).
        let words = "Cột A,Cột B,Cột C,Cột 1,cột (2),Cot 3,Cột 4,Cột 5,Cột 6,Cột 7,Cột 8,,"
        let worded = try ingestFile("worded.csv", "\(canonicalHeader)\n\(words)\n\(goodRow())\n")
        XCTAssertEqual(rejectList(worded), [])
        XCTAssertEqual(worded.notes.first { $0.kind == "column_numbers" }?.line, 2)
        XCTAssertFalse(TableRows.isColumnNumbering(["Cột", "Cột", "Cột"]), "the word alone numbers nothing")
        XCTAssertFalse(TableRows.isColumnNumbering(["Tỉnh 1", "Tỉnh 2", "Tỉnh 3"]), "only the word Cột")
    }

    /// A template's grouped header on two lines ("Số hồ sơ tiếp nhận" over "Trực tuyến" and "Trực tiếp", the group written
    /// once as a merged cell leaves it): read as one header; the title row above it is still noted.
    func testATwoLineGroupedHeaderIsReadAsOne() throws {
        let text = "BÁO CÁO NGÀY 27/11/2026\n"
            + "Ngày báo cáo;Mã đơn vị;Mã thủ tục;Số hồ sơ tiếp nhận;;Giải quyết;;Trả lại / rút hồ sơ;Số hồ sơ đang giải quyết;\n"
            + ";;;Trực tuyến;Trực tiếp;Đúng hạn;Quá hạn;;Trong hạn;Quá hạn\n"
            + "27/11/2026;00070;1.000101;3;1;2;1;0;4;5\n"
        let o = try ingestFile("grouped.csv", text)
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.map(\.line), [4])
        XCTAssertEqual(o.rows.first?.counts, TitleRowTests.rowCounts)
        let note = try XCTUnwrap(o.notes.first { $0.kind == "title_row" })
        XCTAssertEqual(note.detail, "dòng 1 nằm trên dòng tiêu đề cột (dòng 2–3) và được bỏ qua như tiêu đề của mẫu")
        // "Đang giải quyết" + "Quá hạn" is the backlog (its longest ending that names a column), not "Giải quyết quá hạn".
        XCTAssertEqual(HeaderMap.grouped(["Số hồ sơ đang giải quyết", ""], over: ["Trong hạn", "Quá hạn"]).map { Column(header: $0) },
                       [.pendingOnTime, .pendingOverdue])
        // Two lines that do not make a header together are still missing_header, named as before.
        let half = try ingestFile("half.csv", "Ngày báo cáo;Mã đơn vị;Mã thủ tục;Tiếp nhận\n;;;Trực tuyến\n27/11/2026;00070;1.000101;3\n")
        XCTAssertEqual(rejectList(half), ["1:missing_header"])
    }

    /// A province's template as communes fill it: two title lines, a row-number column, "Mã TTHC", units in
    /// parentheses and "Đã giải quyết …" (rejected whole as missing_header before).
    func testAProvinceTemplatesDecoratedHeaderIsRead() throws {
        let text = "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT TTHC NGÀY 27/11/2026\nĐơn vị: Phường Hoàn Kiếm\n"
            + "STT;Ngày báo cáo;Mã đơn vị;Mã TTHC;Tiếp nhận trực tuyến (hồ sơ);Tiếp nhận trực tiếp (hồ sơ);Đã giải quyết đúng hạn;"
            + "Đã giải quyết quá hạn;Trả lại/rút;Số hồ sơ đang xử lý trong hạn;Số hồ sơ đang xử lý quá hạn\n"
            + "1;27/11/2026;00070;1.000101;3;1;2;1;0;4;5\n"
        let o = try ingestFile("template.csv", text)
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.first?.counts, TitleRowTests.rowCounts)
        XCTAssertEqual(o.notes.filter { $0.kind == "unknown_column" }.map(\.detail),
                       ["cột \"STT\" không có trong mẫu báo cáo và được bỏ qua"])
    }

    /// Files joined one after another: a header further down is skipped with a note and the rows below it are read by
    /// it, in its own column order. Before, it was a bad_date row, and rows under a header of another order were read
    /// by the first header: the second commune's online and in-person counts swapped without a word.
    func testAHeaderRepeatedFurtherDownIsFollowed() throws {
        let text = "report_date,unit_code,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,returned,pending_on_time,pending_overdue\n"
            + "2026-11-27,00070,1.000101,1,0,1,0,0,0,0\n\n"
            + "Mã đơn vị,Ngày báo cáo,Mã thủ tục,Tiếp nhận trực tiếp,Tiếp nhận trực tuyến,Giải quyết đúng hạn,Giải quyết quá hạn,Trả lại,Đang xử lý trong hạn,Đang xử lý quá hạn\n"
            + "00004,2026-11-27,1.000101,2,7,1,0,0,6,0\n"
        let o = try ingestFile("joined.csv", text)
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.map(\.unitCode), ["00070", "00004"])
        XCTAssertEqual(o.rows.last?.counts, Counts(receivedOnline: 7, receivedOffline: 2, resolvedOnTime: 1, resolvedLate: 0,
                                                   returned: 0, pendingOnTime: 6, pendingOverdue: 0))
        let note = try XCTUnwrap(o.notes.first { $0.kind == "repeated_header" })
        XCTAssertEqual(note.line, 4)
        // A row whose date is text is still a row (its bad date rejected), not a header.
        let bad = try ingestFile("bad.csv", "report_date,unit_code,procedure_code,received_online,received_offline,resolved_on_time,"
                                 + "resolved_late,returned,pending_on_time,pending_overdue\nngày 27,00070,1.000101,1,0,1,0,0,0,0\n")
        XCTAssertEqual(rejectList(bad), ["2:bad_date"])
    }

    /// Files joined with `cat` keep the second one's byte-order mark: before its header (followed as above) or, when it
    /// had no header, before its first row, whose date was `bad_date` ("\u{FEFF}2026-11-27"). Also a zero-width space.
    func testAJoinedFilesByteOrderMarkIsNoPartOfACell() throws {
        let header = "report_date,unit_code,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,returned,pending_on_time,pending_overdue\n"
        let o = try ingestFile("joined.csv", "\u{FEFF}" + header + "2026-11-27,00070,1.000101,1,0,1,0,0,0,0\n"
                               + "\u{FEFF}2026-11-27,00004,1.000101,2,0,1,0,0,0,0\n" + "2026-11-27,\u{200B}00025,1.000101\u{200B},3,0,1,0,0,0,0\n")
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.map(\.unitCode), ["00070", "00004", "00025"])
        XCTAssertEqual(" \u{FEFF}x\u{200B}\u{00A0}".trimmingSpaces, "x")
        XCTAssertEqual("Huế".trimmingSpaces, "Huế", "a last byte 0xBF that is no byte-order mark")
        XCTAssertEqual("a\u{FEFF}b".trimmingSpaces, "a\u{FEFF}b", "only the edges")
    }

    /// A web page saved as `.csv` (Excel's "Save as Web Page", a system's HTML export) is said to be one; before, the
    /// general "no line has the template's column names".
    func testAWebPageNamedCSVIsSaidToBeOne() throws {
        for text in ["<!DOCTYPE html>\n<html><body><table><tr><td>Ngày báo cáo</td></tr></table></body></html>\n",
                     "  <html xmlns:o=\"urn:schemas-microsoft-com:office:office\">\n<table>\n", "<table><tr><td>1</td></tr></table>"] {
            let o = try ingestFile("web.csv", text)
            XCTAssertEqual(o.rejects.map(\.reason), [.missingHeader], text)
            XCTAssertTrue(o.rejects.first?.detail.hasPrefix("tệp là trang web (HTML), không phải văn bản CSV") == true,
                          o.rejects.first?.detail ?? "")
        }
        let other = try ingestFile("note.csv", "<ghi chú> gửi sau\n")
        XCTAssertFalse(other.rejects.first?.detail.contains("HTML") ?? true)
    }

    /// A spreadsheet's CSV with empty cells written after the last column (on the header line, or on some rows) is read
    /// as the sheet is; a value past the header's last named column is still `ragged_row`, as is a row short of it.
    /// Before, every such row was `ragged_row`, and a value under a trailing unnamed header cell was dropped unsaid.
    func testTrailingEmptyCellsAreNoFields() throws {
        let header = "report_date,unit_code,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,returned,pending_on_time,pending_overdue"
        let o = try ingestFile("trailing.csv", header + ",,,\n" + "2026-11-27,00070,1.000101,1,0,1,0,0,0,0\n"
                               + "2026-11-27,00070,1.000102,2,0,1,0,0,0,0,,\n" + "2026-11-27,00070,1.000103,3,0,1,0,0,0,0,,,,,\n"
                               + "2026-11-27,00070,1.000104,4,0,1,0,0,0,0,,5\n" + "2026-11-27,00070,1.000105,5,0,1,0,0,0\n")
        XCTAssertEqual(o.rows.map(\.procedureCode), ["1.000101", "1.000102", "1.000103"])
        XCTAssertEqual(o.rows.map(\.counts.receivedOnline), [1, 2, 3])
        XCTAssertEqual(rejectList(o), ["5:ragged_row", "6:ragged_row"])
        XCTAssertEqual(o.rejects.first?.detail.hasPrefix("dòng có 12 ô trong khi dòng tiêu đề cột có 10"), true, "\(o.rejects)")
    }

    /// The delimiter is that of the header, not of a title row holding a stray `;`.
    func testSemicolonFileWithATitleRow() throws {
        let header = canonicalHeader.replacingOccurrences(of: ",", with: ";")
        let row = goodRow().replacingOccurrences(of: ",", with: ";")
        let o = try ingestFile("semi.csv", "Báo cáo, ngày 27/11/2026\n\(header)\n\(row)\n")
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.count, 1)
    }

    func testNoHeaderInTheFirstTenLinesNamesTheLineTaken() throws {
        let titles = (1...10).map { "Tiêu đề \($0)" }.joined(separator: "\n")
        let o = try ingestFile("late.csv", titles + "\n" + canonicalHeader + "\n" + goodRow() + "\n")
        XCTAssertEqual(rejectList(o), ["1:missing_header"])
        XCTAssertTrue(o.rejects[0].detail.contains("không dòng nào trong 10 dòng đầu"), o.rejects[0].detail)
    }

    /// A file rejected empty says how to fix it, like every reject.
    func testEmptyFileDetailsSayWhatToDo() throws {
        let headerOnly = try ingestFile("h.csv", canonicalHeader + "\n")
        XCTAssertEqual(rejectList(headerOnly), ["0:empty_file"])
        XCTAssertTrue(headerOnly.rejects[0].detail.contains("; hãy điền số liệu"), headerOnly.rejects[0].detail)
        let blank = try ingestFile("b.csv", "\n\n \n")
        XCTAssertEqual(rejectList(blank), ["0:empty_file"])
        XCTAssertTrue(blank.rejects[0].detail.contains("; hãy gửi lại"), blank.rejects[0].detail)
        let blankJSON = try ingestFile("b.json", "  \n")
        XCTAssertTrue(blankJSON.rejects[0].detail.contains("; hãy gửi lại"), blankJSON.rejects[0].detail)
    }

    func testAOneLineFileIsNotTheFirstOneLines() throws {
        let o = try ingestFile("note.csv", "Điền số liệu vào trang sau\n")
        XCTAssertEqual(rejectList(o), ["1:missing_header"])
        XCTAssertTrue(o.rejects[0].detail.hasPrefix("dòng duy nhất của tệp không có tên cột của mẫu báo cáo"), o.rejects[0].detail)
    }

    func testAHeaderLackingColumnsIsTheLineTaken() throws {
        let header = "Dòng tiêu đề\nNgày báo cáo,Mã đơn vị,Mã thủ tục,Tiếp nhận online,Tiếp nhận trực tiếp,Giải quyết đúng hạn,Giải quyết quá hạn,Trả lại,Đang xử lý trong hạn"
        let o = try ingestFile("h.csv", header + "\n2026-11-27,00070,1.000101,1,0,1,0,0,0\n")
        XCTAssertEqual(rejectList(o), ["2:missing_header"])
        let d = o.rejects[0].detail
        XCTAssertTrue(d.hasPrefix("dòng 2 được lấy làm dòng tiêu đề cột nhưng thiếu cột: \"Tiếp nhận trực tuyến\" (received_online), \"Đang xử lý quá hạn\" (pending_overdue)"), d)
        XCTAssertTrue(d.contains("\"Tiếp nhận online\" — có phải là \"Tiếp nhận trực tuyến\"?"), d)
    }

    func testRaggedRowSaysWhichColumn() throws {
        let o = try ingestFile("r.csv", "report_date,unit_code,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,returned,pending_on_time,pending_overdue,reporter_email\n"
            + "2026-11-27,1.000101,1,0,1,0,0,2,0,a@b.vn\n")
        XCTAssertEqual(rejectList(o), ["2:ragged_row"])
        XCTAssertEqual(o.rejects[0].detail, "dòng có 10 ô trong khi dòng tiêu đề cột có 11; có lẽ thiếu một giá trị ở cột \"unit_code\"")
    }

    func testUnknownCodeWithTheRowsNameNamesTheUnit() throws {
        let o = try ingestFile("c.csv", "\(canonicalHeader)\n2026-11-27,9999,Phường Hoàn Kiếm,1.000101,1,0,1,0,0,2,0,2026-11-27T19:00:00+07:00,\n")
        XCTAssertEqual(rejectList(o), ["2:unknown_unit"])
        XCTAssertEqual(o.rejects[0].detail, "không có đơn vị nào mã 9999; tên trên dòng là của đơn vị 00070 Phường Hoàn Kiếm: có phải mã là 00070?")
    }

    func testEnglishWhenAsked() throws {
        let dir = try TempDir()
        let path = try dir.write("c.csv", "\(canonicalHeader)\n2026-11-27,9999,Phường Hoàn Kiếm,1.000101,1,0,1,0,0,2,0,2026-11-27T19:00:00+07:00,\n")
        let o = FileIngester(registries: sampleRegistries, language: .en).ingest(try readBytes(path), file: "c.csv", receivedAt: ts("2026-11-27T19:00:00+07:00"))
        XCTAssertEqual(o.rejects.map(\.detail), ["no unit has code 9999; the name on the row is that of unit 00070 Phường Hoàn Kiếm: is the code 00070?"])
    }
}

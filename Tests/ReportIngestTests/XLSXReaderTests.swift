import Foundation
@testable import ReportIngest
import ReportModel
import XCTest

/// `.xlsx` submissions (contract §2 "Excel form"), on workbooks made by openpyxl (scripts/make-xlsx-fixtures).
final class XLSXReaderTests: XCTestCase {
    let fixtures = packageRoot.appendingPathComponent("Tests/ReportIngestTests/Fixtures/xlsx")

    func workbook(_ name: String, sizeLimit: Int = 64 << 20, language: Language = .vi) throws -> FileOutcome {
        let bytes = try readBytes(fixtures.appendingPathComponent(name).path)
        return FileIngester(registries: sampleRegistries, sizeLimit: sizeLimit, language: language)
            .ingest(bytes, file: name, receivedAt: ts("2026-11-27T19:00:00+07:00"))
    }

    /// A template with merged title rows, Vietnamese headers, a date cell, a serial date, a text date, a code
    /// that lost its zeros, a procedure code typed as a number, an empty count cell and a formula.
    func testTemplateWorkbook() throws {
        let o = try workbook("template.xlsx")
        // The signature line under the table ("Người lập biểu: …") is a row with no procedure: rejected, not dropped.
        XCTAssertEqual(rejectList(o), ["9:missing_field"])
        XCTAssertEqual(o.encoding, "xlsx")
        XCTAssertEqual(o.format, "xlsx")
        XCTAssertEqual(o.rows.map(\.line), [5, 6, 7], "a record's line is its worksheet row")
        XCTAssertEqual(Set(o.rows.map(\.reportDate.iso)), ["2026-11-27"])
        XCTAssertEqual(Set(o.rows.map(\.unitCode)), ["00070"])
        XCTAssertEqual(o.rows.map(\.procedureCode), ["1.000101", "1.000102", "1.000103"])
        XCTAssertEqual(o.rows[0].counts.receivedOnline, 3)
        XCTAssertEqual(o.rows[0].counts.pendingOnTime, 5)
        XCTAssertEqual(o.rows[1].counts.pendingOnTime, 0, "an empty cell is 0")
        XCTAssertEqual(o.rows[2].counts.receivedOffline, 2, "a formula counts by its cached value")
        XCTAssertEqual(o.rows[0].reporter.email, "motcua.00070@dichvucong.gov.vn", "shared strings")
        let title = try XCTUnwrap(o.notes.first { $0.kind == "title_row" })
        XCTAssertEqual(title.line, 1)
        XCTAssertTrue(title.detail.contains("dòng 1–2") && title.detail.contains("dòng 4"), title.detail)
    }

    /// A form's column numbers typed as numbers under the header are skipped with a note, as in a CSV; a bare 5 in the
    /// report-date column is no date (before, the numbers' line was `unknown_unit` "không có đơn vị nào mã 2", and 5 was
    /// a day of 1900: `inactive_unit`, as if the commune had not existed yet).
    func testAFormsColumnNumbersAndASmallNumberForADate() throws {
        let o = try workbook("numbered.xlsx")
        XCTAssertEqual(rejectList(o), ["4:bad_date"])
        XCTAssertEqual(o.rows.map(\.line), [3])
        XCTAssertEqual(o.notes.first { $0.kind == "column_numbers" }?.line, 2)
        XCTAssertTrue(o.rejects[0].detail.hasPrefix("\"5\" không phải là ngày"), o.rejects[0].detail)
        // A template styles its whole date column as dates, the numbers' row too: still the column numbers.
        let styled = try workbook("numbered-date-column.xlsx")
        XCTAssertEqual(rejectList(styled), [])
        XCTAssertEqual(styled.rows.map(\.line), [3])
        XCTAssertEqual(styled.notes.first { $0.kind == "column_numbers" }?.line, 2)
    }

    /// A form laid out by unit merges the date, the unit and the reporter down the rows of the unit's procedures:
    /// Excel shows them on each row, and the sheet stores them once, in the range's first cell. Each row is read as
    /// shown (before, every row but the first was `missing_field` for its date), with a note; a blank row inside the
    /// range stays blank, a merged title is left alone, and a count merged over two rows is not taken twice.
    func testMergedCellsAreReadAsExcelShowsThem() throws {
        let o = try workbook("merged.xlsx")
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.map(\.line), [3, 4, 5, 7, 8])
        XCTAssertEqual(Set(o.rows.map(\.reportDate.iso)), ["2026-11-27"])
        XCTAssertEqual(Set(o.rows.map(\.unitCode)), ["00070"])
        XCTAssertEqual(o.rows.filter { $0.line <= 5 }.map(\.reporter.email), Array(repeating: "motcua.00070@dichvucong.gov.vn", count: 3))
        XCTAssertEqual(o.rows.map(\.counts.pendingOnTime), [5, 1, 4, 6, 0], "the merged count J7:J8 only on line 7")
        let carried = try XCTUnwrap(o.notes.first { $0.kind == "merged_cells" }, "\(o.notes)")
        XCTAssertEqual(carried.line, 3)
        XCTAssertEqual(carried.detail, "4 vùng ô gộp nhiều dòng (A3:A6, B3:B6, C3:C6, …) được đọc như Excel hiển thị: "
                       + "giá trị của ô đầu vùng cho mọi dòng trong vùng")
        let counts = try XCTUnwrap(o.notes.first { $0.kind == "merged_counts" }, "\(o.notes)")
        XCTAssertEqual(counts.line, 7)
        XCTAssertTrue(counts.detail.hasPrefix("vùng ô gộp J7:J8 ở cột \"Đang xử lý trong hạn\": số hồ sơ chỉ được tính cho dòng 7"),
                      counts.detail)
        // A template's horizontal merges (its title rows) change nothing.
        XCTAssertFalse(try workbook("template.xlsx").notes.contains { $0.kind.hasPrefix("merged") })
    }

    /// Merged ranges are found in the sheet's bytes before its rows are read: only those over several rows.
    func testMergedRangesAreFoundInTheSheetXML() {
        let xml = Array(#"<sheetData/><mergeCells count="3"><mergeCell ref="A1:L1"/><mergeCell ref="B3:B6"/><mergeCell ref="AA10:AB12"/></mergeCells>"#.utf8)
        XCTAssertEqual(XLSXMergedRange.vertical(in: xml), [XLSXMergedRange(rows: 3...6, columns: 1...1),
                                                           XLSXMergedRange(rows: 10...12, columns: 26...27)])
        XCTAssertEqual(XLSXMergedRange(rows: 10...12, columns: 26...27).ref, "AA10:AB12")
        XCTAssertNil(XLSXMergedRange(ref: "B6:B3"))
        XCTAssertNil(XLSXMergedRange(ref: "B3"))
        XCTAssertEqual(XLSXMergedRange.vertical(in: Array("<sheetData/>".utf8)), [])
    }

    /// Inline strings (rich runs), prefixed elements, the 1904 date system, a cell without reference, a sparse row.
    func testHandMadeWorkbook() throws {
        let o = try workbook("inline.xlsx")
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.map(\.line), [2, 4])
        XCTAssertEqual(o.rows.map(\.reportDate.iso), ["2026-11-27", "2026-11-27"])
        XCTAssertEqual(o.rows.map(\.procedureCode), ["1.000101", "1.000102"])
        XCTAssertEqual(o.rows[0].counts.receivedOnline, 4)
        XCTAssertEqual(o.rows[0].counts.resolvedLate, 1)
        XCTAssertEqual(o.rows[0].counts.receivedOffline, 0, "a missing cell is empty")
        XCTAssertEqual(o.rows[1].counts.pendingOverdue, 7)
    }

    /// A number is a count as written: 2.5 and -1 are `bad_count`, 1234 is 1234 (not read as thousands).
    func testNumbersAsCounts() throws {
        let o = try workbook("counts.xlsx")
        XCTAssertEqual(rejectList(o), ["2:bad_count", "3:bad_count"])
        XCTAssertEqual(o.rows.map(\.counts.receivedOnline), [1234])
        XCTAssertTrue(o.rejects[0].raw.contains("2.5"), o.rejects[0].raw)
    }

    /// A formula never calculated (openpyxl and other writers store no cached value) reads as 0, and not silently.
    func testUncalculatedFormulaIsNoted() throws {
        let o = try workbook("uncalculated.xlsx")
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.map(\.counts.resolvedOnTime), [2, 0])
        let note = try XCTUnwrap(o.notes.first { $0.kind == "uncalculated_formula" }, "\(o.notes)")
        XCTAssertEqual(note.line, 3)
        XCTAssertTrue(note.detail.hasPrefix("1 ô có công thức chưa được tính") && note.detail.contains("\"Giải quyết đúng hạn\""), note.detail)
        XCTAssertFalse(try workbook("template.xlsx").notes.contains { $0.kind == "uncalculated_formula" },
                       "a formula with its cached value is read as it is")
    }

    /// A CSV or an HTML table saved with an .xlsx name (some web portals export so) is refused with what it really is.
    func testTextRenamedXLSXSaysWhatItIs() throws {
        let ingester = FileIngester(registries: sampleRegistries)
        let csv = ingester.ingest(Array((canonicalHeader + "\n2026-11-27,00070,,1.000101,1,0,0,0,0,1,0,,\n").utf8), file: "r.xlsx",
                                  receivedAt: ts("2026-11-27T19:00:00+07:00"))
        XCTAssertEqual(rejectList(csv), ["0:bad_xlsx"])
        XCTAssertTrue(csv.rejects[0].detail.contains("đổi đuôi tệp thành .csv"), csv.rejects[0].detail)
        let html = ingester.ingest(Array("\u{FEFF}<html><body><table><tr><td>1</td></tr></table></body></html>".utf8), file: "r.xlsx",
                                   receivedAt: ts("2026-11-27T19:00:00+07:00"))
        XCTAssertEqual(rejectList(html), ["0:bad_xlsx"])
        XCTAssertTrue(html.rejects[0].detail.contains("trang web (HTML)"), html.rejects[0].detail)
        XCTAssertTrue(try workbook("renamed-pdf.xlsx").rejects[0].detail.contains("không phải tệp zip"), "other bytes as before")
    }

    /// A hidden first sheet (a template's lookup list) is not what the officer sees: the first visible one is read.
    func testHiddenFirstSheetIsNotRead() throws {
        let o = try workbook("hidden-first.xlsx")
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.map(\.procedureCode), ["1.000101"])
        XCTAssertEqual(o.rows.map(\.line), [2])
        XCTAssertFalse(o.notes.contains { $0.kind == "other_sheets" }, "a hidden sheet is not named: \(o.notes)")
    }

    /// Data on another visible sheet is not read, and not silently: a note names the sheet read and the others.
    func testOtherSheetsHoldingDataAreNamed() throws {
        let o = try workbook("other-sheets.xlsx")
        XCTAssertEqual(rejectList(o), ["1:missing_header"], "the first visible sheet (instructions) is read")
        let note = try XCTUnwrap(o.notes.first { $0.kind == "other_sheets" }, "\(o.notes)")
        XCTAssertEqual(note.line, 0)
        XCTAssertTrue(note.detail.contains("\"Hướng dẫn\"") && note.detail.contains("\"Báo cáo\""), note.detail)
        XCTAssertFalse(note.detail.contains("Trống"), "an empty sheet is not named: \(note.detail)")
        let en = try XCTUnwrap(try workbook("other-sheets.xlsx", language: .en).notes.first { $0.kind == "other_sheets" })
        XCTAssertTrue(en.detail.contains("only the first visible sheet"), en.detail)
        XCTAssertFalse(try workbook("template.xlsx").notes.contains { $0.kind == "other_sheets" }, "one sheet, no note")
    }

    func testWorkbooksThatCannotBeOpenedAreBadXLSX() throws {
        for name in ["damaged.xlsx", "encrypted.xlsx", "renamed-pdf.xlsx", "entities.xlsx"] {
            let o = try workbook(name)
            XCTAssertEqual(rejectList(o), ["0:bad_xlsx"], name)
            XCTAssertTrue(o.rows.isEmpty, name)
        }
        XCTAssertTrue(try workbook("encrypted.xlsx").rejects[0].detail.contains("mật khẩu"))
        XCTAssertTrue(try workbook("encrypted.xlsx", language: .en).rejects[0].detail.contains("password"))
    }

    /// A zip bomb whose headers declare 1 KiB inflates only up to the limit, then is `too_large`.
    func testZipBombStopsAtTheLimit() throws {
        let o = try workbook("bomb.xlsx", sizeLimit: 1 << 20)
        XCTAssertEqual(rejectList(o), ["0:too_large"])
        XCTAssertEqual(try workbook("bomb.xlsx").rejects.map(\.reason), [.emptyFile], "under a larger limit it is read (one blank cell)")
        XCTAssertEqual(try workbook("template.xlsx", sizeLimit: 10_000).rejects.map(\.reason), [.tooLarge],
                       "the declared unpacked size counts")
    }

    func testMissingColumnsNamedWithTheirVietnameseTitles() throws {
        let o = try workbook("missing_column.xlsx")
        XCTAssertEqual(rejectList(o), ["1:missing_header"])
        let d = o.rejects[0].detail
        XCTAssertTrue(d.contains("\"Đang xử lý quá hạn\" (pending_overdue)"), d)
        XCTAssertTrue(d.contains("\"Tiếp nhận trực tuyến\" (received_online)"), d)
        XCTAssertTrue(d.contains("Tiếp nhận online"), d)
    }

    func testFiveThousandRows() throws {
        let o = try workbook("big5000.xlsx")
        XCTAssertEqual(o.rejects, [])
        XCTAssertEqual(o.rows.count, 5000)
        XCTAssertEqual(o.rows.last?.line, 5001)
        XCTAssertEqual(o.rows.last?.note, "dòng 4999")
    }

    func testOtherFileTypesAreUnsupported() throws {
        for name in ["báo cáo.xls", "scan.pdf", "report.doc", "README"] {
            let o = try ingestFile(name, Array("x".utf8))
            XCTAssertEqual(rejectList(o), ["0:unsupported_format"], name)
            XCTAssertTrue(o.rejects[0].detail.contains("CSV UTF-8") && o.rejects[0].detail.contains(".xlsx"), o.rejects[0].detail)
        }
    }
}

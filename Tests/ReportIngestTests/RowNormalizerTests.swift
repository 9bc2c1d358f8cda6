import XCTest
import ReportIngest
import ReportModel

final class RowNormalizerTests: XCTestCase {
    let normalizer = RowNormalizer(registries: sampleRegistries)
    let received = ts("2026-11-27T19:00:00+07:00")

    func record(_ values: [Column: String], line: Int = 2) -> RawRecord {
        var r = RawRecord(line: line, raw: "raw")
        let defaults: [Column: String] = [.reportDate: "2026-11-27", .unitCode: "00070", .procedureCode: "1.000101",
                                          .receivedOnline: "1", .resolvedOnTime: "1", .pendingOnTime: "2"]
        for (c, v) in defaults.merging(values, uniquingKeysWith: { $1 }) { r[c] = v }
        return r
    }

    func outcome(_ values: [Column: String], received: Timestamp? = nil) -> String {
        switch normalizer.normalize(record(values), file: "f.csv", receivedAt: received ?? self.received) {
        case .row(let row): return "row \(row.unitCode) \(row.procedureCode)"
        case .emptyReport(let r): return "empty \(r.unitCode)"
        case .reject(let r): return r.reason.rawValue
        }
    }

    func testGoodRow() {
        XCTAssertEqual(outcome([:]), "row 00070 1.000101")
        XCTAssertEqual(outcome([.unitCode: "70", .procedureCode: "1000101"]), "row 00070 1.000101")
        XCTAssertEqual(outcome([.unitCode: "4"]), "row 00004 1.000101", "commune procedure decides")
        XCTAssertEqual(outcome([.unitCode: "4", .procedureCode: "2.000101"]), "row 04 2.000101", "province procedure decides")
        XCTAssertEqual(outcome([.unitCode: "25", .procedureCode: "2.000101"]), "row 25 2.000101")
        XCTAssertEqual(outcome([.unitCode: "25"]), "row 00025 1.000101")
        XCTAssertEqual(outcome([.unitCode: "00070", .unitName: "Xã Kim Long"]), "row 00070 1.000101", "the code decides")
        XCTAssertEqual(outcome([.unitCode: "", .unitName: "Phường Hoàn Kiếm"]), "row 00070 1.000101")
        XCTAssertEqual(outcome([.reportDate: "27/11/2026"]), "row 00070 1.000101")
    }

    func testReasonOrder() {
        XCTAssertEqual(outcome([.reportDate: ""]), "missing_field")
        XCTAssertEqual(outcome([.procedureCode: "", .receivedOnline: "-1"]), "missing_field", "missing_field before bad_count")
        XCTAssertEqual(outcome([.reportDate: "2026-02-30", .unitCode: "99999"]), "bad_date", "bad_date before unknown_unit")
        XCTAssertEqual(outcome([.reportDate: "hôm qua", .procedureCode: "9.999999", .receivedOnline: "x"]), "bad_date")
        XCTAssertEqual(outcome([.reportDate: "2026-11-28", .unitCode: "99999"]), "future_date", "future_date before unknown_unit")
        XCTAssertEqual(outcome([.unitCode: "99999", .procedureCode: "9.999999"]), "unknown_unit", "unknown_unit before unknown_procedure")
        XCTAssertEqual(outcome([.unitCode: "4", .procedureCode: "9.999999"]), "unknown_unit", "no level decides between 04 and 00004")
        XCTAssertEqual(outcome([.reportDate: "2025-06-30", .procedureCode: "9.999999"]), "inactive_unit", "inactive before unknown_procedure")
        XCTAssertEqual(outcome([.procedureCode: "1.999999", .receivedOnline: "abc"]), "unknown_procedure", "before bad_count")
        XCTAssertEqual(outcome([.procedureCode: "2.000101"]), "procedure_level_mismatch")
        XCTAssertEqual(outcome([.unitCode: "01", .procedureCode: "1.000101", .receivedOnline: "-3"]), "procedure_level_mismatch",
                       "01 is only the province; mismatch before bad_count")
        XCTAssertEqual(outcome([.receivedOffline: "1.5"]), "bad_count")
        XCTAssertEqual(outcome([.pendingOverdue: "-2"]), "bad_count")
    }

    func testFutureDate() {
        // Submitted 2026-11-26T16:59Z = 23:59 +07:00 on the 26th: the 27th is in the future.
        XCTAssertEqual(outcome([.submittedAt: "2026-11-26T16:59:00Z"]), "future_date")
        XCTAssertEqual(outcome([.submittedAt: "2026-11-26T17:00:00Z"]), "row 00070 1.000101", "midnight +07:00 is the 27th")
        XCTAssertEqual(outcome([.submittedAt: ""], received: ts("2026-11-26T23:59:59+07:00")), "future_date",
                       "without submitted_at, the received time")
        XCTAssertEqual(outcome([:], received: ts("2026-11-27T00:00:00+07:00")), "row 00070 1.000101")
    }

    func testReporterOnlyRows() {
        // 00070's current contact (from 2026-11-01): phone 0918126361, motcua.00070@dichvucong.gov.vn.
        XCTAssertEqual(outcome([.unitCode: "", .reporterPhone: "+84 918 126 361"]), "row 00070 1.000101")
        XCTAssertEqual(outcome([.unitCode: "", .reporterEmail: "MotCua.00070@DichVuCong.gov.vn"]), "row 00070 1.000101")
        XCTAssertEqual(outcome([.unitCode: "", .reporterEmail: "vanphong.00008@dichvucong.gov.vn"]), "row 00008 1.000101")
        // Its former contact ended 2026-10-31: not a contact on the report date.
        XCTAssertEqual(outcome([.unitCode: "", .reporterEmail: "vanphong.00070@dichvucong.gov.vn"]), "unknown_unit")
        XCTAssertEqual(outcome([.unitCode: "", .reportDate: "2026-10-30", .reporterEmail: "vanphong.00070@dichvucong.gov.vn"]),
                       "row 00070 1.000101")
        XCTAssertEqual(outcome([.unitCode: "", .reporterEmail: "nobody@example.com"]), "unknown_unit")
        XCTAssertEqual(outcome([.unitCode: "", .reporterPhone: "0900000000"]), "unknown_unit")
        XCTAssertEqual(outcome([.unitCode: "", .reporterEmail: ""]), "missing_field")
        // Province 01's contact names the province.
        XCTAssertEqual(outcome([.unitCode: "", .reporterEmail: "vanphong.01@dichvucong.gov.vn", .procedureCode: "2.000101"]),
                       "row 01 2.000101")
    }

    func testUnregisteredReporterRejectOnlyWhenConfigured() {
        var strict = normalizer
        strict.rejectUnregisteredReporter = true
        let r = record([.reporterEmail: "hoangvan.minh1985@gmail.com"])
        if case .row = normalizer.normalize(r, file: "f", receivedAt: received) {} else { XCTFail("a check, not a reject, by default") }
        if case .reject(let j) = strict.normalize(r, file: "f", receivedAt: received) {
            XCTAssertEqual(j.reason, .unregisteredReporter)
        } else { XCTFail("configured: a reject") }
        // Province 01's contact may report for its commune 00070.
        let p = record([.reporterEmail: "vanphong.01@dichvucong.gov.vn"])
        if case .row = strict.normalize(p, file: "f", receivedAt: received) {} else { XCTFail("the province's contact is registered") }
    }

    func testRejectCarriesLineRawAndDate() {
        guard case .reject(let r) = normalizer.normalize(record([.unitCode: "99999"], line: 17), file: "x/y.csv", receivedAt: received)
        else { return XCTFail() }
        XCTAssertEqual(r.file, "x/y.csv")
        XCTAssertEqual(r.line, 17)
        XCTAssertEqual(r.raw, "raw")
        XCTAssertEqual(r.reportDate, Day(iso: "2026-11-27"))
    }

    /// A sheet's total row ("Tổng cộng" in a cell of its own, no date) is still `missing_field`, and says it is a total
    /// row to delete; a unit named "Xã Cộng Hòa" on a row without a date is not taken for one.
    func testATotalRowIsRejectedAsOneWithAHintToDeleteIt() throws {
        let header = "report_date,unit_code,unit_name,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,"
            + "returned,pending_on_time,pending_overdue\n"
        let text = header + "2026-11-27,00070,,1.000101,1,0,1,0,0,2,0\n"
            + ",,Xã Cộng Hòa,1.000101,1,0,1,0,0,2,0\n"
            + ",,Tổng cộng,,1,0,1,0,0,2,0\n"
            + ",,TONG CONG,,1,0,1,0,0,2,0\n"
        let o = try ingestFile("total.csv", text)
        XCTAssertEqual(rejectList(o), ["3:missing_field", "4:missing_field", "5:missing_field"])
        XCTAssertFalse(o.rejects[0].detail.contains("dòng tổng"), o.rejects[0].detail)
        XCTAssertTrue(o.rejects[1].detail.hasPrefix("dòng này là dòng tổng (ô \"Tổng cộng\")"), o.rejects[1].detail)
        XCTAssertTrue(o.rejects[2].detail.contains("(ô \"TONG CONG\")"), o.rejects[2].detail)
        // The label in the date column: the row lacks a procedure, and is said to be a total row.
        let first = try ingestFile("total-first.csv", header + "Tổng cộng,,,,1,0,1,0,0,2,0\n")
        XCTAssertEqual(rejectList(first), ["2:missing_field"])
        XCTAssertTrue(first.rejects[0].detail.hasPrefix("dòng này là dòng tổng (ô \"Tổng cộng\") và không có mã thủ tục"),
                      first.rejects[0].detail)
        XCTAssertEqual(RowNormalizer.totalLabel("\"Cộng\";5;6"), "Cộng")
        XCTAssertNil(RowNormalizer.totalLabel("Tổng số hồ sơ đã nhận,5"), "a cell saying more than the label")
    }

    /// A sheet whose date and unit are merged down the unit's procedure rows, saved as CSV, keeps them on the first row
    /// only. The rows below are still rejected (a CSV cannot tell a merged cell from a forgotten one), and the reject
    /// now says what to do in Excel; an empty cell with nothing above it says only what is missing.
    func testAnEmptyCellUnderAFilledOneSuggestsAMergedCell() throws {
        let header = "report_date,unit_code,unit_name,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,"
            + "returned,pending_on_time,pending_overdue\n"
        let o = try ingestFile("merged.csv", header + "2026-11-27,00070,,1.000101,1,0,1,0,0,2,0\n"
                               + ",,,1.000102,1,0,1,0,0,2,0\n" + ",,,1.000103,1,0,1,0,0,2,0\n"
                               + "2026-11-27,,,1.000104,1,0,1,0,0,2,0\n")
        XCTAssertEqual(rejectList(o), ["3:missing_field", "4:missing_field", "5:missing_field"])
        let hint = "; nếu ô này được gộp với ô ở dòng trên trong Excel, hãy bỏ gộp ô và ghi giá trị ở mọi dòng "
            + "(tệp CSV chỉ giữ giá trị của ô gộp ở dòng đầu)"
        XCTAssertEqual(o.rejects[0].detail, "ô \"Ngày báo cáo\" (report_date) trống; hãy ghi ngày báo cáo, ví dụ 27/11/2026" + hint)
        XCTAssertTrue(o.rejects[1].detail.hasSuffix(hint), "every row of the range: \(o.rejects[1].detail)")
        XCTAssertTrue(o.rejects[2].detail.hasPrefix("dòng không ghi đơn vị") && o.rejects[2].detail.hasSuffix(hint), o.rejects[2].detail)
        let first = try ingestFile("first.csv", header + ",00070,,1.000101,1,0,1,0,0,2,0\n")
        XCTAssertEqual(first.rejects.map(\.detail), ["ô \"Ngày báo cáo\" (report_date) trống; hãy ghi ngày báo cáo, ví dụ 27/11/2026"])
    }

    /// A line of delimiters only (Excel's CSV of a sheet with formatted empty rows) is still rejected, by decision, and
    /// the reject now says what it is and to delete it; before, it read "the report date is empty" (and with a value
    /// above, to unmerge a cell that was never merged).
    func testALineOfDelimitersOnlyIsSaidToBeAnEmptyRow() throws {
        let header = "report_date,unit_code,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,"
            + "returned,pending_on_time,pending_overdue\n"
        let o = try ingestFile("empty-rows.csv", header + "2026-11-27,00070,1.000101,1,0,1,0,0,0,0\n,,,,,,,,,\n , ,\"\",,,,,,,\n")
        XCTAssertEqual(rejectList(o), ["3:missing_field", "4:missing_field"])
        for r in o.rejects {
            XCTAssertEqual(r.detail, "dòng không có giá trị nào, chỉ có dấu phân cách (Excel ghi như vậy các dòng trống đã định dạng); "
                           + "hãy xóa dòng trống này rồi lưu lại")
        }
    }

    /// A date behind a weekday that is not its own is `bad_date`, and the reject says which weekday the date is.
    func testAWeekdayThatIsNotTheDatesIsNamed() throws {
        let header = "report_date,unit_code,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,"
            + "returned,pending_on_time,pending_overdue\n"
        let o = try ingestFile("weekday.csv", header + "\"Thứ Sáu, ngày 27/11/2026\",00070,1.000101,1,0,1,0,0,0,0\n"
                               + "Thứ Năm 27/11/2026,00070,1.000102,1,0,1,0,0,0,0\n")
        XCTAssertEqual(rejectList(o), ["3:bad_date"])
        XCTAssertEqual(o.rows.map(\.reportDate.iso), ["2026-11-27"])
        XCTAssertEqual(o.rejects.first?.detail,
                       "\"Thứ Năm 27/11/2026\": ngày 27/11/2026 là Thứ Sáu, không khớp với thứ ghi trong ô; hãy sửa ngày hoặc thứ cho đúng")
    }

    /// A date cell formatted as a number in Excel reaches the CSV as its serial (46353 for 2026-11-27): still `bad_date`,
    /// and the reject says which date it may be and how to format the column.
    func testASerialDateInACSVIsSaidToBeOne() throws {
        let header = "report_date,unit_code,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,"
            + "returned,pending_on_time,pending_overdue\n"
        let o = try ingestFile("serial.csv", header + "46353,00070,1.000101,1,0,1,0,0,0,0\n123,00070,1.000102,1,0,1,0,0,0,0\n")
        XCTAssertEqual(rejectList(o), ["2:bad_date", "3:bad_date"])
        XCTAssertTrue(o.rejects[0].detail.hasPrefix("\"46353\" không phải là ngày; có lẽ đây là ngày 27/11/2026 mà Excel ghi thành số"),
                      o.rejects[0].detail)
        XCTAssertFalse(o.rejects[1].detail.contains("Excel"), o.rejects[1].detail)
    }
}

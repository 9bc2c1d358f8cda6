import XCTest
import ReportModel

final class ColumnTests: XCTestCase {
    func testUnitCodeSpellings() {
        for h in ["Mã đơn vị", "MA_DON_VI", "ma don vi", "Ma Don Vi", "Mã đơn vị".decomposedStringWithCanonicalMapping,
                  "MÃ ĐƠN VỊ", " Mã  đơn_vị ", "unit_code", "UNIT CODE", "UnitCode", "madonvi"] {
            XCTAssertEqual(Column(header: h), .unitCode, "\"\(h)\"")
        }
    }

    func testEveryCanonicalAndVietnameseName() {
        for c in Column.allCases {
            XCTAssertEqual(Column(header: c.canonicalName), c, c.canonicalName)
            XCTAssertEqual(Column(header: c.canonicalName.uppercased()), c)
            XCTAssertEqual(Column(header: c.vietnameseName), c, c.vietnameseName)
            XCTAssertEqual(Column(header: c.vietnameseName.decomposedStringWithCanonicalMapping), c)
            XCTAssertEqual(Column(header: c.vietnameseName.uppercased()), c)
            XCTAssertEqual(Column(header: ascii(c.vietnameseName).replacingOccurrences(of: " ", with: "_")), c)
        }
        XCTAssertEqual(Column.counts.map(\.canonicalName),
                       ["received_online", "received_offline", "resolved_on_time", "resolved_late", "returned",
                        "pending_on_time", "pending_overdue"])
        XCTAssertEqual(Set(Column.allCases.map { Column.headerKey($0.canonicalName) }).count, Column.allCases.count)
        XCTAssertEqual(Set(Column.allCases.map { Column.headerKey($0.vietnameseName) }).count, Column.allCases.count)
    }

    func testOtherHeaders() {
        XCTAssertEqual(Column(header: "Trả lại"), .returned)
        XCTAssertEqual(Column(header: "Tra lai / rut ho so"), .returned)
        XCTAssertEqual(Column(header: "Tiếp nhận trực tuyến"), .receivedOnline)
        XCTAssertEqual(Column(header: "Tiếp nhận trực tiếp"), .receivedOffline)
        XCTAssertEqual(Column(header: "Ngày báo cáo"), .reportDate)
        XCTAssertNil(Column(header: "STT"))
        XCTAssertNil(Column(header: ""))
        XCTAssertNil(Column(header: "unit"))
        XCTAssertNil(Column(header: "report_date_2"))
    }

    /// A province template's header as officers write it: the unit in parentheses, "Số hồ sơ …" and "Đã …" before the
    /// contract's title, "Mã TTHC". The whole file was rejected `missing_header` before.
    func testTemplateDecorationsAroundATitle() {
        let expected: [(String, Column)] = [
            ("Tiếp nhận trực tuyến (hồ sơ)", .receivedOnline), ("Tiếp nhận trực tiếp (HS)", .receivedOffline),
            ("Số hồ sơ tiếp nhận trực tuyến", .receivedOnline), ("Đã giải quyết đúng hạn", .resolvedOnTime),
            ("Đã giải quyết quá hạn (hồ sơ)", .resolvedLate), ("Hồ sơ đang xử lý trong hạn", .pendingOnTime),
            ("Số điện thoại người báo cáo", .reporterPhone), ("Mã TTHC", .procedureCode), ("MÃ TTHC", .procedureCode),
            ("Mã thủ tục hành chính", .procedureCode), ("Mã đơn vị hành chính", .unitCode), ("Trả lại/rút", .returned),
            ("Ngày báo cáo (dd/mm/yyyy)", .reportDate),
            // ĐVHC (đơn vị hành chính) as the statistics office abbreviates it, a commune's own words, "Ngày BC".
            ("Tên đơn vị hành chính", .unitName), ("Mã ĐVHC", .unitCode), ("Tên ĐVHC", .unitName), ("MÃ ĐVHC", .unitCode),
            ("Mã xã", .unitCode), ("Tên xã", .unitName), ("Ngày BC", .reportDate),
        ]
        for (header, column) in expected { XCTAssertEqual(Column(header: header), column, header) }
        // Only decorations go: what is left must still be a whole title.
        for header in ["Số hồ sơ", "Giải quyết (hồ sơ)", "Đã", "(hồ sơ)", "Số", "Đã xử lý (hồ sơ)"] {
            XCTAssertNil(Column(header: header), header)
        }
    }

    /// Drops Vietnamese diacritics (independent of NameKey).
    func ascii(_ s: String) -> String {
        String(String.UnicodeScalarView(s.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !(0x0300...0x036F).contains($0.value) }
            .map { $0 == "đ" ? "d" : $0 == "Đ" ? "D" : $0 }))
    }
}

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

    /// Drops Vietnamese diacritics (independent of NameKey).
    func ascii(_ s: String) -> String {
        String(String.UnicodeScalarView(s.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !(0x0300...0x036F).contains($0.value) }
            .map { $0 == "đ" ? "d" : $0 == "Đ" ? "D" : $0 }))
    }
}

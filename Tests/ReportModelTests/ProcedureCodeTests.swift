import XCTest
import ReportModel

/// Procedure codes as files write them (contract §2: with or without the dot), and as a spreadsheet shows one typed as a
/// number: `2.000100` becomes the number 2.0001 and is exported, or read from the cell, as `2.0001`.
final class ProcedureCodeTests: XCTestCase {
    let registries = Registries(units: [], procedures: [
        Procedure(code: "1.000101", name: "Đăng ký khai sinh", field: "Hộ tịch", level: .commune, priority: true, maxDays: 1),
        Procedure(code: "2.000100", name: "Thủ tục cấp tỉnh", field: "Khác", level: .province, priority: false, maxDays: nil),
        Procedure(code: "1.003000", name: "Thủ tục khác", field: "Khác", level: .commune, priority: false, maxDays: nil),
    ], contacts: [], calendar: ReportCalendar())

    func testTrailingZerosLostToASpreadsheetAreRestored() {
        XCTAssertEqual(registries.procedure(code: "1.000101")?.code, "1.000101")
        XCTAssertEqual(registries.procedure(code: "1000101")?.code, "1.000101")
        XCTAssertEqual(registries.procedure(code: "2.0001")?.code, "2.000100")
        XCTAssertEqual(registries.procedure(code: "2.00010")?.code, "2.000100")
        XCTAssertEqual(registries.procedure(code: "1.003")?.code, "1.003000")
        XCTAssertEqual(registries.procedure(code: " 1.003 ")?.code, "1.003000")
        // Typed as a number where the decimal separator is a comma (Vietnamese settings), then written to CSV.
        XCTAssertEqual(registries.procedure(code: "1,000101")?.code, "1.000101")
        XCTAssertEqual(registries.procedure(code: "2,0001")?.code, "2.000100")
        XCTAssertNil(registries.procedure(code: "1,000,101"))
        // Excel's text prefix kept by an export, and a code without its dot read as a number and written as a float.
        XCTAssertEqual(registries.procedure(code: "'1.000101")?.code, "1.000101")
        XCTAssertEqual(registries.procedure(code: "1000101.0")?.code, "1.000101")
        XCTAssertNil(registries.procedure(code: "''1.000101"))
        // Only a code that names a registry procedure once padded; digits are not invented elsewhere.
        XCTAssertNil(registries.procedure(code: "1.0001"), "1.000100 is no procedure here")
        XCTAssertNil(registries.procedure(code: "2.1"))
        XCTAssertNil(registries.procedure(code: "20001"), "without a dot the zeros cannot be placed")
        XCTAssertNil(registries.procedure(code: "1.00010a"))
    }
}

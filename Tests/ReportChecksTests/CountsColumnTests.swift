import ReportChecks
import ReportModel
import XCTest

/// The checks' history keeps counts in 16-bit words; a count the contract allows beyond them (up to 12 digits) is
/// kept exact beside, and a day's procedure codes come back as they went in.
final class CountsColumnTests: XCTestCase {
    func testCountsBeyondSixteenBitsAreKeptExact() {
        let small = Counts(receivedOnline: 1, receivedOffline: 2, resolvedOnTime: 3, resolvedLate: 4, returned: 5,
                           pendingOnTime: 6, pendingOverdue: Int(UInt16.max) - 1)
        let wide = Counts(receivedOnline: 999_999_999_999, pendingOverdue: Int(UInt32.max))
        let justPast = Counts(returned: Int(UInt16.max))
        var column = CountsColumn()
        column.append(small)
        column.append(wide)
        column.append(.zero)
        column.append(justPast)
        XCTAssertEqual(Array(column), [small, wide, .zero, justPast])
        XCTAssertEqual(column, CountsColumn([small, wide, .zero, justPast]))
        XCTAssertNotEqual(column, CountsColumn([small, .zero, wide]))
    }

    func testProcedureCodesComeBackInOrder() {
        var codes = ProcedureColumn(table: ["1.000101"])
        for c in ["1.000102", "1.000101", "2.000001", "1.000102"] { codes.append(c) }
        codes.append(place: 0)
        XCTAssertEqual(Array(codes), ["1.000102", "1.000101", "2.000001", "1.000102", "1.000101"])
        XCTAssertEqual(codes.table, ["1.000101", "1.000102", "2.000001"])
    }

    func testADayKeepsAWideCountThroughItsBuilder() {
        let wide = Counts(receivedOnline: 123_456_789_012)
        let day = DayReports(day: Day(iso: "2026-11-27")!, units: ["00070": ["1.000101": wide, "1.000102": .zero]])
        XCTAssertEqual(day.entries(of: "00070").map { $0.map { day.counts[$0] } }, [wide, .zero])
    }
}

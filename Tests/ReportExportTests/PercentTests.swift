import XCTest
@testable import ReportExport

final class PercentTests: XCTestCase {
    func testRoundsHalfUpFromTheExactFraction() {
        XCTAssertEqual(Percent.format(numerator: 1, denominator: 16), "6.3")   // 6.25
        XCTAssertEqual(Percent.format(numerator: 2, denominator: 3), "66.7")
        XCTAssertEqual(Percent.format(numerator: 1, denominator: 8), "12.5")
        XCTAssertEqual(Percent.format(numerator: 1, denominator: 3), "33.3")
        XCTAssertEqual(Percent.format(numerator: 5, denominator: 8), "62.5")
        XCTAssertEqual(Percent.format(numerator: 1, denominator: 2000), "0.1")  // 0.05 exactly
        XCTAssertEqual(Percent.format(numerator: 1, denominator: 2001), "0.0")
        XCTAssertEqual(Percent.format(numerator: 3, denominator: 80), "3.8")    // 3.75
        XCTAssertEqual(Percent.format(numerator: 7, denominator: 1600), "0.4")  // 0.4375
    }

    func testWholeAndZero() {
        XCTAssertEqual(Percent.format(numerator: 0, denominator: 7), "0.0")
        XCTAssertEqual(Percent.format(numerator: 7, denominator: 7), "100.0")
        XCTAssertEqual(Percent.format(numerator: 3, denominator: 2), "150.0")
        XCTAssertEqual(Percent.format(numerator: 3_300, denominator: 3_321), "99.4")
    }

    func testNothingToDivideByIsEmpty() {
        XCTAssertEqual(Percent.format(numerator: 0, denominator: 0), "")
        XCTAssertEqual(Percent.format(numerator: 5, denominator: 0), "")
    }

    func testNegativeAndHugeValues() {
        XCTAssertEqual(Percent.format(numerator: -1, denominator: 16), "-6.3")
        XCTAssertEqual(Percent.format(numerator: 1, denominator: Int.max), "0.0")
        XCTAssertEqual(Percent.format(numerator: Int.max / 2 + 1, denominator: Int.max), "50.0")
    }
}

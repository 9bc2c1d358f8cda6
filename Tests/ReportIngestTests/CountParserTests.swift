import XCTest
import ReportIngest

final class CountParserTests: XCTestCase {
    func testAccepted() {
        let cases: [(String?, Int)] = [
            ("1.234", 1234), ("1,234", 1234), ("1 234", 1234), ("1.234.567", 1_234_567), ("1,234,567", 1_234_567),
            ("12", 12), ("0", 0), ("", 0), (nil, 0), ("   ", 0), (" 7 ", 7), ("007", 7), ("999", 999),
            ("1\u{00A0}234", 1234), ("12.345", 12345), ("123.456", 123456), ("1\u{202F}234", 1234),
            // Zero decimals: a spreadsheet's number format or pandas' floats (a column with an empty cell).
            ("12.0", 12), ("0.0", 0), ("3,0", 3), ("12.00", 12), ("1.234,00", 1234), ("1,234.0", 1234),
            ("1 234,00", 1234), (" 7.0 ", 7),
        ]
        for (text, value) in cases {
            XCTAssertEqual(CountParser.parse(text), .success(value), "\(text.debugDescription)")
        }
    }

    func testRejected() {
        let cases: [(String, CountParser.Failure)] = [
            ("1.5", .fractional), ("1.23", .fractional), ("2,5", .fractional), ("12.345,6", .fractional),
            ("-3", .negative), ("-1.234", .negative), ("abc", .notANumber), ("1a", .notANumber), ("-", .notANumber),
            ("1.2345", .fractional), ("1234.567", .fractional), ("1.234,567", .fractional), ("1 234.567", .notANumber),
            ("+3", .notANumber), ("1e3", .notANumber), ("9999999999999", .tooLarge),
            ("12.50", .fractional), ("12.01", .fractional), ("1.234.00", .fractional), ("1,234,00", .fractional),
            ("-2.0", .negative), ("9999999999999.0", .tooLarge), ("12.0.0", .fractional), (".0", .fractional),
        ]
        for (text, failure) in cases {
            let r = CountParser.parse(text)
            XCTAssertEqual(r, .failure(failure), "\(text.debugDescription)")
        }
        // Whatever the exact failure, none of these may be read as a count.
        for text in ["12.345,6", "1..234", "1.", ".5", ",234", "1,,234", "１２", "0x10", "1_000", "∞"] {
            if case .success(let v) = CountParser.parse(text) { XCTFail("\(text.debugDescription) read as \(v)") }
        }
    }
}

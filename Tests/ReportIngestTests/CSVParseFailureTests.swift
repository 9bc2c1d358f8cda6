import Foundation
import XCTest
@testable import ReportIngest
import ReportModel

/// `csv_parse` returns the bytes it consumed; its result was ignored, so a parser that stopped (its buffer
/// could not grow) silently dropped the rest of the file, which then counted as complete.
final class CSVParseFailureTests: XCTestCase {
    override func tearDown() {
        CSVReader.bufferLimitForTesting = nil
        super.tearDown()
    }

    func testAParserThatStopsRejectsTheRestOfTheFileInsteadOfDroppingIt() throws {
        let long = String(repeating: "x", count: 100_000)
        let text = [canonicalHeader, goodRow("1.000101"), goodRow("1.000102").replacingOccurrences(of: ",,", with: ",\(long),"),
                    goodRow("1.000103")].joined(separator: "\n") + "\n"
        CSVReader.bufferLimitForTesting = 64 * 1024
        let o = try ingestFile("big.csv", text)
        XCTAssertEqual(o.rows.map(\.line), [2], "the rows before the failure are kept")
        XCTAssertEqual(o.rejects.map(\.reason), [.unreadableEncoding], "\(o.rejects)")
        XCTAssertEqual(o.rejects.first?.line, 3)
        XCTAssertTrue(o.rejects.first?.detail.contains("dòng 3") ?? false, "in Vietnamese by default: \(o.rejects)")

        CSVReader.bufferLimitForTesting = nil
        XCTAssertEqual(try ingestFile("big.csv", text).rows.map(\.line), [2, 3, 4], "without the limit the file is whole")
    }
}

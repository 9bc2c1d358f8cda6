import ReportModel
@testable import ReportPipeline
import XCTest

/// A re-ingest's count of rows newly accepted and newly rejected per date: a key counts once however often it is met.
final class RowKeyTallyTests: XCTestCase {
    func testKeysBeforeAndAfterAreComparedPerDate() {
        let d1 = Day(iso: "2026-11-26")!, d2 = Day(iso: "2026-11-27")!, d3 = Day(iso: "2026-11-25")!
        var tally = RowKeyTally(before: [d1: [3, 1, 2, 2], d3: [7]])
        for key in [2, 3, 4, 4] { tally.accepted(key, on: d1) }
        tally.accepted(7, on: d2)   // the same key on another date is another row
        tally.accepted(7, on: d3)
        XCTAssertEqual(tally.newlyRejected, [d1: 1])
        XCTAssertEqual(tally.newlyAccepted, [d1: 1, d2: 1])
    }

    func testNothingChangedCountsNothing() {
        let d = Day(iso: "2026-11-27")!
        var tally = RowKeyTally(before: [d: [5, -3, 9]])
        for key in [9, -3, 5] { tally.accepted(key, on: d) }
        XCTAssertEqual(tally.newlyRejected, [:])
        XCTAssertEqual(tally.newlyAccepted, [:])
    }
}

import Foundation
@testable import ReportPipeline
import XCTest

/// The re-ingest progress line is redrawn per 1 % of the files or every 0.2 s, whichever comes first (an injected
/// clock: nothing here is timed).
final class ProgressThrottleTests: XCTestCase {
    /// The counts shown when `total` items are done one by one, the clock moving `secondsPerItem` each.
    func shown(total: Int, secondsPerItem: Double) -> [Int] {
        var throttle = ProgressThrottle(total: total)
        var out: [Int] = []
        for done in 0...total where throttle.due(done, clock: { Double(done) * secondsPerItem }) { out.append(done) }
        return out
    }

    func testAFastJobIsRedrawnEveryOnePercent() {
        let counts = shown(total: 1000, secondsPerItem: 0)
        XCTAssertEqual(counts, Array(stride(from: 0, through: 1000, by: 10)), "every 10 files, not every 200")
    }

    func testALongJobIsRedrawnEveryFifthOfASecond() {
        // 100,000 files at 1/1024 s each (exact in binary): 1 % is 1,000 files (~1 s); the clock's rule redraws
        // every 205 files (0.2002 s).
        let counts = shown(total: 100_000, secondsPerItem: 1.0 / 1024)
        XCTAssertEqual(counts.first, 0)
        XCTAssertEqual(counts.last, 100_000, "the end")
        let gaps = zip(counts.dropFirst(), counts).map { $0 - $1 }
        XCTAssertEqual(Set(gaps.dropLast()), [205], "every 0.2 s")
        XCTAssertLessThanOrEqual(gaps.last ?? 0, 205)
        XCTAssertEqual(counts.count, 489, "about 5 redraws a second for 98 s")
    }

    func testASlowJobIsRedrawnPerFileButNeverTwiceForOneCount() {
        var throttle = ProgressThrottle(total: 50)
        var now = 0.0
        XCTAssertTrue(throttle.due(0, clock: { now }))
        XCTAssertFalse(throttle.due(0, clock: { now }), "the same count again")
        now = 10
        XCTAssertTrue(throttle.due(1, clock: { now }), "1 of 50 is 2 %")
        XCTAssertFalse(throttle.due(1, clock: { now }))
        XCTAssertFalse(throttle.due(0, clock: { now }), "never backwards")
        XCTAssertTrue(throttle.due(50, clock: { now }), "the end is always shown")
        XCTAssertFalse(throttle.due(50, clock: { now }))
    }

    func testTheEndIsShownEvenRightAfterARedraw() {
        var throttle = ProgressThrottle(total: 10_000)
        XCTAssertTrue(throttle.due(0, clock: { 0 }))
        XCTAssertFalse(throttle.due(5, clock: { 0 }))
        XCTAssertTrue(throttle.due(10_000, clock: { 0 }))
    }

    /// Ticks from two threads: counts shown rise, stay below the total until `finish()`, which shows it.
    func testTheTickerShowsRisingCountsAndTheTotalOnlyAtTheEnd() {
        final class Seen: @unchecked Sendable { var counts: [Int] = [] }  // written only by the ticker, under its lock
        let seen = Seen()
        let ticker = ProgressTicker(total: 400, clock: { 0 }) { seen.counts.append($0) }
        ticker.start()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in for _ in 0..<200 { ticker.tick() } }
        XCTAssertEqual(seen.counts.last, 396, "the last 1 % step below the total")
        ticker.finish()
        XCTAssertEqual(seen.counts, Array(stride(from: 0, through: 396, by: 4)) + [400])
    }
}

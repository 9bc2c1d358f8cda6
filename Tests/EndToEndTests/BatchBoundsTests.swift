import ReportWarehouse
import XCTest
@testable import ReportPipeline

final class BatchBoundsTests: XCTestCase {
    func testBatchesTileTheFilesInBoundedSizes() {
        for count in [1, 124, 125, 126, 999, 1000, 3355, 8000, 50325] {
            let bounds = NightlyRun.batchBounds(count: count)
            var next = 0
            for r in bounds {
                XCTAssertEqual(r.lowerBound, next, "count \(count): \(bounds)")
                XCTAssertFalse(r.isEmpty, "count \(count): \(bounds)")
                XCTAssertLessThanOrEqual(r.count, NightlyRun.batchSize, "count \(count)")
                next = r.upperBound
            }
            XCTAssertEqual(next, count, "count \(count): \(bounds)")
            if count >= 2000 {
                XCTAssertLessThanOrEqual(bounds.first!.count, 125, "count \(count): the first batch starts loading early")
                XCTAssertLessThanOrEqual(bounds.last!.count, 250, "count \(count): nothing overlaps the last load")
            }
        }
    }

    func testNoFilesGiveNoBatches() {
        // An empty batch would still be read and loaded in its own transaction.
        XCTAssertEqual(NightlyRun.batchBounds(count: 0), [])
    }
    func testALargeLoadsHashesGoStraightToTierZero() {
        XCTAssertEqual(NightlyRun.hashTier(forNewFiles: 3355), .recent, "a national night")
        XCTAssertEqual(NightlyRun.hashTier(forNewFiles: NightlyRun.largeLoadFiles - 1), .recent)
        XCTAssertEqual(NightlyRun.hashTier(forNewFiles: NightlyRun.largeLoadFiles), .settled)
        XCTAssertEqual(NightlyRun.hashTier(forNewFiles: 835_395), .settled, "a year's backfill")
    }
}

import Foundation
import XCTest
@testable import ReportPipeline

final class FileContentsTests: XCTestCase {
    func testReadsTheWholeFileWhateverTheHint() throws {
        let dir = try TempDir("contents")
        // Not a multiple of 4096, and no byte repeats with that period, so a mis-placed read shows.
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 251) }
        let path = dir.path("f.bin")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        for hint in [10_000, 0, 1, 4095, 4096, 9_999, 10_001, 50_000, -5] {
            XCTAssertEqual(Ingestion.contents(ofFileAt: path, sizeHint: hint), bytes, "size hint \(hint)")
        }
    }

    func testEmptyAndMissingFiles() throws {
        let dir = try TempDir("contents")
        let empty = dir.path("empty.csv")
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data()))
        XCTAssertEqual(Ingestion.contents(ofFileAt: empty, sizeHint: 0), [])
        XCTAssertEqual(Ingestion.contents(ofFileAt: empty, sizeHint: 100), [])
        XCTAssertNil(Ingestion.contents(ofFileAt: dir.path("missing.csv"), sizeHint: 0))
        XCTAssertNil(Ingestion.contents(ofFileAt: dir.url.path, sizeHint: 0), "a folder opens but cannot be read")
    }
}

import Foundation
import XCTest
import ReportModel
@testable import ReportExport

final class AtomicFileTests: XCTestCase {
    func testWritesAndReplacesWithoutLeavingTempFiles() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let url = dir.url.appendingPathComponent("national_summary.csv")
        try AtomicFile.write(Data("first\r\n".utf8), to: url)
        XCTAssertEqual(try Data(contentsOf: url), Data("first\r\n".utf8))
        try AtomicFile.write(Array("second, longer\r\n".utf8), to: url)
        XCTAssertEqual(try Data(contentsOf: url), Data("second, longer\r\n".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.url.path), ["national_summary.csv"])
    }

    func testEmptyFileAndVietnameseName() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let url = dir.url.appendingPathComponent("báo cáo.csv")
        try AtomicFile.write([UInt8](), to: url)
        XCTAssertEqual(try Data(contentsOf: url), Data())
    }

    func testMissingDirectoryThrowsReportErrorAndLeavesNothing() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let url = dir.url.appendingPathComponent("no/such/dir/x.csv")
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: url)) { error in
            // A path that does not exist is the operator's to fix (contract §7: 64 with the path), not an internal error.
            XCTAssertEqual((error as? ReportError)?.code, .usage)
            XCTAssertTrue((error as? ReportError)?.location?.hasPrefix(url.deletingLastPathComponent().path) ?? false)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.url.path), [])
    }
}

import Foundation
import ReportModel
import XCTest

/// Errors that are not `ReportError` are classified by their errno, so the one exit path prints a sentence with the fix.
final class ReportErrorTests: XCTestCase {
    func foundationError(_ cocoa: Int, posix: Int32, path: String) -> NSError {
        NSError(domain: NSCocoaErrorDomain, code: cocoa,
                userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(posix))])
    }

    func testAFullDiskFromFoundationIsTryLaterWithThePathAndNoRawText() {
        let e = ReportError(wrapping: foundationError(640, posix: ENOSPC, path: "/out/exports/x.csv"))
        XCTAssertEqual(e.code, .tryLater)
        XCTAssertEqual(e.exitCode, 75)
        XCTAssertEqual(e.location, "/out/exports/x.csv")
        let vi = e.rendered(.vi), en = e.rendered(.en)
        XCTAssertTrue(vi.hasPrefix("/out/exports/x.csv: đĩa đã đầy; hãy giải phóng dung lượng"), vi)
        XCTAssertTrue(en.contains("the disk is full; free some space") && en.contains("errno 28"), en)
        XCTAssertFalse(en.contains("Error Domain"), en)
        XCTAssertEqual((e.cause as NSError?)?.code, 640, "the cause stays the Foundation error")
    }

    func testPermissionAndReadOnlyAreUsageErrorsWithTheFix() {
        for code in [EACCES, EPERM, EROFS] {
            let e = ReportError.systemCall("open", path: "/srv/out/.lock", errno: code)
            XCTAssertEqual(e.exitCode, 64, "errno \(code)")
            XCTAssertTrue(e.rendered(.en).contains("chmod") && e.rendered(.en).contains("--out"), e.rendered(.en))
            XCTAssertEqual((e.cause as? SystemCallError)?.errno, code)
        }
    }

    func testPassingFaultsAreTryLater() {
        for code in [EIO, EAGAIN, ENOMEM, EMFILE] {
            XCTAssertEqual(ReportError.systemCall("write", path: "/x", errno: code).exitCode, 75, "errno \(code)")
        }
    }

    func testAnUnknownErrorIsInternalAndNamesTheProgramLine() {
        struct Odd: Error {}
        let line = #line + 1
        let e = ReportError(wrapping: Odd())
        XCTAssertEqual(e.exitCode, 70)
        XCTAssertEqual(e.source, .init(fileID: "ReportModelTests/ReportErrorTests.swift", line: line))
        XCTAssertTrue(e.rendered(.vi).contains("lỗi nội bộ tại ReportModelTests/ReportErrorTests.swift:\(line)"), e.rendered(.vi))
        XCTAssertTrue(e.rendered(.en).contains("send this whole line to the developers"), e.rendered(.en))
    }

    func testAReportErrorPassesThroughUnchanged() {
        let original = ReportError(.damaged, vi: "hỏng", en: "damaged", location: "w.sqlite")
        let e = ReportError(wrapping: original)
        XCTAssertEqual(e.exitCode, 74)
        XCTAssertEqual(e.rendered(.en), "w.sqlite: damaged")
        XCTAssertEqual(e.rendered(.vi), "w.sqlite: hỏng")
    }
}

import Foundation
@testable import ReportPipeline
import ReportModel
import ReportWarehouse
import XCTest

/// The archiver checks every kept copy against its SHA-256 as it reads it: a run does not read its own copies
/// before archiving (`keepCopiesWhole` leaves this run's packs out), so a copy damaged since it was kept is caught
/// there, its date's archive left as it was.
final class ArchiverCopyCheckTests: XCTestCase {
    func testADamagedCopyLeavesItsDatesArchiveAsItWas() throws {
        let dir = try TempDir("archiver-check")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        let changed = "2026-11-24/01/00070.csv"
        let blob = try sqlite("\(out)/warehouse.sqlite", """
            SELECT b.pack, b.offset FROM raw_blobs b JOIN submissions s ON s.sha256 = b.sha256 WHERE s.path = '\(changed)'
            """)
        let archive24 = "\(out)/archive/2026/11/2026-11-24.tar.gz", archive25 = "\(out)/archive/2026/11/2026-11-25.tar.gz"
        let before24 = try Data(contentsOf: URL(fileURLWithPath: archive24))
        try FileManager.default.removeItem(atPath: archive25)

        let fh = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(out)/raw/\(blob[0][0])"))
        try fh.seek(toOffset: UInt64(blob[0][1])! + 40)
        try fh.write(contentsOf: Data("XXXX".utf8))
        try fh.close()
        let archiver = Archiver(out: URL(fileURLWithPath: out), rawStore: RawStore(root: URL(fileURLWithPath: "\(out)/raw")))
        let day24 = try XCTUnwrap(Day(iso: "2026-11-24")), day25 = try XCTUnwrap(Day(iso: "2026-11-25"))
        let report = try archiver.write([day24, day25], warehousePath: "\(out)/warehouse.sqlite")

        // The sample inbox also holds a copy of the same bytes under another name: both name the damaged copy.
        XCTAssertEqual(report.damaged, [day24: [changed, "resent/2026-11-24-01-00070.csv"]])
        XCTAssertEqual(report.archives, 1, "the other date is archived")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: archive24)), before24, "the archive keeps the good bytes")
        XCTAssertTrue(FileManager.default.fileExists(atPath: archive25))
    }
}

extension ArchiverCopyCheckTests {
    func testTheSummaryNamesCopiesDamagedBeforeArchiving() throws {
        var summary = RunSummary()
        summary.unarchivedCopies = ["2026-11-24/01/00070.csv"]
        let day = try XCTUnwrap(Day(iso: "2026-11-27"))
        XCTAssertTrue(summary.line(for: day).contains(
            "1 bản lưu gốc vừa lưu đã hỏng trước khi vào kho lưu trữ (2026-11-24/01/00070.csv): kho lưu trữ của các ngày đó "
                + "được giữ nguyên; lần chạy sau lấy lại các tệp từ hộp thư đến"), summary.line(for: day))
        summary.language = .en
        XCTAssertTrue(summary.line(for: day).contains("1 copy(ies) kept by this run damaged before archiving"), summary.line(for: day))
    }
}

import ReportModel
import XCTest
@testable import ReportExport

/// A sheet made from the program's own workbooks can be sent back: their column titles are headers the inbox reads.
final class WorkbookTitlesTests: XCTestCase {
    func testTheWorkbooksTitlesOfSubmissionColumnsAreReadAsThoseColumns() throws {
        let columns: [Column] = [.reportDate, .unitCode, .procedureCode] + Column.counts
        for column in columns {
            let titles = try XCTUnwrap(WorkbookTitles.all[column.canonicalName], column.canonicalName)
            XCTAssertEqual(Column(header: titles.vi), column, "\(titles.vi)")
            XCTAssertEqual(Column(header: titles.en), column, "\(titles.en)")
        }
        // The backlog's workbook titles are not the resolved columns they resemble.
        XCTAssertEqual(Column(header: "Đang giải quyết quá hạn"), .pendingOverdue)
        XCTAssertEqual(Column(header: "Giải quyết quá hạn"), .resolvedLate)
        XCTAssertEqual(Column(header: "Thời điểm gửi"), .submittedAt)
    }
}

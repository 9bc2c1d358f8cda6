import Foundation
import ReportModel
import XCTest
@testable import ReportExport

/// The report pages in the run's language (contract §4 "Language"): with `--lang en` no Vietnamese text of the
/// program's own is left; only the data (names, details of the sample) stays as it came.
final class ReportHTMLLanguageTests: XCTestCase {
    /// A sample day with every section filled: findings, rejects (one of each reason), late units, a previous day.
    private func dayInput(_ language: Language) -> DayExportInput {
        var input = ReportHTMLSample.input(day: ReportHTMLSample.day, findings: 63)
        input.language = language
        input.rejects = RejectReason.allCases.enumerated().map { i, reason in
            Reject(file: "01/xa-\(i).csv", line: i + 2, reason: reason, detail: "sample detail \(i)", raw: "a,b,c",
                   unitCode: i % 2 == 0 ? "01001" : nil)
        } + (0..<12).map { Reject(file: "01/more.csv", line: $0 + 2, reason: .badCount, detail: "more", raw: "x") }
        let province = Unit(code: "01", name: "Thành phố Hà Nội", level: .province, parentCode: nil, kind: "tỉnh", aliases: [],
                            activeFrom: nil, activeTo: nil)
        let unit = Unit(code: "01001", name: "Xã Số 1", level: .commune, parentCode: "01", kind: "xã", aliases: [],
                        activeFrom: nil, activeTo: nil)
        input.aggregate.late = [LateReport(province: province, unit: unit,
                                           firstSubmission: Timestamp.vietnam(ReportHTMLSample.day.adding(days: 1), hour: 12, minute: 5))]
        input.deadline = Timestamp.vietnam(ReportHTMLSample.day.adding(days: 1), hour: 10, minute: 0)
        return input
    }

    private func page(_ language: Language) throws -> String {
        try ReportHTML(trend: ReportHTMLSample.trend(), previous: ReportHTMLSample.previous(),
                       previousDay: ReportHTMLSample.day.adding(days: -1), unitNames: ["01001": "Xã Số 1"])
            .renderString(dayInput(language))
    }

    /// The page with the sample's own data removed: what is left is the program's text.
    private func programText(_ html: String, data: [String]) -> String {
        data.reduce(html) { $0.replacingOccurrences(of: $1, with: "") }
    }

    private static let dayData = ReportHTMLSample.provinces.map(\.1)
        + ["Việt Nam", "Xã Số", "Giá trị lệch nhiều so với lịch sử của đơn vị (mẫu", "Đăng ký khai sinh",
           "Cấp phiếu lý lịch tư pháp", "Đăng ký kinh doanh hộ cá thể", "Cấp giấy phép xây dựng"]

    /// Letters only Vietnamese text has here (Latin-1 and Latin Extended letters, the Vietnamese block).
    private func vietnameseLetters(_ text: String) -> String {
        String(text.unicodeScalars.filter { (0xC0...0x24F).contains($0.value) || (0x1E00...0x1EFF).contains($0.value) }
            .map(Character.init))
    }

    func testTheEnglishDayPageHasNoVietnameseTextOfItsOwn() throws {
        let html = try page(.en)
        XCTAssertTrue(html.contains("<html lang=\"en\">"))
        XCTAssertEqual(vietnameseLetters(programText(html, data: Self.dayData)), "")
        for text in ["Daily report 2025-07-15", "Headline figures", "(nationwide; change since 2025-07-14)", "Reporting rate by province",
                     "National trend", "Figures by province", "Provinces with the most missing reports", "Late reports",
                     "(1 unit)", "Late by", "2 h 05 min", "Findings", "13 more findings", "Rejected data",
                     "Unreadable Excel file", "Final figures: made after the reporting deadline 2025-07-16 10:00.",
                     "Run 42"] {
            XCTAssertTrue(html.contains(text), "missing: \(text)")
        }
        // No text of the program needs an escaped apostrophe (`&#39;` in a text checker's eyes).
        XCTAssertFalse(programText(html, data: Self.dayData).contains("&#39;"))
        // Decimals are written the English way: "93.5", not "93,5".
        XCTAssertNil(html.firstMatch(of: /class="kpi-value">\d+,\d/))
    }

    /// The same check fails on the Vietnamese page: it is what finds Vietnamese text.
    func testTheVietnameseDayPageIsStillVietnamese() throws {
        let html = try page(.vi)
        XCTAssertTrue(html.contains("<html lang=\"vi\">"))
        XCTAssertNotEqual(vietnameseLetters(programText(html, data: Self.dayData)), "")
        for text in ["Báo cáo ngày 15/07/2025", "Chỉ tiêu chính", "(cả nước; thay đổi so với ngày 14/07/2025)",
                     "Còn 13 bất thường khác", "(1 đơn vị)", "2 giờ 05 phút", "Tệp Excel không đọc được", "Lần chạy số 42"] {
            XCTAssertTrue(html.contains(text), "missing: \(text)")
        }
    }

    /// Every reason a reject can have is told in words in both languages (`bad_xlsx` was shown as its code).
    func testEveryRejectReasonHasALabelInBothLanguages() {
        for language in Language.allCases {
            let format = ReportHTMLFormat(language)
            for reason in RejectReason.allCases {
                XCTAssertNotEqual(format.reasonLabel(reason.rawValue), reason.rawValue, "\(language): \(reason)")
            }
        }
        XCTAssertEqual(ReportHTMLFormat(.en).reasonLabel("bad_xlsx"), "Unreadable Excel file")
    }

    func testTextWithBoldFileNamesIsSplitIntoEscapedRuns() throws {
        let parts = PageText.parts("see **report.xlsx** or **a<b>.csv**.")
        XCTAssertEqual(parts.map { $0["s"] as? String }, ["see ", "report.xlsx", " or ", "a<b>.csv", "."])
        XCTAssertEqual(parts.map { $0["b"] as? Bool }, [false, true, false, true, false])
        let html = try page(.en)
        XCTAssertTrue(html.contains("(sheet “Missing”) or <b>missing_reports.csv</b>;"))
    }
}

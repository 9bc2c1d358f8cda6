import ReportChecks
import ReportModel
import XCTest

/// Findings' `detail` is Vietnamese by default (contract §4 "Language"); rule and metric codes stay identifiers.
final class VietnameseDetailTests: XCTestCase {
    func testRepeatedReport() {
        let days = reportDays(count: 2)
        let report = ["1.000101": counts(3, late: 1, onTime: 2, pending: 9), "1.000102": counts(pending: 4)]
        let found = runChecks(days.map { DayReports(day: $0, units: ["00001": report]) }, settings: CheckSettings())
        XCTAssertEqual(found.map(\.metric), ["report"])
        XCTAssertEqual(found.first?.detail, "báo cáo giống hệt báo cáo ngày 02/11/2026: 2 thủ tục, "
                       + "cả bảy số liệu của từng thủ tục đều trùng, tổng phát sinh 6 hồ sơ")
    }

    func testBalanceMismatch() {
        let days = reportDays(count: 2)
        let series = [
            DayReports(day: days[0], units: ["00001": ["1.000101": counts(4, pending: 12)]]),
            DayReports(day: days[1], units: ["00001": ["1.000101": counts(5, late: 1, onTime: 2, pending: 15)]]),
        ]
        let found = runChecks(series, settings: CheckSettings()).filter { $0.rule == .balanceMismatch }
        XCTAssertEqual(found.map(\.metric), ["pending"])
        XCTAssertEqual(found.first?.detail,
                       "tồn kỳ trước 12 + tiếp nhận 5 = 17 ≠ đã giải quyết 3 + trả lại 0 + đang giải quyết 15 = 18")
    }

    func testOutlierWritesDecimalCommas() {
        let found = runChecks(receivedSeries(Array(repeating: 3, count: 10) + [13]), settings: CheckSettings())
            .filter { $0.rule == .outlier }
        XCTAssertEqual(found.map(\.metric), ["received"])
        XCTAssertEqual(found.first?.score, "3.84", "the score column stays a machine number")
        XCTAssertEqual(found.first?.detail, "số hồ sơ tiếp nhận 13, kỳ vọng 3 (trung vị của 10 ngày báo cáo; thang đo 2,6)")
    }

    func testUnregisteredReporterNamesBothPeople() {
        let stranger = Reporter(fullName: "Nguyễn Văn Lạ", email: "la@gmail.com", phone: "0987654321")
        let report = UnitReport(reportDate: monday, unitCode: "00001", submittedAt: .vietnam(monday, hour: 17, minute: 5),
                                line: 2, reporter: stranger)
        let found = Checks.run(today: DayReports(day: monday, units: [:]), previousReportDay: nil, history: [],
                               unitReports: [report], registries: smallRegistries, settings: CheckSettings())
        XCTAssertEqual(found.first?.detail, "người báo cáo Nguyễn Văn Lạ <la@gmail.com> 0987654321 (gửi lúc 02/11/2026 17:05) "
                       + "không phải đầu mối liên hệ của đơn vị 00001 hay của tỉnh 01 ngày 02/11/2026; "
                       + "đầu mối đã đăng ký: Lê Văn Phường <badinh@hanoi.gov.vn> 0912000001")
    }
}

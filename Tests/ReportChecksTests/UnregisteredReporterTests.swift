import ReportChecks
import ReportModel
import XCTest

final class UnregisteredReporterTests: XCTestCase {
    private let day = monday
    private let evening = Timestamp.vietnam(monday, hour: 17, minute: 5)

    private func check(_ reports: [UnitReport]) -> [Finding] {
        Checks.run(today: DayReports(day: day, units: [:]), previousReportDay: nil, history: [], unitReports: reports,
                   registries: smallRegistries, settings: CheckSettings.english)
    }

    private func report(_ reporter: Reporter, unit: String = "00001", at time: Timestamp? = nil) -> UnitReport {
        UnitReport(reportDate: day, unitCode: unit, submittedAt: time ?? evening, line: 2, reporter: reporter)
    }

    func testUnitContactIsNotFlagged() {
        XCTAssertEqual(check([report(Reporter(fullName: "Lê Văn Phường", email: "BaDinh@Hanoi.gov.vn"))]), [])
        XCTAssertEqual(check([report(Reporter(phone: "+84 912 000 001"))]), [])
    }

    func testProvinceContactIsNotFlagged() {
        XCTAssertEqual(check([report(Reporter(fullName: "Trần Thị Tỉnh", email: "tinh@hanoi.gov.vn"))]), [])
        XCTAssertEqual(check([report(Reporter(phone: "024 1111 111"), unit: "01")]), [])
    }

    func testStrangerIsFlaggedOncePerSubmission() {
        let stranger = Reporter(fullName: "Nguyễn Văn Lạ", email: "la@gmail.com", phone: "0987654321")
        let later = Timestamp.vietnam(day, hour: 18, minute: 0)
        let findings = check([report(stranger), report(stranger), report(stranger, at: later)])
        XCTAssertEqual(findings.count, 2)
        XCTAssertEqual(findings[0], Finding(
            reportDate: day, unitCode: "00001", procedureCode: "", rule: .unregisteredReporter, metric: "reporter",
            value: "Nguyễn Văn Lạ <la@gmail.com> 0987654321", expected: "Lê Văn Phường <badinh@hanoi.gov.vn> 0912000001",
            score: "",
            detail: "reporter Nguyễn Văn Lạ <la@gmail.com> 0987654321 (submitted 2026-11-02T17:05:00+07:00) "
                + "is not a contact point of unit 00001 or of province 01 on 2026-11-02; "
                + "registered contact: Lê Văn Phường <badinh@hanoi.gov.vn> 0912000001"))
        XCTAssertTrue(findings[1].detail.contains("18:00:00"))
    }

    func testAnotherUnitsContactIsFlagged() {
        let findings = check([report(Reporter(email: "badinh@hanoi.gov.vn"), unit: "00002")])
        XCTAssertEqual(findings.map(\.unitCode), ["00002"])
        XCTAssertEqual(findings.first?.expected, "")  // 00002's only contact point ended before the day
    }

    func testContactNoLongerInForceIsFlagged() {
        XCTAssertEqual(check([report(Reporter(email: "cu@socson.gov.vn"), unit: "00002")]).count, 1)
    }

    func testReportWithoutReporterIsNotChecked() {
        XCTAssertEqual(check([report(Reporter(fullName: "Ai đó"))]), [])
    }
}

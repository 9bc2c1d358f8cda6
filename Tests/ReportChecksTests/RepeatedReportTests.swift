import ReportChecks
import ReportModel
import XCTest

final class RepeatedReportTests: XCTestCase {
    private func repeated(_ findings: [Finding]) -> [Finding] { findings.filter { $0.rule == .repeatedReport } }

    func testIdenticalActiveReportIsFlagged() {
        let days = reportDays(count: 2)
        let report = ["1.000101": counts(3, late: 1, onTime: 2, pending: 9), "1.000102": counts(pending: 4)]
        let series = days.map { DayReports(day: $0, units: ["00001": report]) }
        XCTAssertEqual(repeated(runChecks(series)), [
            Finding(reportDate: days[1], unitCode: "00001", procedureCode: "", rule: .repeatedReport, metric: "report",
                    value: "6", expected: "", score: "",
                    detail: "report repeats 2026-11-02's exactly: 2 procedures, same seven counts each, activity 6"),
        ])
    }

    func testIdenticalIdleReportIsNotFlagged() {
        // Only pending carries over: nothing happened, so the same numbers are expected.
        let report = ["1.000101": counts(pending: 9), "1.000102": counts()]
        let series = reportDays(count: 2).map { DayReports(day: $0, units: ["00001": report]) }
        XCTAssertEqual(repeated(runChecks(series)), [])
    }

    func testAnyDifferenceIsNotFlagged() {
        let days = reportDays(count: 2)
        let a = ["1.000101": counts(3, pending: 9), "1.000102": counts(1)]
        var b = a
        b["1.000102"] = nil
        var c = a
        c["1.000102"] = counts(1, returned: 1)
        for other in [b, c] {
            let series = [DayReports(day: days[0], units: ["00001": a]), DayReports(day: days[1], units: ["00001": other])]
            XCTAssertEqual(repeated(runChecks(series)), [])
        }
    }

    func testNoCheckAcrossAGap() {
        let days = reportDays(count: 3)
        let report = ["1.000101": counts(3, pending: 9)]
        let series = [DayReports(day: days[0], units: ["00001": report]), DayReports(day: days[2], units: ["00001": report])]
        XCTAssertEqual(repeated(runChecks(series, previousReportDay: days[1])), [])
    }
}

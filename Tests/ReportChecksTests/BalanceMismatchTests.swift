import ReportChecks
import ReportModel
import XCTest

final class BalanceMismatchTests: XCTestCase {
    private func balance(_ findings: [Finding]) -> [Finding] { findings.filter { $0.rule == .balanceMismatch } }

    func testBalancedDayHasNoFinding() {
        let days = reportDays(count: 2)
        let series = [
            DayReports(day: days[0], units: ["00001": ["1.000101": counts(4, pending: 12)]]),
            DayReports(day: days[1], units: ["00001": ["1.000101": counts(5, late: 1, onTime: 2, returned: 1, pending: 13)]]),
        ]
        XCTAssertEqual(balance(runChecks(series)), [])
    }

    func testMismatchReportsBothSides() {
        let days = reportDays(count: 2)
        let series = [
            DayReports(day: days[0], units: ["00001": ["1.000101": counts(4, pending: 12)]]),
            DayReports(day: days[1], units: ["00001": ["1.000101": counts(5, late: 1, onTime: 2, pending: 15)]]),
        ]
        XCTAssertEqual(balance(runChecks(series)), [
            Finding(reportDate: days[1], unitCode: "00001", procedureCode: "1.000101", rule: .balanceMismatch,
                    metric: "pending", value: "15", expected: "14", score: "1",
                    detail: "pending 12 + received 5 = 17 ≠ resolved 3 + returned 0 + pending 15 = 18"),
        ])
    }

    func testPendingCountsOnTimeAndOverdue() {
        let days = reportDays(count: 2)
        let prev = Counts(pendingOnTime: 7, pendingOverdue: 3)
        let today = Counts(receivedOnline: 2, receivedOffline: 3, resolvedOnTime: 4, resolvedLate: 1, returned: 1,
                           pendingOnTime: 7, pendingOverdue: 2)
        let series = [
            DayReports(day: days[0], units: ["00001": ["1.000101": prev]]),
            DayReports(day: days[1], units: ["00001": ["1.000101": today]]),
        ]
        XCTAssertEqual(balance(runChecks(series)), [])
    }

    func testNoCheckAcrossAGap() {
        // Tuesday's history ends on Friday: Monday, the previous report day, is missing.
        let days = reportDays(count: 3)
        let series = [
            DayReports(day: days[0], units: ["00001": ["1.000101": counts(pending: 50)]]),
            DayReports(day: days[2], units: ["00001": ["1.000101": counts(5, pending: 15)]]),
        ]
        XCTAssertEqual(balance(runChecks(series, previousReportDay: days[1])), [])
        XCTAssertEqual(balance(runChecks(series, previousReportDay: days[0])).count, 1)
    }

    func testNoCheckWhenTheUnitOrProcedureWasNotReportedTheDayBefore() {
        let days = reportDays(count: 2)
        let series = [
            DayReports(day: days[0], units: ["00002": ["1.000101": counts(pending: 50)],
                                             "00001": ["1.000102": counts(pending: 50)]]),
            DayReports(day: days[1], units: ["00001": ["1.000101": counts(5, pending: 15)],
                                             "00002": ["1.000102": counts(5, pending: 15)]]),
        ]
        XCTAssertEqual(balance(runChecks(series)), [])
    }
}

import ReportChecks
import ReportModel
import XCTest

final class ChecksTests: XCTestCase {
    func testDayReportsFromRows() {
        let t = Timestamp.vietnam(monday, hour: 17, minute: 0)
        let rows = [
            StoredRow(row: ReportRow(reportDate: monday, unitCode: "00001", procedureCode: "1.000101", counts: counts(3),
                                     submittedAt: t, line: 2), submissionPath: "a.csv", receivedAt: t),
            StoredRow(row: ReportRow(reportDate: monday, unitCode: "00001", procedureCode: "1.000102", counts: counts(4),
                                     submittedAt: t, line: 3), submissionPath: "a.csv", receivedAt: t),
            StoredRow(row: ReportRow(reportDate: monday.adding(days: 1), unitCode: "00002", procedureCode: "1.000101",
                                     counts: counts(5), submittedAt: t, line: 4), submissionPath: "a.csv", receivedAt: t),
        ]
        let reports = DayReports(day: monday, rows: rows)
        XCTAssertEqual(reports.units, ["00001": ["1.000101": counts(3), "1.000102": counts(4)]])
    }

    func testFindingsAreSortedByUnitProcedureRuleMetric() {
        let days = reportDays(count: 11)
        var series = days.map { d in
            DayReports(day: d, units: ["00002": ["1.000101": counts(pending: 5)], "00001": ["1.000101": counts(1, late: 1)]])
        }
        series[10].units["00002"] = ["1.000101": counts(50, late: 40, pending: 5)]
        series[10].units["00001"] = ["1.000101": counts(1, late: 1, pending: 2), "1.000102": counts(30)]
        let stranger = UnitReport(reportDate: days[10], unitCode: "00002", submittedAt: .vietnam(days[10], hour: 17, minute: 0),
                                  line: 2, reporter: Reporter(email: "x@y.vn"))
        let findings = runChecks(series, unitReports: [stranger])
        XCTAssertEqual(findings.map { "\($0.unitCode) \($0.procedureCode) \($0.rule.rawValue) \($0.metric)" }, [
            "00001 1.000101 balance_mismatch pending",
            "00001 1.000102 outlier received",
            "00002  unregistered_reporter reporter",
            "00002 1.000101 balance_mismatch pending",
            "00002 1.000101 outlier received",
            "00002 1.000101 outlier resolved_late",
        ])
    }

    func testHistoryOnOrAfterTodayIsIgnored() {
        let days = reportDays(count: 3)
        let today = DayReports(day: days[1], units: ["00001": ["1.000101": counts(3, pending: 9)]])
        let later = DayReports(day: days[2], units: ["00001": ["1.000101": counts(3, pending: 9)]])
        let before = DayReports(day: days[0], units: ["00001": ["1.000101": counts(3, pending: 9)]])
        let findings = Checks.run(today: today, previousReportDay: days[0], history: [before, later], unitReports: [],
                                  registries: smallRegistries, settings: CheckSettings.english)
        XCTAssertEqual(findings.map(\.rule), [.repeatedReport, .balanceMismatch])  // "" sorts first
    }
}

import XCTest
import ReportModel

final class CalendarDeadlineTests: XCTestCase {
    func day(_ s: String) -> Day { Day(iso: s)! }

    var calendar: ReportCalendar {
        ReportCalendar(exceptions: [day("2026-09-02"): false,  // Wednesday holiday
                                    day("2025-04-26"): true,   // make-up Saturday
                                    day("2026-01-01"): false],
                       names: [day("2026-09-02"): "Quốc khánh"])
    }

    func testReportDays() {
        let c = calendar
        XCTAssertTrue(c.isReportDay(day("2026-11-27")))   // Friday
        XCTAssertFalse(c.isReportDay(day("2026-11-28")))  // Saturday
        XCTAssertFalse(c.isReportDay(day("2026-11-29")))  // Sunday
        XCTAssertFalse(c.isReportDay(day("2026-09-02")), "holiday on a weekday")
        XCTAssertTrue(c.isReportDay(day("2026-09-03")))
        XCTAssertTrue(c.isReportDay(day("2025-04-26")), "make-up working Saturday")
        XCTAssertFalse(c.isReportDay(day("2025-04-27")))
        XCTAssertTrue(ReportCalendar().isReportDay(day("2026-09-02")))
    }

    func testPreviousReportDay() {
        let c = calendar
        XCTAssertEqual(c.previousReportDay(before: day("2026-11-30")), day("2026-11-27"), "Monday → Friday across a weekend")
        XCTAssertEqual(c.previousReportDay(before: day("2026-11-29")), day("2026-11-27"))
        XCTAssertEqual(c.previousReportDay(before: day("2026-11-27")), day("2026-11-26"))
        XCTAssertEqual(c.previousReportDay(before: day("2026-09-03")), day("2026-09-01"), "skips the holiday")
        XCTAssertEqual(c.previousReportDay(before: day("2025-04-28")), day("2025-04-26"), "the make-up Saturday counts")
        XCTAssertEqual(c.previousReportDay(before: day("2026-01-02")), day("2025-12-31"), "holiday at New Year")
        XCTAssertEqual(c.reportDay(onOrAfter: day("2026-11-28")), day("2026-11-30"))
        XCTAssertEqual(c.reportDay(onOrAfter: day("2026-11-27")), day("2026-11-27"))
        XCTAssertEqual(c.reportDays(from: day("2026-08-31"), to: day("2026-09-06")).map(\.iso),
                       ["2026-08-31", "2026-09-01", "2026-09-03", "2026-09-04"])
        XCTAssertEqual(c.reportDays(from: day("2026-09-06"), to: day("2026-09-01")), [])
    }

    func testDeadline() throws {
        let d = day("2026-11-26")
        XCTAssertEqual(Deadline.standard.instant(for: d), Timestamp(parsing: "2026-11-27T10:00:00+07:00"))
        XCTAssertEqual(Deadline.standard.instant(for: d), Timestamp(parsing: "2026-11-27T03:00:00Z"))
        let parsed = try XCTUnwrap(Deadline(parsing: "10:00"))
        XCTAssertEqual(parsed, Deadline.standard)
        let two = try XCTUnwrap(Deadline(parsing: "+2 09:30"))
        XCTAssertEqual(two, Deadline(daysAfter: 2, hour: 9, minute: 30))
        XCTAssertEqual(two.instant(for: day("2026-11-27")), Timestamp(parsing: "2026-11-29T09:30:00+07:00"))
        XCTAssertEqual(Deadline(parsing: "+0 23:59")?.instant(for: d), Timestamp(parsing: "2026-11-26T23:59:00+07:00"))
        for bad in ["", "24:00", "10:60", "10", "ten", "+x 10:00", "10:00:00"] {
            XCTAssertNil(Deadline(parsing: bad), "\"\(bad)\" must not parse")
        }
        // The sample inbox's edges: exactly 10:00:00 is on time, one second later is late.
        let due = Deadline.standard.instant(for: day("2026-11-23"))
        XCTAssertFalse(Timestamp(parsing: "2026-11-24T10:00:00+07:00")! > due)
        XCTAssertTrue(Timestamp(parsing: "2026-11-24T10:00:01+07:00")! > due)
    }

    func testReportingWindowDay() {
        let c = calendar
        func at(_ s: String) -> Timestamp { Timestamp(parsing: s)! }
        // Thursday 26/11's window ends Friday 10:00; a file one second later belongs to Friday 27/11.
        XCTAssertEqual(c.reportingWindowDay(of: at("2026-11-27T10:00:00+07:00"), deadline: .standard), day("2026-11-26"))
        XCTAssertEqual(c.reportingWindowDay(of: at("2026-11-27T10:00:01+07:00"), deadline: .standard), day("2026-11-27"))
        // Friday's window ends Saturday 10:00; the rest of the weekend is in Monday's.
        XCTAssertEqual(c.reportingWindowDay(of: at("2026-11-29T15:00:00+07:00"), deadline: .standard), day("2026-11-30"))
        XCTAssertEqual(c.reportingWindowDay(of: at("2026-11-28T09:00:00+07:00"), deadline: .standard), day("2026-11-27"))
        // The holiday (Wednesday 2/9) has no window: Tuesday's ends on 2/9 at 10:00, then Thursday's runs.
        XCTAssertEqual(c.reportingWindowDay(of: at("2026-09-02T09:59:00+07:00"), deadline: .standard), day("2026-09-01"))
        XCTAssertEqual(c.reportingWindowDay(of: at("2026-09-02T11:00:00+07:00"), deadline: .standard), day("2026-09-03"))
        // A two-day deadline stretches each window.
        let late = Deadline(daysAfter: 2, hour: 9, minute: 30)
        XCTAssertEqual(c.reportingWindowDay(of: at("2026-11-29T09:00:00+07:00"), deadline: late), day("2026-11-27"))
    }
}

import ReportModel
import XCTest

final class PeriodTests: XCTestCase {
    private func d(_ s: String) -> Day { Day(iso: s)! }

    func testISOWeeksAcrossYearEnds() {
        XCTAssertEqual(Period.week(containing: d("2026-11-27")).name, "2026-W48")
        XCTAssertEqual(Period.week(containing: d("2026-11-23")).start, d("2026-11-23"))
        XCTAssertEqual(Period.week(containing: d("2026-11-29")).end, d("2026-11-29"))
        // 2026 starts on a Thursday: it has a week 53, which holds 2027-01-01 to 03.
        XCTAssertEqual(Period.week(containing: d("2027-01-03")).name, "2026-W53")
        XCTAssertEqual(Period.week(containing: d("2027-01-04")).name, "2027-W01")
        // 2025-12-29 (a Monday) is in 2026-W01.
        XCTAssertEqual(Period.week(containing: d("2025-12-29")).name, "2026-W01")
        XCTAssertEqual(Period.week(containing: d("2021-01-01")).name, "2020-W53")
    }

    func testParsing() {
        XCTAssertEqual(Period(parsing: "2026-W48"), Period.week(containing: d("2026-11-25")))
        XCTAssertEqual(Period(parsing: "2026-W01")?.start, d("2025-12-29"))
        XCTAssertEqual(Period(parsing: "2026-W53")?.end, d("2027-01-03"))
        XCTAssertNil(Period(parsing: "2025-W53"), "2025 has 52 weeks")
        XCTAssertNil(Period(parsing: "2026-W00"))
        XCTAssertEqual(Period(parsing: "2026-11").map { [$0.start, $0.end] }, [d("2026-11-01"), d("2026-11-30")])
        XCTAssertEqual(Period(parsing: "2028-02")?.end, d("2028-02-29"))
        XCTAssertEqual(Period(parsing: "2026-Q4").map { [$0.start, $0.end] }, [d("2026-10-01"), d("2026-12-31")])
        XCTAssertEqual(Period(parsing: "2026-Q1")?.end, d("2026-03-31"))
        XCTAssertEqual(Period(parsing: "2026-11-02_2026-11-06"), Period.range(from: d("2026-11-02"), to: d("2026-11-06")))
        for bad in ["2026-13", "2026-00", "2026-Q0", "2026-Q5", "2026-W5", "2026-w48", "26-11", "2026-11-06_2026-11-02",
                    "2026-11-02", "", "2026-1", "abcd-11"] {
            XCTAssertNil(Period(parsing: bad), bad)
        }
        XCTAssertEqual(Period.month(containing: d("2026-11-27")).name, "2026-11")
        XCTAssertEqual(Period.quarter(containing: d("2026-11-27")).name, "2026-Q4")
    }
}

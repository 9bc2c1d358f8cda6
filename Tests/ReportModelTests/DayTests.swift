import XCTest
import ReportModel

final class DayTests: XCTestCase {
    func testISO() throws {
        let d = try XCTUnwrap(Day(parsing: "2026-11-27"))
        XCTAssertEqual(d.components.year, 2026)
        XCTAssertEqual(d.components.month, 11)
        XCTAssertEqual(d.components.day, 27)
        XCTAssertEqual(d.iso, "2026-11-27")
        XCTAssertEqual(Day(iso: "2026-11-27"), d)
        XCTAssertEqual(Day(parsing: "  2026-11-27\t"), d)
        XCTAssertEqual(Day(parsing: "2026-11-27T00:00:00"), d)
        XCTAssertEqual(Day(parsing: "2026-11-27 08:30"), d)
        XCTAssertEqual(Day(ordinal: 0).iso, "1970-01-01")
        XCTAssertEqual(Day(year: 1970, month: 1, day: 1)?.ordinal, 0)
        XCTAssertEqual(Day(year: 2000, month: 3, day: 1)?.ordinal, 11017)
    }

    func testDayFirst() {
        XCTAssertEqual(Day(parsing: "27/11/2026"), Day(year: 2026, month: 11, day: 27))
        XCTAssertEqual(Day(parsing: "7/1/2026"), Day(year: 2026, month: 1, day: 7), "day first: 7 January")
        XCTAssertNotEqual(Day(parsing: "7/1/2026"), Day(year: 2026, month: 7, day: 1))
        XCTAssertEqual(Day(parsing: "07/01/2026"), Day(year: 2026, month: 1, day: 7))
        XCTAssertEqual(Day(parsing: "27.11.2026"), Day(year: 2026, month: 11, day: 27))
        XCTAssertEqual(Day(parsing: "27-11-2026"), Day(year: 2026, month: 11, day: 27))
        XCTAssertEqual(Day(parsing: "13/1/2026"), Day(year: 2026, month: 1, day: 13))
    }

    /// A spreadsheet's date-and-time cell written to CSV, and "ngày" before the date: the date is read. Both were
    /// `bad_date` before.
    func testDayFirstWithATimeOrTheWordNgay() {
        let d = Day(year: 2026, month: 11, day: 27)
        for text in ["27/11/2026 00:00:00", "27/11/2026 0:00", "27/11/2026 14:05", "27.11.2026 00:00:00.000", "ngày 27/11/2026",
                     "Ngày 27/11/2026", "NGÀY 27/11/2026", "Ngay 27/11/2026", "ngày 2026-11-27", " ngày 27/11/2026 0:00 ",
                     // Folded as names are (one normalization function): NFD, any case.
                     "nga\u{0300}y 27/11/2026", "NGA\u{0300}Y 27/11/2026", "nGàY 27/11/2026"] {
            XCTAssertEqual(Day(parsing: text), d, text)
        }
        for text in ["27/11/2026 abc", "27/11/2026 1", "27/11/2026 12", "ngày", "ngày hôm qua", "ngàys 27/11/2026", "27/11/2026 :00", "ngày ", "tháng 27/11/2026"] {
            XCTAssertNil(Day(parsing: text), text)
        }
    }

    /// A date written out as official documents write it, and as a spreadsheet writes a cell in a Vietnamese long date
    /// format to CSV; it was `bad_date`.
    func testADateWrittenOut() {
        let d = Day(year: 2026, month: 11, day: 27)
        for text in ["27 tháng 11 năm 2026", "ngày 27 tháng 11 năm 2026", "Ngày 27 Tháng 11 Năm 2026", "27 thang 11 nam 2026",
                     "27 tháng 11, năm 2026", " ngày  27 tháng 11 năm 2026 "] {
            XCTAssertEqual(Day(parsing: text), d, text)
        }
        XCTAssertEqual(Day(parsing: "7 tháng 1 năm 2026"), Day(year: 2026, month: 1, day: 7))
        for text in ["31 tháng 11 năm 2026", "27 tháng 13 năm 2026", "27 tháng 11 năm 26", "tháng 11 năm 2026", "27 tháng 11 2026",
                     "27 ngày 11 năm 2026", "27 tháng 11 năm 2026 lúc 10 giờ", "127 tháng 11 năm 2026"] {
            XCTAssertNil(Day(parsing: text), text)
        }
    }

    func testInvalidDates() {
        for text in ["31/11/2026", "2026-11-31", "2026-02-29", "29/2/2026", "2026-13-01", "0/1/2026", "1/0/2026",
                     "32/1/2026", "2026-00-10", "hôm qua", "", "2026-11", "2026/11/27", "27/11/26", "27/11-2026",
                     "2026-1-7", "27/11/2026T10:00", "2026-11-27T", "1900-02-29", "2100-02-29", "1/13/2026", "１/1/2026"] {
            XCTAssertNil(Day(parsing: text), "\"\(text)\" must not parse")
        }
        XCTAssertNil(Day(iso: "27/11/2026"))
        XCTAssertNil(Day(iso: "2026-2-01"))
        XCTAssertNil(Day(year: 2026, month: 11, day: 31))
    }

    func testLeapYears() {
        XCTAssertNotNil(Day(parsing: "2024-02-29"))
        XCTAssertNotNil(Day(parsing: "29/2/2028"))
        XCTAssertNotNil(Day(parsing: "2000-02-29"), "2000 is divisible by 400")
        XCTAssertNil(Day(parsing: "2100-02-29"), "2100 is not a leap year")
        XCTAssertNil(Day(parsing: "2026-02-29"))
        XCTAssertEqual(Day(parsing: "2024-03-01")!.ordinal - Day(parsing: "2024-02-28")!.ordinal, 2)
        XCTAssertEqual(Day(parsing: "2026-03-01")!.ordinal - Day(parsing: "2026-02-28")!.ordinal, 1)
        XCTAssertEqual(Day(parsing: "2025-01-01")!.ordinal - Day(parsing: "2024-01-01")!.ordinal, 366)
    }

    func testWeekday() {
        XCTAssertEqual(Day(ordinal: 0).isoWeekday, 4, "1970-01-01 was a Thursday")
        XCTAssertEqual(Day(parsing: "2026-11-23")!.isoWeekday, 1)  // Monday
        XCTAssertEqual(Day(parsing: "2026-11-27")!.isoWeekday, 5)  // Friday
        XCTAssertEqual(Day(parsing: "2026-11-28")!.isoWeekday, 6)
        XCTAssertEqual(Day(parsing: "2026-11-29")!.isoWeekday, 7)
        XCTAssertEqual(Day(parsing: "1969-12-31")!.isoWeekday, 3, "before the epoch")
        XCTAssertEqual(Day(parsing: "1900-01-01")!.isoWeekday, 1)
        XCTAssertEqual(Day(parsing: "2000-01-01")!.isoWeekday, 6)
    }

    /// Walks day by day with an independent calendar and checks every form round-trips.
    /// A Vietnamese long date begins with its weekday (`Thứ Sáu, ngày 27/11/2026`, as the committee's page writes it, or
    /// as a spreadsheet writes a long-date cell to CSV): read when the weekday is the date's, in any of its spellings.
    /// Before, `bad_date`.
    func testALeadingWeekdayThatIsTheDatesOwn() {
        let friday = Day(year: 2026, month: 11, day: 27)
        for text in ["Thứ Sáu 27/11/2026", "Thứ Sáu, ngày 27/11/2026", "thu sau, 27/11/2026", "Thứ 6 27/11/2026",
                     "THỨ SÁU, NGÀY 27 THÁNG 11 NĂM 2026", "Thứ Sáu, 2026-11-27"] {
            XCTAssertEqual(Day(parsing: text), friday, text)
            XCTAssertNil(Day.behindAnotherWeekday(text), text)
        }
        XCTAssertEqual(Day(parsing: "Chủ nhật, 29/11/2026"), Day(year: 2026, month: 11, day: 29))
        XCTAssertEqual(Day(parsing: "CN 29/11/2026"), Day(year: 2026, month: 11, day: 29))
        // Another weekday than the date's: no date, and the message can say which weekday the date is.
        XCTAssertNil(Day(parsing: "Thứ Năm 27/11/2026"))
        XCTAssertEqual(Day.behindAnotherWeekday("Thứ Năm 27/11/2026"), friday)
        XCTAssertNil(Day(parsing: "Thứ 8 27/11/2026"), "no eighth day")
        XCTAssertNil(Day(parsing: "Thứ Sáu"))
        XCTAssertEqual(friday?.dayFirst, "27/11/2026")
        XCTAssertEqual(friday?.weekdayName(.vi), "Thứ Sáu")
    }

    func testRoundTripOverManyDays() {
        var y = 1900, m = 1, d = 1
        var ordinal = Day(year: 1900, month: 1, day: 1)!.ordinal
        var weekday = 1  // 1900-01-01 was a Monday
        func dim(_ y: Int, _ m: Int) -> Int {
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
            return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        }
        var checked = 0
        while y < 2101 {
            let day = Day(ordinal: ordinal)
            let c = day.components
            if c.year != y || c.month != m || c.day != d || day.isoWeekday != weekday {
                XCTFail("ordinal \(ordinal): \(c) weekday \(day.isoWeekday), expected \(y)-\(m)-\(d) weekday \(weekday)"); return
            }
            let iso = String(format: "%04d-%02d-%02d", y, m, d)
            guard day.iso == iso, Day(iso: iso) == day, Day(parsing: iso) == day,
                  Day(parsing: "\(d)/\(m)/\(y)") == day, Day(parsing: String(format: "%02d/%02d/%04d", d, m, y)) == day,
                  Day(year: y, month: m, day: d) == day else {
                XCTFail("round trip fails on \(iso)"); return
            }
            checked += 1
            ordinal += 1
            weekday = weekday % 7 + 1
            d += 1
            if d > dim(y, m) { d = 1; m += 1; if m > 12 { m = 1; y += 1 } }
        }
        XCTAssertGreaterThan(checked, 73000)
    }

    func testAddingAndOrder() {
        let d = Day(parsing: "2026-12-31")!
        XCTAssertEqual(d.adding(days: 1).iso, "2027-01-01")
        XCTAssertEqual(d.adding(days: -365).iso, "2025-12-31")
        XCTAssertLessThan(Day(parsing: "2026-11-26")!, Day(parsing: "2026-11-27")!)
    }
}

import XCTest
import ReportModel

final class TimestampTests: XCTestCase {
    /// 2026-11-27T10:05:00Z, computed independently from the epoch.
    let utc1005: Int64 = Int64(Day(year: 2026, month: 11, day: 27)!.ordinal) * 86400 + 10 * 3600 + 5 * 60

    func testOffsets() throws {
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T10:05:00Z")?.seconds, utc1005)
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T10:05:00z")?.seconds, utc1005)
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T17:05:00+07:00")?.seconds, utc1005)
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T17:05:00+0700")?.seconds, utc1005)
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T17:05:00+07")?.seconds, utc1005)
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T05:05:00-05:00")?.seconds, utc1005)
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T15:35:00+05:30")?.seconds, utc1005)
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T17:05:00")?.seconds, utc1005, "no offset means +07:00")
        XCTAssertEqual(Timestamp(parsing: "2026-11-27 17:05:00")?.seconds, utc1005, "a space for T")
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T17:05")?.seconds, utc1005, "seconds optional")
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T17:05+07:00")?.seconds, utc1005)
        XCTAssertEqual(Timestamp(parsing: "  2026-11-27T17:05:00+07:00  ")?.seconds, utc1005)
    }

    func testFractionalSeconds() {
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T10:05:00.123Z")?.seconds, utc1005)
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T17:05:00.999999+07:00")?.seconds, utc1005)
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T17:05:00,5")?.seconds, utc1005)
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T17:05:01.5+07:00")?.seconds, utc1005 + 1)
        XCTAssertNil(Timestamp(parsing: "2026-11-27T17:05:00.Z"))
    }

    func testInvalid() {
        for text in ["", "2026-11-27", "2026-11-27T24:00:00", "2026-11-27T10:60", "2026-11-31T10:00:00",
                     "27/11/2026 10:00", "2026-11-27T10:05:00+7", "2026-11-27T10:05:00 UTC", "2026-11-27X10:05",
                     "2026-11-27T10:05:00+15:00", "2026-11-27T10:05:00ZZ", "2026-11-27T10:05:00+07:60"] {
            XCTAssertNil(Timestamp(parsing: text), "\"\(text)\" must not parse")
        }
    }

    func testVietnamDayAcrossMidnight() throws {
        // 16:59:59Z is 23:59:59 +07:00, still the 27th; 17:00:00Z is midnight, the 28th.
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T16:59:59Z")?.vietnamDay.iso, "2026-11-27")
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T17:00:00Z")?.vietnamDay.iso, "2026-11-28")
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T23:30:00-02:00")?.vietnamDay.iso, "2026-11-28")
        XCTAssertEqual(Timestamp(parsing: "2026-11-28T00:00:00+07:00")?.vietnamDay.iso, "2026-11-28")
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T23:59:59")?.vietnamDay.iso, "2026-11-27")
        XCTAssertEqual(Timestamp(parsing: "1970-01-01T06:59:59+07:00")?.vietnamDay.iso, "1970-01-01")
        XCTAssertEqual(Timestamp(seconds: -7 * 3600 - 1).vietnamDay.iso, "1969-12-31", "negative seconds")
        XCTAssertEqual(Timestamp(seconds: -7 * 3600).vietnamDay.iso, "1970-01-01")
    }

    func testISOOutputAndVietnamConstructor() throws {
        let t = try XCTUnwrap(Timestamp(parsing: "2026-11-27T10:05:00Z"))
        XCTAssertEqual(t.iso, "2026-11-27T17:05:00+07:00")
        XCTAssertEqual(Timestamp.vietnam(Day(parsing: "2026-11-27")!, hour: 17, minute: 5), t)
        XCTAssertEqual(Timestamp(parsing: t.iso), t)
        XCTAssertEqual(Timestamp(parsing: "2026-11-27T20:00:00Z")?.iso, "2026-11-28T03:00:00+07:00")
        XCTAssertLessThan(Timestamp(parsing: "2026-11-27T10:00:00+07:00")!, Timestamp(parsing: "2026-11-27T10:00:01+07:00")!)
    }
}

import XCTest
import ReportChecks
import ReportModel

final class DayReportsTests: XCTestCase {
    let nested: [String: [String: Counts]] = [
        "00002": ["1.000102": counts(7, late: 1), "1.000101": counts(3)],
        "00001": ["1.000101": counts(5, onTime: 2)],
        "01": ["2.000001": counts(1, pending: 4)],
        "00003": [:],
    ]

    func testNestedInitRoundTripsThroughUnits() {
        let day = DayReports(day: monday, units: nested)
        XCTAssertEqual(day.units, nested)
        XCTAssertEqual(day.day, monday)
        XCTAssertEqual(day.unitCodes, ["00001", "00002", "00003", "01"])
        XCTAssertEqual(day.entryCount, 4)
        let second = day.entries(of: "00002")!
        XCTAssertEqual(second.map { day.procedureCodes[$0] }, ["1.000101", "1.000102"])
        XCTAssertEqual(second.map { day.counts[$0] }, [counts(3), counts(7, late: 1)])
        XCTAssertNil(day.entries(of: "99999"))

        var edited = day
        edited.units["00001"] = nil
        edited.units["00004"] = ["1.000101": counts(9)]
        XCTAssertEqual(edited.unitCodes, ["00002", "00003", "00004", "01"])
        XCTAssertEqual(edited.entries(of: "00004")?.map { edited.counts[$0] }, [counts(9)])
    }

    func testBuilderRegroupsOutOfOrderInputAndLaterDuplicateWins() {
        var b = DayReports.Builder(day: monday)
        b.startUnit("01")
        b.append("2.000001", counts(1, pending: 4))
        b.startUnit("00002")
        b.append("1.000102", counts(99))
        b.append("1.000101", counts(3))
        b.startUnit("00003")
        b.startUnit("00001")
        b.append("1.000101", counts(5, onTime: 2))
        // The same unit again: its 1.000102 replaces the one given first.
        b.startUnit("00002")
        b.append("1.000102", counts(7, late: 1))
        let built = b.build()

        let expected = DayReports(day: monday, units: nested)
        XCTAssertEqual(built.units, nested)
        XCTAssertEqual(built.unitCodes, expected.unitCodes)
        XCTAssertEqual(built.procedureCodes, expected.procedureCodes)
        XCTAssertEqual(built.counts, expected.counts)
        for i in built.unitCodes.indices {
            XCTAssertEqual(built.entries(ofUnitAt: i), expected.entries(ofUnitAt: i))
        }
    }

    func testBuilderKeepsOrderedInputAsGiven() {
        var b = DayReports.Builder(day: monday)
        b.startUnit("00001")
        b.append("1.000101", counts(1))
        b.append("1.000102", counts(2), ascending: true)
        b.startUnit("00002")
        XCTAssertEqual(b.currentUnit, "00002")
        let built = b.build()
        XCTAssertEqual(built.unitCodes, ["00001", "00002"])
        XCTAssertEqual(built.entries(ofUnitAt: 0), 0..<2)
        XCTAssertEqual(built.entries(ofUnitAt: 1), 2..<2)
    }

    func testSortedAndShuffledWinnersGiveTheSameDay() {
        var winners: [(unit: String, procedure: String, counts: Counts)] = []
        for u in 0..<12 {
            for p in 0..<(u % 4) {
                winners.append((unit: "000" + (u * 7 < 10 ? "0" : "") + String(u * 7), procedure: "1.00010\(p)", counts: counts(u * 10 + p)))
            }
        }
        let envelopes = ["00001", "00084", "00000"]  // "00000" also has no rows (u = 0 gets none)
        let sorted = DayReports(day: monday, winners: winners, envelopes: envelopes)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            let shuffled = DayReports(day: monday, winners: winners.shuffled(using: &rng), envelopes: envelopes.shuffled(using: &rng))
            XCTAssertEqual(shuffled.units, sorted.units)
            XCTAssertEqual(shuffled.unitCodes, sorted.unitCodes)
        }
        XCTAssertEqual(sorted.unitCodes, sorted.unitCodes.sorted())
        XCTAssertEqual(sorted.entryCount, winners.count)
        XCTAssertEqual(sorted.entries(of: "00077")?.map { sorted.counts[$0] }, [counts(110), counts(111), counts(112)])
    }

    func testEnvelopesAreUnitsWithNoEntries() {
        let winners: [(unit: String, procedure: String, counts: Counts)] = [
            (unit: "00002", procedure: "1.000101", counts: counts(4)),
            (unit: "00005", procedure: "1.000101", counts: counts(6)),
        ]
        for w in [winners, winners.reversed()] {
            let day = DayReports(day: monday, winners: w, envelopes: ["00009", "00001", "00002"])
            XCTAssertEqual(day.unitCodes, ["00001", "00002", "00005", "00009"])
            for code in ["00001", "00009"] {
                XCTAssertTrue(day.contains(unit: code), code)
                XCTAssertEqual(day.entries(of: code)?.isEmpty, true, code)
                XCTAssertEqual(day.units[code], [:], code)
            }
            XCTAssertEqual(day.entries(of: "00002")?.map { day.counts[$0] }, [counts(4)])
            XCTAssertFalse(day.contains(unit: "00003"))
        }
    }

    func testUnitIndexWalksAscendingCodes() {
        let day = DayReports(day: monday, units: ["00002": [:], "00004": [:], "00006": [:], "00008": [:]])
        var cursor = 0
        XCTAssertNil(day.unitIndex(of: "00001", from: &cursor))
        XCTAssertEqual(day.unitIndex(of: "00002", from: &cursor), 0)
        XCTAssertEqual(cursor, 1)
        // An absent code between present ones must not consume the next present one.
        XCTAssertNil(day.unitIndex(of: "00003", from: &cursor))
        XCTAssertEqual(day.unitIndex(of: "00004", from: &cursor), 1)
        XCTAssertEqual(cursor, 2)
        // Skipping a present code moves the cursor past it.
        XCTAssertEqual(day.unitIndex(of: "00008", from: &cursor), 3)
        XCTAssertEqual(cursor, 4)
        XCTAssertNil(day.unitIndex(of: "00009", from: &cursor))
        XCTAssertEqual(cursor, 4)
    }

    func testSameReport() {
        let a = DayReports(day: monday, units: nested)
        var changed = nested
        changed["00002"]!["1.000102"] = counts(7, late: 2)
        changed["00001"] = ["1.000101": counts(5, onTime: 2), "1.000109": counts(1)]
        let b = DayReports(day: monday.adding(days: 1), units: changed)
        XCTAssertTrue(a.sameReport(a.entries(of: "01")!, as: b, b.entries(of: "01")!))
        XCTAssertTrue(a.sameReport(a.entries(of: "00003")!, as: b, b.entries(of: "00003")!))
        XCTAssertFalse(a.sameReport(a.entries(of: "00002")!, as: b, b.entries(of: "00002")!), "a count differs")
        XCTAssertFalse(a.sameReport(a.entries(of: "00001")!, as: b, b.entries(of: "00001")!), "an extra procedure")
        XCTAssertFalse(a.sameReport(a.entries(of: "01")!, as: b, b.entries(of: "00001")!), "another procedure")
        XCTAssertFalse(a.sameReport(a.entries(of: "00003")!, as: b, b.entries(of: "01")!), "empty vs one entry")
    }
}

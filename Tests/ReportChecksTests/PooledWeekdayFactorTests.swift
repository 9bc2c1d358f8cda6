import ReportChecks
import ReportModel
import XCTest

/// A unit with too few days of today's weekday in its window is judged with the weekday factor of all units.
final class PooledWeekdayFactorTests: XCTestCase {
    /// 14 report days from a Tuesday (two Mondays among them), today the Monday after: 40 units whose Mondays
    /// are twice as busy, and unit 00001, which never reported on a Monday, with 20 a day and 40 today.
    func series(units: Int) -> [DayReports] {
        let days = reportDays(from: monday.adding(days: 1), count: 15)
        precondition(days.last!.isoWeekday == 1)
        return days.enumerated().map { i, day in
            let isMonday = day.isoWeekday == 1
            var byUnit: [String: [String: Counts]] = [:]
            for n in 0..<units { byUnit[String(format: "1%04d", n)] = ["1.000101": counts(isMonday ? 60 : 30)] }
            if !isMonday || i == days.count - 1 { byUnit["00001"] = ["1.000101": counts(i == days.count - 1 ? 40 : 20)] }
            return DayReports(day: day, units: byUnit)
        }
    }

    func testAUnitWithoutMondaysTakesTheUnitsMondayFactor() {
        // Own factor unknown (no Monday in its window); the 40 others say Mondays are ×2: 40 is what is expected.
        let pooled = runChecks(series(units: 40)).filter { $0.rule == .outlier && $0.unitCode == "00001" }
        XCTAssertEqual(pooled, [])
        // With too few units to pool (fewer than 30), the factor is 1: 40 against 20 a day is flagged.
        let alone = runChecks(series(units: 5)).filter { $0.rule == .outlier && $0.unitCode == "00001" }
        XCTAssertEqual(alone.map(\.metric), ["received"])
        XCTAssertEqual(alone.first?.expected, "20")
    }

    func testUnitsWithTheirOwnMondaysKeepTheirOwnFactor() {
        // The 40 units have two Mondays each (fewer than min_same_weekday 3) and take the pooled ×2 too:
        // today's 60 is what they expect. With min_same_weekday 2 they use their own (also ×2).
        XCTAssertEqual(runChecks(series(units: 40)).filter { $0.rule == .outlier }, [])
        var own = CheckSettings.english
        own.outlierMinSameWeekday = 2
        XCTAssertEqual(runChecks(series(units: 40), settings: own).filter { $0.rule == .outlier && $0.unitCode != "00001" }, [])
    }
}

import ReportChecks
import ReportModel
import XCTest

final class OutlierRuleTests: XCTestCase {
    private func outliers(_ series: [DayReports], settings: CheckSettings = CheckSettings.english) -> [Finding] {
        runChecks(series, settings: settings).filter { $0.rule == .outlier }
    }

    func testConstantHistoryFallsBackToPoissonScale() {
        // MAD = 0: above 3 the scale is √3 + 3.5/4 ≈ 2.6, not 0 — 12 is 9 away (3.45 scales), 13 is 10 (3.84).
        XCTAssertEqual(outliers(receivedSeries(Array(repeating: 3, count: 10) + [12])), [])
        let day = reportDays(count: 11)[10]
        XCTAssertEqual(outliers(receivedSeries(Array(repeating: 3, count: 10) + [13])), [
            Finding(reportDate: day, unitCode: "00001", procedureCode: "1.000101", rule: .outlier, metric: "received",
                    value: "13", expected: "3", score: "3.84",
                    detail: "received 13 vs expected 3 (median of 10 report days; scale 2.6)"),
        ])
    }

    func testAllZeroHistoryNeedsTheMinimumDifference() {
        // Against zeros the scale is √1 + 3.5/4 = 1.875: 6 is 3.2 scales away, 7 is 3.73.
        XCTAssertEqual(outliers(receivedSeries(Array(repeating: 0, count: 10) + [6])), [])
        XCTAssertEqual(outliers(receivedSeries(Array(repeating: 0, count: 10) + [7])).map(\.score), ["3.73"])
        var strict = CheckSettings.english
        strict.outlierMinDifference = 8
        XCTAssertEqual(outliers(receivedSeries(Array(repeating: 0, count: 10) + [7]), settings: strict), [])
        var loose = CheckSettings.english
        loose.outlierThreshold = 2
        loose.outlierMinDifference = 4
        XCTAssertEqual(outliers(receivedSeries(Array(repeating: 0, count: 10) + [4]), settings: loose).count, 1)
    }

    func testShortHistoryIsNeverFlagged() {
        XCTAssertEqual(outliers(receivedSeries(Array(repeating: 3, count: 6) + [500])), [])
        XCTAssertEqual(outliers(receivedSeries(Array(repeating: 3, count: 7) + [500])).count, 1)
    }

    func testDaysTheUnitDidNotReportAreNotHistory() {
        // Ten history days, the unit reported on six of them: too few.
        let days = reportDays(count: 11)
        var series = receivedSeries(Array(repeating: 3, count: 10) + [500])
        for i in [1, 3, 5, 7] { series[i] = DayReports(day: days[i], units: ["00002": ["1.000101": counts(3)]]) }
        XCTAssertEqual(outliers(series), [])
        series[1] = DayReports(day: days[1], units: ["00001": [:]])  // an empty envelope is a reported day
        XCTAssertEqual(outliers(series).count, 1)
    }

    func testProcedureAbsentFromAReportedDayCountsAsZero() {
        let days = reportDays(count: 11)
        var series = days.dropLast().map { DayReports(day: $0, units: ["00001": ["1.000102": counts(2)]]) }
        series.append(DayReports(day: days[10], units: ["00001": ["1.000101": counts(20), "1.000102": counts(2)]]))
        let found = outliers(series)
        XCTAssertEqual(found.map(\.procedureCode), ["1.000101"])
        XCTAssertEqual(found.first?.expected, "0")
    }

    /// 28 history days from a Wednesday (five Mondays among them, twice as busy), today being the Monday after.
    private func weekdaySeries(today: Int, start: Day = monday.adding(days: 2)) -> [DayReports] {
        let days = reportDays(from: start, count: 29)
        let values = days.dropLast().enumerated().map { i, d in d.isoWeekday == 1 ? 40 + i % 3 - 1 : 20 + i % 3 - 1 }
        return receivedSeries(values + [today], start: start)
    }

    func testWeekdayPatternNormalMondayIsNotFlagged() {
        let series = weekdaySeries(today: 43)
        XCTAssertEqual(series.last?.day.isoWeekday, 1)
        XCTAssertEqual(outliers(series), [])
    }

    func testWeekdayPatternMondaySpikeIsFlagged() {
        let found = outliers(weekdaySeries(today: 400))
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.value, "400")
        XCTAssertEqual(found.first?.expected, "40")
        XCTAssertEqual(found.first?.detail.hasPrefix("received 400 vs expected 40 (median 20 of 28 report days × weekday factor 2.00; "), true)
    }

    func testWeekdayPatternOrdinaryTuesdayIsNotFlagged() {
        let series = weekdaySeries(today: 21, start: monday.adding(days: 3))
        XCTAssertEqual(series.last?.day.isoWeekday, 2)
        XCTAssertEqual(outliers(series), [])
    }

    func testDropToZeroFromAHighLevelIsFlagged() {
        let high = (0..<15).map { 98 + $0 % 5 }
        let found = outliers(receivedSeries(high + [0]))
        XCTAssertEqual(found.map(\.value), ["0"])
        XCTAssertEqual(found.map(\.expected), ["98"])  // median 100 × the Mondays' factor 0.98
        XCTAssertEqual(found.map(\.score), ["9.90"])   // below, the scale is √98: no upper-tail widening
    }

    func testDropToZeroFromALowLevelIsNotFlagged() {
        // 10 dossiers away, but √10 ≈ 3.2 is only 3.16 scales.
        XCTAssertEqual(outliers(receivedSeries(Array(repeating: 10, count: 15) + [0])), [])
    }

    func testNoisyHistoryWidensTheScale() {
        // MAD 6 → scale 8.9 (more than (Q90 − median) / 0.9 = 6.7): 40 is 3.4 scales from 10, 45 is 3.9.
        let noisy = [4, 16, 10, 4, 16, 10, 4, 16, 10, 4, 16, 10, 4, 16]
        XCTAssertEqual(outliers(receivedSeries(noisy + [40])), [])
        XCTAssertEqual(outliers(receivedSeries(noisy + [45])).map(\.expected), ["10"])
    }

    func testResolvedLateIsCheckedToo() {
        let days = reportDays(count: 11)
        let series = days.enumerated().map { i, d in
            DayReports(day: d, units: ["00001": ["1.000101": counts(5, late: i == 10 ? 30 : 1)]])
        }
        let found = outliers(series)
        XCTAssertEqual(found.map(\.metric), ["resolved_late"])
        XCTAssertEqual(found.first?.detail, "resolved_late 30 vs expected 1 (median of 10 report days; scale 1.9)")
    }

    func testWindowIsTheLastReportDays() {
        // 20 days of 100 then 10 of 3: with a 10-day window, today's 3 is ordinary.
        let series = receivedSeries(Array(repeating: 100, count: 20) + Array(repeating: 3, count: 10) + [3])
        var short = CheckSettings.english
        short.outlierWindow = 10
        XCTAssertEqual(outliers(series, settings: short), [])
    }

    func testExpectedHasAtMostOneDecimal() {
        // Median of an even count between 2 and 3.
        let found = outliers(receivedSeries([2, 3, 2, 3, 2, 3, 2, 3, 40]))
        XCTAssertEqual(found.map(\.expected), ["2.5"])
    }
}

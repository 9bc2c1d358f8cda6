import ReportExport
import ReportModel
import XCTest

final class ProvinceRankingTests: XCTestCase {
    /// A province with `received` of `expected` reports and the given flows.
    private func scope(_ code: String, _ received: Int, _ expected: Int, online: Int = 0, offline: Int = 0,
                       onTime: Int = 0, late: Int = 0) -> PeriodScope {
        var s = PeriodScope(scopeCode: code, scopeName: "Tỉnh \(code)")
        s.summary.expected = expected
        s.summary.received = received
        s.summary.counts = Counts(receivedOnline: online, receivedOffline: offline, resolvedOnTime: onTime, resolvedLate: late)
        return s
    }

    private func ranking(_ scopes: [PeriodScope]) -> ProvinceRanking {
        let day = Day(iso: "2026-11-27")!
        let a = PeriodAggregate(period: .range(from: day, to: day), days: [day],
                                scopes: [PeriodScope(scopeCode: "VN", scopeName: "Việt Nam")] + scopes,
                                units: [], procedures: [], daily: [])
        return ProvinceRanking(a)
    }

    func testEqualPercentagesShareTheBestRankAndTheNextSkips() {
        let r = ranking([scope("01", 9, 10), scope("02", 8, 10), scope("04", 8, 10), scope("08", 10, 10), scope("11", 7, 10)])
        XCTAssertEqual(r.rows.map(\.scopeCode), ["01", "02", "04", "08", "11"], "by code")
        XCTAssertEqual(r.rows.map(\.completeness.rank), [2, 3, 3, 1, 5])
        XCTAssertEqual(r.rows.map(\.completeness.percent), ["90.0", "80.0", "80.0", "100.0", "70.0"])
    }

    func testPercentagesEqualAsWrittenTie() {
        // 2/3 = 66.67 % and 667/1000 = 66.7 %: both written 66.7, so they share the rank.
        let r = ranking([scope("01", 2, 3), scope("02", 667, 1000), scope("04", 1, 2)])
        XCTAssertEqual(r.rows.map(\.completeness.rank), [1, 1, 3])
    }

    func testAnEmptyPercentageHasAnEmptyRank() {
        let r = ranking([scope("01", 1, 2, online: 3, offline: 1, onTime: 1, late: 1), scope("02", 0, 0), scope("04", 2, 2, online: 1, offline: 3)])
        XCTAssertEqual(r.rows.map(\.completeness.rank), [2, nil, 1])
        XCTAssertEqual(r.rows.map(\.completeness.percent), ["50.0", "", "100.0"])
        XCTAssertEqual(r.rows.map(\.onlineRate.rank), [1, nil, 2])
        XCTAssertEqual(r.rows.map(\.onTimeResolution.rank), [1, nil, nil])
    }

    func testTheCSVWritesEmptyRanksAsEmptyCells() throws {
        let day = Day(iso: "2026-11-27")!
        let a = PeriodAggregate(period: Period(parsing: "2026-W48")!, days: [day],
                                scopes: [PeriodScope(scopeCode: "VN", scopeName: "Việt Nam"), scope("01", 1, 2), scope("02", 0, 0)],
                                units: [], procedures: [], daily: [])
        let registries = Registries(units: [], procedures: [], contacts: [], calendar: ReportCalendar())
        let csv = String(decoding: try ProvinceRankingCSV().render(PeriodExportInput(aggregate: a, registries: registries)), as: UTF8.self)
        XCTAssertEqual(csv, """
            period,scope_code,scope_name,completeness_pct,completeness_rank,timeliness_pct,timeliness_rank,on_time_resolution_pct,on_time_resolution_rank,online_rate_pct,online_rate_rank\r
            2026-W48,01,Tỉnh 01,50.0,1,50.0,1,,,,\r
            2026-W48,02,Tỉnh 02,,,,,,,,\r

            """)
    }
}

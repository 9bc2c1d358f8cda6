import Foundation
import ReportModel
import XCTest
@testable import ReportExport

final class PeriodReportHTMLTests: XCTestCase {
    private let days = ["2026-11-23", "2026-11-24", "2026-11-25"].map { Day(iso: $0)! }

    /// Two provinces of two units each over three days; unit 00002 of province 01 misses every day.
    private func input(provinceName: String = "Tỉnh Một", unitName: String = "Xã Hai", contactName: String = "Cán bộ") -> PeriodExportInput {
        let units = [
            Unit(code: "01", name: provinceName, level: .province, parentCode: nil, kind: "tỉnh", aliases: [], activeFrom: nil, activeTo: nil),
            Unit(code: "02", name: "Tỉnh Hai", level: .province, parentCode: nil, kind: "tỉnh", aliases: [], activeFrom: nil, activeTo: nil),
            Unit(code: "00001", name: "Xã Một", level: .commune, parentCode: "01", kind: "xã", aliases: [], activeFrom: nil, activeTo: nil),
            Unit(code: "00002", name: unitName, level: .commune, parentCode: "01", kind: "xã", aliases: [], activeFrom: nil, activeTo: nil),
        ]
        let contacts = [ContactPoint(unitCode: "00002", fullName: contactName, title: "", phone: "0912345678",
                                     email: "xa2@example.vn", activeFrom: nil, activeTo: nil)]
        let procedures = [Procedure(code: "1.000001", name: "Đăng ký khai sinh", field: "", level: .commune, priority: true, maxDays: 1)]
        let registries = Registries(units: units, procedures: procedures, contacts: contacts, calendar: ReportCalendar())
        let daily = days.enumerated().map { t, day -> DayFigures in
            var vn = ScopeSummary(scopeCode: "VN", scopeName: "Việt Nam"), p1 = ScopeSummary(scopeCode: "01", scopeName: provinceName)
            var p2 = ScopeSummary(scopeCode: "02", scopeName: "Tỉnh Hai")
            p1.expected = 3; p1.received = 2; p1.late = t == 0 ? 1 : 0
            p2.expected = 1; p2.received = 1
            vn.expected = 4; vn.received = 3; vn.late = p1.late
            let c = Counts(receivedOnline: 3, receivedOffline: 1, resolvedOnTime: 2, resolvedLate: 1, returned: 0, pendingOnTime: 5 + t, pendingOverdue: 1)
            p1.counts = c; vn.counts = c
            return DayFigures(day: day, scopes: [vn, p1, p2],
                              procedures: [ProcedureDayFigures(procedureCode: "1.000001", unitsReporting: 2, counts: c)],
                              units: [UnitDayFigures(unitCode: "00001", provinceCode: "01", reported: true, late: t == 0, anomalies: 0),
                                      UnitDayFigures(unitCode: "00002", provinceCode: "01", reported: false, late: false, anomalies: 0),
                                      UnitDayFigures(unitCode: "01", provinceCode: "01", reported: true, late: false, anomalies: 1),
                                      UnitDayFigures(unitCode: "02", provinceCode: "02", reported: true, late: false, anomalies: 0)])
        }
        // The period's rows, as PeriodAggregation sums them (ReportChecks is not this target's dependency).
        func scope(_ code: String, _ name: String, expected: Int, received: Int, late: Int, every: Int, reporting: Int,
                   counts: Counts) -> PeriodScope {
            var s = PeriodScope(scopeCode: code, scopeName: name)
            s.summary.expected = expected; s.summary.received = received; s.summary.late = late; s.summary.counts = counts
            s.unitsExpectedEveryDay = every; s.unitsReportingEveryDay = reporting
            return s
        }
        let sum = Counts(receivedOnline: 9, receivedOffline: 3, resolvedOnTime: 6, resolvedLate: 3, returned: 0, pendingOnTime: 7, pendingOverdue: 1)
        let scopes = [scope("VN", "Việt Nam", expected: 12, received: 9, late: 1, every: 4, reporting: 3, counts: sum),
                      scope("01", provinceName, expected: 9, received: 6, late: 1, every: 3, reporting: 2, counts: sum),
                      scope("02", "Tỉnh Hai", expected: 3, received: 3, late: 0, every: 1, reporting: 1, counts: .zero)]
        var u1 = PeriodUnit(provinceCode: "01", provinceName: provinceName, unitCode: "00001", unitName: "Xã Một", lastExpected: days[2])
        u1.expected = 3; u1.received = 3; u1.late = 1
        var u2 = PeriodUnit(provinceCode: "01", provinceName: provinceName, unitCode: "00002", unitName: unitName, lastExpected: days[2])
        u2.expected = 3; u2.longestMissingRun = 3
        var proc = PeriodProcedure(procedure: procedures[0])
        proc.counts = sum
        let a = PeriodAggregate(period: Period(parsing: "2026-W48")!, days: days, scopes: scopes, units: [u1, u2],
                                procedures: [proc], daily: daily)
        return PeriodExportInput(aggregate: a, registries: registries)
    }

    func testTheHeadlinesAreThePeriodSummaryFigures() throws {
        let i = input()
        let html = try PeriodReportHTML().renderString(i)
        let summary = String(decoding: try PeriodSummaryCSV().render(i), as: UTF8.self)
        // VN: 9 of 12 received, 1 late → 75.0 % and 66.7 %.
        XCTAssertTrue(summary.contains(",VN,Việt Nam,12,9,1,3,75.0,66.7,"), summary)
        XCTAssertTrue(html.contains("<h1>Báo cáo tuần 48/2026</h1>"))
        XCTAssertTrue(html.contains(#"data-kpi="completeness"><div class="label">Tỷ lệ báo cáo</div>"# + "\n" + #"<div class="value">75.0<span class="unit">%</span>"#), html)
        XCTAssertTrue(html.contains("66.7<span class=\"unit\">%</span>"))
        // The week is not over (Thursday and Friday remain): the page says so.
        XCTAssertTrue(html.contains("Kỳ chưa kết thúc: số liệu đến hết ngày 25/11/2026."))
        // The findings under the missing reports, in Vietnamese word order (was "0 bất thường phát hiện").
        XCTAssertTrue(html.contains(">phát hiện 0 bất thường<"), html)
        // One small multiple for the nation and each province.
        XCTAssertEqual(html.components(separatedBy: "<div class=\"multiple nation\"").count - 1, 1)
        XCTAssertEqual(html.components(separatedBy: "<div class=\"multiple\"").count - 1, 2)
        // The chronic non-reporter, with its contact; the backlog of the last day in the procedure table.
        XCTAssertTrue(html.contains("<tr data-unit=\"00002\">"))
        XCTAssertTrue(html.contains("0912345678") && html.contains("xa2@example.vn"))
        XCTAssertTrue(html.contains("<td class=\"num\">7</td><td class=\"num\">1</td></tr>"), "pending 5 + 2 on the last day, overdue 1")
    }

    func testRegistryTextIsEscaped() throws {
        let script = "<script>alert(1)</script>", img = "\"><img src=x onerror=alert(1)>"
        let html = try PeriodReportHTML().renderString(input(provinceName: "Tỉnh " + script, unitName: img, contactName: script))
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertFalse(html.lowercased().contains("<img"))
        XCTAssertTrue(html.contains("Tỉnh &lt;script&gt;alert(1)&lt;/script&gt;"))
        for tag in html.matches(of: /<[a-zA-Z][^<>]*>/) {
            XCTAssertEqual(tag.output.filter { $0 == "\"" }.count % 2, 0, "unbalanced quotes in \(tag.output)")
        }
    }

    /// With `--lang en` the period page's own text is English; the registry's names stay as they are.
    func testTheEnglishPageHasNoVietnameseTextOfItsOwn() throws {
        var i = input(provinceName: "Province One", unitName: "Commune Two", contactName: "Officer")
        i.language = .en
        let html = try PeriodReportHTML().renderString(i)
        XCTAssertTrue(html.contains("<html lang=\"en\">"))
        XCTAssertTrue(html.contains("<h1>Weekly report, week 48 of 2026</h1>"))
        XCTAssertTrue(html.contains("The period is not over: figures up to 2026-11-25."))
        XCTAssertTrue(html.contains(">0 findings raised<"), html)
        XCTAssertTrue(html.contains("2026-11-23 – 2026-11-25 · 3 report days · 2 units expected to report"))
        XCTAssertTrue(html.contains("Units that often do not report <small>(missing 3 report days in a row or more; 1 unit)</small>"))
        let own = ["Tỉnh Hai", "Xã Một", "Đăng ký khai sinh"].reduce(html) { $0.replacingOccurrences(of: $1, with: "") }
        let vietnamese = own.unicodeScalars.filter { (0xC0...0x24F).contains($0.value) || (0x1E00...0x1EFF).contains($0.value) }
        XCTAssertEqual(String(String.UnicodeScalarView(vietnamese)), "")
    }

    func testThePageIsSelfContained() throws {
        let html = try PeriodReportHTML().renderString(input())
        for needle in ["http://", "https://", "<script", "<link", "<img", "<iframe", "@import", "url(", "src="] {
            XCTAssertFalse(html.lowercased().contains(needle), needle)
        }
        XCTAssertTrue(html.contains("@page { size: A4; margin: 12mm; }"))
    }
}

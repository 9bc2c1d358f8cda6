import Foundation
import ReportModel
import XCTest
@testable import ReportExport

final class ReportHTMLTests: XCTestCase {
    // MARK: Escaping

    func testSubmissionTextIsEscapedEverywhere() throws {
        let script = "<script>alert(1)</script>"
        let img = "\"><img src=x onerror=alert(1)>"
        var input = ReportHTMLSample.input(day: ReportHTMLSample.day, findings: 3)
        input.findings[0].detail = script
        input.findings[0].value = img
        input.findings[1].detail = img
        input.findings[1].expected = script
        input.findings[1].metric = script
        input.findings[2].unitCode = "99999"
        input.aggregate.scopes[1].scopeName = "Tỉnh " + script
        input.aggregate.scopes[2].scopeName = img
        input.aggregate.scopes[2].expected = 90; input.aggregate.scopes[2].received = 1  // in the missing top 10
        let html = try ReportHTML(trend: ReportHTMLSample.trend(), previous: nil,
                                  unitNames: ["99999": script + img]).renderString(input)

        XCTAssertFalse(html.lowercased().contains("<script"), "a <script> tag from data reached the page")
        XCTAssertFalse(html.lowercased().contains("<img"), "an <img> tag from data reached the page")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        // The province name sits in the bar chart and in the missing-reports table, escaped in both.
        XCTAssertGreaterThanOrEqual(html.components(separatedBy: "Tỉnh &lt;script&gt;").count - 1, 1)
        XCTAssertGreaterThanOrEqual(html.components(separatedBy: ">&quot;&gt;&lt;img").count - 1, 2)
        // No attribute was broken out of: every `"` the page has pairs up inside tags.
        for tag in html.matches(of: /<[a-zA-Z][^<>]*>/) {
            XCTAssertEqual(tag.output.filter { $0 == "\"" }.count % 2, 0, "unbalanced quotes in \(tag.output)")
        }
    }

    // MARK: Figures equal national_summary.csv

    func testFiguresEqualNationalSummaryCSV() throws {
        for (input, previous) in [
            (ReportHTMLSample.input(day: ReportHTMLSample.day, findings: 7), ReportHTMLSample.previous()),
            (ReportHTMLSample.input(day: ReportHTMLSample.day, findings: 0, idle: true), nil),
        ] {
            let html = try ReportHTML(trend: ReportHTMLSample.trend(), previous: previous).renderString(input)
            let csv = try NationalSummaryCSV().render(input)
            let rows = ReportHTMLSample.parseCSV(String(decoding: csv, as: UTF8.self))
            let header = rows[0]
            func column(_ row: [String], _ name: String) -> String { row[header.firstIndex(of: name)!] }
            let records = rows.dropFirst()
            let national = try XCTUnwrap(records.first { column($0, "scope_code") == "VN" })

            let headlines = ReportHTMLSample.headlines(html)
            XCTAssertEqual(headlines.count, 5)
            XCTAssertEqual(headlines["completeness"], column(national, "completeness_pct"))
            XCTAssertEqual(headlines["timeliness"], column(national, "timeliness_pct"))
            XCTAssertEqual(headlines["online"], column(national, "online_rate_pct"))
            XCTAssertEqual(headlines["on_time_resolution"], column(national, "on_time_resolution_pct"))
            XCTAssertEqual(headlines["anomalies"], column(national, "anomalies"))

            let bars = ReportHTMLSample.provinceBars(html)
            let provinces = records.filter { column($0, "scope_code") != "VN" }
            XCTAssertEqual(provinces.count, 34)
            XCTAssertEqual(bars.count, 34)
            for p in provinces {
                XCTAssertEqual(bars[column(p, "scope_code")], column(p, "completeness_pct"), "province \(column(p, "scope_code"))")
            }
            // Sorted: completeness never rises going down the chart (empty last).
            let order = ReportHTMLSample.provinceOrder(html).map { bars[$0]! }
            let values = order.map { Double($0) ?? -1 }
            XCTAssertEqual(values, values.sorted(by: >))
        }
    }

    func testChangesSincePreviousDay() throws {
        let input = ReportHTMLSample.input(day: ReportHTMLSample.day, findings: 7)
        var previous = input.aggregate.scopes[0]
        previous.received -= 35  // completeness was lower
        previous.anomalies = 9
        let html = try ReportHTML(trend: [], previous: previous, previousDay: Day(year: 2025, month: 7, day: 14))
            .renderString(input)
        let now = Percent.format(numerator: input.aggregate.scopes[0].received, denominator: input.aggregate.scopes[0].expected)
        let before = Percent.format(numerator: previous.received, denominator: previous.expected)
        let diff = ReportHTMLFormat.tenths(now)! - ReportHTMLFormat.tenths(before)!
        XCTAssertGreaterThan(diff, 0)
        XCTAssertTrue(html.contains("▲ \(diff / 10),\(diff % 10) điểm %"), "completeness change (decimal comma)")
        XCTAssertTrue(html.contains("▼ 2</div>"), "anomalies 7 vs 9")
        XCTAssertTrue(html.contains("so với ngày 14/07/2025"))

        let first = try ReportHTML(trend: [], previous: nil).renderString(input)
        XCTAssertEqual(first.components(separatedBy: "<div class=\"change none\">—</div>").count - 1, 5)
    }

    // MARK: Self-contained, tables

    func testPageIsSelfContained() throws {
        let html = try ReportHTML(trend: ReportHTMLSample.trend(), previous: ReportHTMLSample.previous())
            .renderString(ReportHTMLSample.input(day: ReportHTMLSample.day, findings: 60))
        XCTAssertFalse(html.contains("http://"))
        XCTAssertFalse(html.contains("https://"))
        for needle in ["<script", "<link", "<img", "<iframe", "@import", "url(", "src="] {
            XCTAssertFalse(html.lowercased().contains(needle), needle)
        }
        XCTAssertTrue(html.contains("@page { size: A4 portrait; margin: 12mm; }"))
        // Reporting (2 series), flows (2) and the backlog (1), each on its own axis.
        XCTAssertEqual(html.components(separatedBy: "<polyline class=\"line\"").count - 1, 5)
        XCTAssertEqual(html.components(separatedBy: "<div class=\"chart\" id=\"chart-").count - 1, 3)
    }

    func testFiftyMostImportantFindingsAndPointerToCSV() throws {
        let input = ReportHTMLSample.input(day: ReportHTMLSample.day, findings: 63)
        let html = try ReportHTML().renderString(input)
        let section = String(html[html.range(of: "<section id=\"anomalies\"")!.lowerBound..<html.range(of: "<section id=\"rejects\"")!.lowerBound])
        XCTAssertEqual(section.components(separatedBy: "<tr class=\"finding\"").count - 1, 50)
        XCTAssertTrue(section.contains("Còn 13 bất thường khác"))
        XCTAssertTrue(section.contains("anomalies.csv"))
        // Missing reports: at most ten provinces, most first.
        let missing = String(html[html.range(of: "<section id=\"missing\"")!.lowerBound..<html.range(of: "<section id=\"late\"")!.lowerBound])
        XCTAssertEqual(missing.components(separatedBy: "<tr data-scope=").count - 1, 10)
        // All 34 provinces and the nation in the provinces' table.
        let table = String(html[html.range(of: "<section id=\"province-table\"")!.lowerBound..<html.range(of: "<section id=\"missing\"")!.lowerBound])
        XCTAssertEqual(table.components(separatedBy: " data-scope=").count - 1, 35)
    }

    /// A score-29 outlier and a repeated report come before one-dossier balance mismatches, grouped by unit.
    func testFindingsAreOrderedByImportance() throws {
        var input = ReportHTMLSample.input(day: ReportHTMLSample.day, findings: 0)
        let day = ReportHTMLSample.day
        for k in 0..<60 {
            input.findings.append(Finding(reportDate: day, unitCode: String(format: "%05d", k), procedureCode: "1.001000",
                                          rule: .balanceMismatch, metric: "pending", value: "3", expected: "-1", score: "1",
                                          detail: "tồn kỳ trước 0 + tiếp nhận 0 = 0 ≠ đã giải quyết 1 + trả lại 0 + đang giải quyết 3 = 4"))
        }
        input.findings.append(Finding(reportDate: day, unitCode: "99999", procedureCode: "1.001001", rule: .outlier,
                                      metric: "received", value: "400", expected: "12.5", score: "29.10", detail: "x"))
        input.findings.append(Finding(reportDate: day, unitCode: "00007", procedureCode: "", rule: .repeatedReport,
                                      metric: "report", value: "12", expected: "", score: "", detail: "y"))
        let html = try ReportHTML(context: ReportHTMLContext(unitNames: ["99999": "Xã Ngoại Lệ"])).renderString(input)
        let rules = html.matches(of: /<tr class="finding" data-rule="([a-z_]+)">/).map { String($0.output.1) }
        XCTAssertEqual(Array(rules.prefix(3)), ["outlier", "repeated_report", "balance_mismatch"])
        XCTAssertEqual(rules.count, 50)
        XCTAssertTrue(html.contains("29,10"), "the score with a decimal comma")
        XCTAssertFalse(html.contains(">-1<"), "no negative expectation on the page")
        XCTAssertFalse(html.contains(">−1<"))
        // The repeated report's unit 00007 heads its group, and its balance mismatch follows inside it.
        let group = html.components(separatedBy: "<tbody class=\"unit\">")[2]
        XCTAssertTrue(group.contains("00007"))
        XCTAssertEqual(group.components(separatedBy: "<tr class=\"finding\"").count - 1, 2)
    }

    func testPublicationStatusAndCreationTime() throws {
        var input = ReportHTMLSample.input(day: ReportHTMLSample.day, findings: 1)
        input.deadline = .vietnam(ReportHTMLSample.day.adding(days: 1), hour: 10, minute: 0)
        input.publication = .provisional
        let early = try ReportHTML().renderString(input)
        XCTAssertTrue(early.contains("SỐ LIỆU TẠM THỜI: lập lúc 16/07/2025 10:05, trước hạn báo cáo 16/07/2025 10:00"))
        input.publication = .final
        let late = try ReportHTML().renderString(input)
        XCTAssertTrue(late.contains("Số liệu chính thức: lập sau hạn báo cáo 16/07/2025 10:00."))
        XCTAssertTrue(late.contains("lập lúc 16/07/2025 10:05"), "creation time in +07:00, Vietnamese style")
        XCTAssertFalse(late.contains("2025-07-16T10:05"))
    }

    func testContextFromEarlierExports() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let day = ReportHTMLSample.day  // a Tuesday: previous report days Mon 14, Fri 11, Thu 10
        var written: [Day: ScopeSummary] = [:]
        for (offset, seed) in [(-1, UInt64(1)), (-5, 3)] {
            let d = day.adding(days: offset)
            var input = ReportHTMLSample.input(day: d, findings: 2, seed: seed)
            input.aggregate.scopes[0].scopeName = "Việt Nam, \"quoted\""
            let folder = dir.url.appendingPathComponent(d.iso)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(try NationalSummaryCSV().render(input)).write(to: folder.appendingPathComponent("national_summary.csv"))
            written[d] = input.aggregate.scopes[0]
        }
        let weekdays: (Day) -> Day? = { d in
            var p = d.adding(days: -1)
            while p.isoWeekday > 5 { p = p.adding(days: -1) }
            return p
        }
        let context = ReportHTMLContext.fromExports(dir.url, day: day, days: 5, previousReportDay: weekdays)
        XCTAssertEqual(context.previousDay, day.adding(days: -1))
        XCTAssertEqual(context.previous, written[day.adding(days: -1)])
        XCTAssertEqual(context.trend.map(\.day), [day.adding(days: -1), day.adding(days: -5)])
        XCTAssertEqual(context.trend.last, TrendPoint(day: day.adding(days: -5), national: written[day.adding(days: -5)]!))
    }

    func testRenderedBytesAreTheString() throws {
        let input = ReportHTMLSample.input(day: ReportHTMLSample.day, findings: 5)
        let exporter = ReportHTML(trend: ReportHTMLSample.trend(), previous: ReportHTMLSample.previous())
        XCTAssertEqual(exporter.fileName, "report.html")
        XCTAssertEqual(try exporter.render(input), Array(try exporter.renderString(input).utf8))
        // Writes a sample page for scripts/render-report when asked to.
        if let out = ProcessInfo.processInfo.environment["REPORT_HTML_SAMPLE_OUT"] {
            let input = ReportHTMLSample.input(day: ReportHTMLSample.day, findings: 63)
            let dir = URL(fileURLWithPath: out).appendingPathComponent("exports/\(ReportHTMLSample.day.iso)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(try exporter.render(input)).write(to: dir.appendingPathComponent("report.html"))
        }
    }
}

import Foundation
import XCTest

/// Contract §6 through the built binary: a generated month run night by night, restated at the end, then the same
/// month backfilled and reported; every column checked against a plain computation from what the units sent.
final class PeriodReportTests: XCTestCase {
    static let periodCSVs = ["period_summary.csv", "unit_reporting.csv", "province_ranking.csv"]
    /// The files compared byte for byte however the period was reached: the CSVs and the workbook.
    static let periodFiles = periodCSVs + ["report.xlsx"]

    func testAMonthNightlyBackfillAndReportAgreeAndMatchAPlainComputation() throws {
        let dir = try TempDir("periods")
        let month = try PeriodMonth(root: dir.url)
        let flags = month.registryFlags
        let nightlyInbox = dir.url.appendingPathComponent("nightly-inbox"), nightlyOut = dir.path("nightly-out")
        try FileManager.default.createDirectory(at: nightlyInbox, withIntermediateDirectories: true)

        // Night by night: each run sees what was sent by its time (after the deadline, 10:00 the next day).
        var written = Set<String>()
        for day in PeriodMonth.reportDays {
            let runTime = PeriodMonth.date(PeriodMonth.nextCalendarDay(day), "10:00")
            let arriving = month.sent.filter { $0.submitted <= runTime && !written.contains($0.file) }
            try month.write(arriving, into: nightlyInbox)
            written.formUnion(arriving.map(\.file))
            try run(["run", "--date", day, "--inbox", nightlyInbox.path, "--out", nightlyOut] + flags)
            if day == "2026-11-18" {
                // A month not over covers its report days through the last exported one (in a copy: `report` writes).
                let copy = dir.path("mid-month")
                try copyFolder(nightlyOut, to: copy)
                try run(["report", "--period", "2026-11", "--out", copy] + flags)
                let rows = try readCSVTable("\(copy)/exports/periods/2026-11/period_summary.csv")
                XCTAssertEqual(rows.first?["first_day"], "2026-11-02")
                XCTAssertEqual(rows.first?["last_day"], "2026-11-18")
                XCTAssertEqual(rows.first?["report_days"], "14", "Nov 2–18: 13 weekdays and the make-up Saturday 14th")
                XCTAssertFalse(FileManager.default.fileExists(atPath: "\(nightlyOut)/exports/periods/2026-11"),
                               "run writes the month only after its last report day")
            }
            if day == "2026-11-27" {
                XCTAssertTrue(FileManager.default.fileExists(atPath: "\(nightlyOut)/exports/periods/2026-W48/period_summary.csv"),
                              "run wrote the week after its last report day")
            }
        }
        // After the month: the late reports of the 30th, a correction of the 5th and a report for a missed day.
        try month.write(month.sent.filter { !written.contains($0.file) } + month.restatements, into: nightlyInbox)
        let before = try periodFiles(nightlyOut)
        try run(["run", "--date", "2026-11-30", "--inbox", nightlyInbox.path, "--out", nightlyOut] + flags)
        let nightly = try periodFiles(nightlyOut)
        XCTAssertEqual(nightly.keys.sorted(), ["2026-11", "2026-W45", "2026-W46", "2026-W47", "2026-W48"],
                       "the weeks and the month the runs wrote (W49 is not over)")
        XCTAssertNotEqual(before["2026-W45"], nightly["2026-W45"], "the restated 2026-11-05 rewrote its week")
        XCTAssertNotEqual(before["2026-11"], nightly["2026-11"], "and its month")

        // One backfill over the whole inbox, into a fresh folder.
        let backfillOut = dir.path("backfill-out")
        try run(["backfill", "--from", "2026-11-02", "--to", "2026-11-30", "--inbox", nightlyInbox.path, "--out", backfillOut] + flags)
        let backfill = try periodFiles(backfillOut)
        assertSamePeriods(backfill, nightly, "backfill (got) vs nightly runs (expected)")

        // `report` over the nightly folder rewrites the same bytes; over the backfill's too.
        for out in [nightlyOut, backfillOut] {
            for p in ["2026-11", "2026-W46"] { try run(["report", "--period", p, "--out", out] + flags) }
            try run(["report", "--from", "2026-11-02", "--to", "2026-11-30", "--out", out] + flags)
        }
        var reported = try periodFiles(nightlyOut)
        XCTAssertEqual(reported["2026-11-02_2026-11-30"].map(csvs), reported["2026-11"].map { renamed(csvs($0), "2026-11", "2026-11-02_2026-11-30") },
                       "the range of the whole month has the month's figures")
        reported["2026-11-02_2026-11-30"] = nil
        assertSamePeriods(reported, nightly, "report (got) vs nightly runs (expected)")
        reported = try periodFiles(backfillOut)
        reported["2026-11-02_2026-11-30"] = nil
        assertSamePeriods(reported, nightly, "report over the backfill (got) vs nightly runs (expected)")

        // Every column of the month against a plain computation.
        let expected = PlainPeriod(month: month, days: PeriodMonth.reportDays, period: "2026-11",
                                   anomalies: try anomaliesByUnit(nightlyOut, days: PeriodMonth.reportDays))
        for name in Self.periodCSVs {
            let got = parseCSV(nightly["2026-11"]?[name] ?? Data())
            let want = expected.table(name)
            XCTAssertEqual(got.first, want.first, "\(name): header")
            XCTAssertEqual(got.count, want.count, "\(name): rows")
            for (g, w) in zip(got.dropFirst(), want.dropFirst()) where g != w {
                let cols = zip(want[0], zip(g, w)).filter { $0.1.0 != $0.1.1 }.map { "\($0.0): got \($0.1.0), expected \($0.1.1)" }
                XCTFail("\(name) row \(w.prefix(6).joined(separator: ",")): \(cols.joined(separator: "; "))")
            }
        }
        // The ranking has its ties: provinces 91 and 94 always report on time.
        let ranks = try readCSVTable("\(nightlyOut)/exports/periods/2026-11/province_ranking.csv")
        XCTAssertEqual(ranks.filter { ["91", "94"].contains($0["scope_code"]!) }.map { $0["completeness_rank"]! }, ["1", "1"])
        XCTAssertEqual(ranks.filter { ["92", "93"].contains($0["scope_code"]!) }.map { $0["completeness_rank"]! }.sorted(), ["3", "4"])

        // Every period's workbook holds its CSVs' cells, read back with openpyxl.
        try assertWorkbooksEqualTheCSVs(Array(nightly.keys) + ["2026-11-02_2026-11-30"], out: nightlyOut)

        // A week not over: only its exported days.
        try run(["report", "--period", "2026-W49", "--out", nightlyOut] + flags)
        let w49 = try readCSVTable("\(nightlyOut)/exports/periods/2026-W49/period_summary.csv")
        XCTAssertEqual(w49.first.map { [$0["first_day"]!, $0["last_day"]!, $0["report_days"]!] }, ["2026-11-30", "2026-11-30", "1"])
    }

    func testReportRefusesWhatItCannotCover() throws {
        let dir = try TempDir("periods-refuse")
        let month = try PeriodMonth(root: dir.url)
        let inbox = dir.url.appendingPathComponent("inbox"), out = dir.path("out")
        try month.write(month.sent.filter { $0.day == "2026-11-18" }, into: inbox)
        let none = try dailyreports(["report", "--period", "2026-11", "--out", out] + month.registryFlags)
        XCTAssertEqual(none.status, 64, none.both)
        XCTAssertTrue(none.stderr.contains("no warehouse"), none.stderr)
        try run(["run", "--date", "2026-11-18", "--inbox", inbox.path, "--out", out] + month.registryFlags)
        let gaps = try dailyreports(["report", "--period", "2026-11", "--out", out] + month.registryFlags)
        XCTAssertEqual(gaps.status, 64, gaps.both)
        XCTAssertTrue(gaps.stderr.contains("2026-11-02") && gaps.stderr.contains("backfill --from 2026-11-02 --to 2026-11-17"), gaps.stderr)
        for bad in [["--period", "2026-W54"], ["--period", "2025-W53"], ["--period", "2026-13"], ["--period", "2026-Q5"],
                    ["--from", "2026-11-02"], ["--period", "2026-11", "--from", "2026-11-02", "--to", "2026-11-03"],
                    ["--from", "2026-11-05", "--to", "2026-11-02"]] {
            let r = try dailyreports(["report", "--out", out] + bad + month.registryFlags)
            XCTAssertEqual(r.status, 64, "\(bad): \(r.both)")
        }
        let future = try dailyreports(["report", "--period", "2026-12", "--out", out] + month.registryFlags)
        XCTAssertEqual(future.status, 64, future.both)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(out)/exports/periods/2026-11"), "nothing written")
        // The one day exported, as a range.
        try run(["report", "--from", "2026-11-18", "--to", "2026-11-18", "--out", out] + month.registryFlags)
        let rows = try readCSVTable("\(out)/exports/periods/2026-11-18_2026-11-18/period_summary.csv")
        XCTAssertEqual(rows.first?["period"], "2026-11-18_2026-11-18")
        XCTAssertEqual(rows.first?["report_days"], "1")
    }

    /// `--lang en` names the workbook's sheets and columns in English, as the day's workbooks; the CSVs stay the same.
    func testTheWorkbookFollowsTheLanguage() throws {
        guard try runProcess(WorkbookTests.python, ["-c", "import openpyxl"]).status == 0 else {
            throw XCTSkip("python3-openpyxl is not installed (scripts/setup-deps installs it)")
        }
        let dir = try TempDir("periods-lang")
        let month = try PeriodMonth(root: dir.url)
        let inbox = dir.url.appendingPathComponent("inbox"), out = dir.path("out")
        try month.write(month.sent.filter { $0.day == "2026-11-18" }, into: inbox)
        try run(["run", "--date", "2026-11-18", "--inbox", inbox.path, "--out", out] + month.registryFlags)
        let folder = "\(out)/exports/periods/2026-11-18_2026-11-18"
        let read = "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\n"
            + "print(wb.properties.title); print(wb.sheetnames); print([c.value for c in next(wb.worksheets[2].iter_rows())][:5])"
        var texts: [String] = [], csvs: [[String: Data]] = []
        for lang in ["vi", "en"] {
            try run(["report", "--from", "2026-11-18", "--to", "2026-11-18", "--lang", lang, "--out", out] + month.registryFlags)
            let r = try runProcess(WorkbookTests.python, ["-c", read, "\(folder)/report.xlsx"])
            XCTAssertEqual(r.status, 0, r.both)
            texts.append(r.stdout)
            csvs.append(Dictionary(uniqueKeysWithValues: try Self.periodCSVs.map { ($0, try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\($0)"))) }))
        }
        XCTAssertEqual(texts[0], "Báo cáo từ 18/11/2026 đến 18/11/2026\n['Tổng hợp', 'Đơn vị', 'Xếp hạng']\n"
                       + "['Kỳ báo cáo', 'Mã địa bàn', 'Tên địa bàn', 'Tỷ lệ báo cáo', 'Hạng tỷ lệ báo cáo']\n")
        XCTAssertEqual(texts[1], "Period report 2026-11-18_2026-11-18\n['Summary', 'Units', 'Ranking']\n"
                       + "['Period', 'Code', 'Name', 'Completeness', 'Completeness rank']\n")
        XCTAssertEqual(csvs[0], csvs[1], "the CSVs do not depend on the language")
    }

    /// `scripts/check-workbook --period` over each period's folder (skipped without python3-openpyxl).
    private func assertWorkbooksEqualTheCSVs(_ periods: [String], out: String) throws {
        guard try runProcess(WorkbookTests.python, ["-c", "import openpyxl"]).status == 0 else {
            print("python3-openpyxl is not installed (scripts/setup-deps installs it): period workbooks not read back")
            return
        }
        for p in periods.sorted() {
            let r = try runProcess(WorkbookTests.python, [packageRoot.appendingPathComponent("scripts/check-workbook").path,
                                                          "--period", "\(out)/exports/periods/\(p)"])
            XCTAssertEqual(r.status, 0, "\(p):\n\(r.both)")
            for sheet in ["Tổng hợp", "Đơn vị", "Xếp hạng"] {
                XCTAssertTrue(r.stdout.contains("report.xlsx \(sheet): "), "\(p): \(r.stdout)")
            }
        }
    }

    private func run(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try dailyreports(args)
        XCTAssertEqual(r.status, 0, "\(args.prefix(3).joined(separator: " ")) failed:\n\(r.both)", file: file, line: line)
        if r.status != 0 { throw E2EError.setup("\(args.joined(separator: " ")) exited \(r.status): \(r.both)") }
    }

    /// period → file name → bytes, for the three CSV files and the workbook of every period written.
    private func periodFiles(_ out: String) throws -> [String: [String: Data]] {
        let root = "\(out)/exports/periods"
        var s: [String: [String: Data]] = [:]
        for p in ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []) where !p.hasPrefix(".") {
            var files: [String: Data] = [:]
            for name in Self.periodFiles { files[name] = try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(p)/\(name)")) }
            s[p] = files
        }
        return s
    }

    private func csvs(_ files: [String: Data]) -> [String: Data] { files.filter { Self.periodCSVs.contains($0.key) } }

    private func renamed(_ files: [String: Data], _ from: String, _ to: String) -> [String: Data] {
        files.mapValues { d in
            Data(String(decoding: d, as: UTF8.self).replacingOccurrences(of: "\r\n\(from),", with: "\r\n\(to),").utf8)
        }
    }

    private func assertSamePeriods(_ got: [String: [String: Data]], _ expected: [String: [String: Data]], _ what: String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(got.keys.sorted(), expected.keys.sorted(), "\(what): periods differ", file: file, line: line)
        for p in expected.keys.sorted() {
            guard let g = got[p], let e = expected[p] else { continue }
            for name in Self.periodFiles where g[name] != e[name] {
                XCTFail("\(what): \(p)/\(name) differs at \(firstDifference(g[name] ?? Data(), e[name] ?? Data()))", file: file, line: line)
            }
        }
    }

    /// unit → findings over `days`, read from the daily exports' anomalies.csv.
    private func anomaliesByUnit(_ out: String, days: [String]) throws -> [String: Int] {
        var n: [String: Int] = [:]
        for d in days {
            for row in try readCSVTable("\(out)/exports/\(d)/anomalies.csv") { n[row["unit_code"]!, default: 0] += 1 }
        }
        return n
    }
}

/// §6's columns computed plainly from what the generated units sent (no pipeline code).
struct PlainPeriod {
    let month: PeriodMonth
    let days: [String]
    let period: String
    let anomalies: [String: Int]

    var all: [PeriodMonth.Sent] { month.sent + month.restatements }

    func sent(_ unit: String, _ day: String) -> [PeriodMonth.Sent] { all.filter { $0.unit == unit && $0.day == day } }
    func expected(_ unit: String, _ day: String) -> Bool { PeriodMonth.isActive(unit, on: day) }
    func reported(_ unit: String, _ day: String) -> Bool { !sent(unit, day).isEmpty }
    func late(_ unit: String, _ day: String) -> Bool {
        guard let first = sent(unit, day).map(\.submitted).min() else { return false }
        return first > PeriodMonth.date(PeriodMonth.nextCalendarDay(day), "10:00")
    }
    /// The winning counts of a unit on a day (latest submission), zeros when it sent nothing.
    func counts(_ unit: String, _ day: String) -> [Int] {
        sent(unit, day).max { $0.submitted < $1.submitted }?.counts ?? [0, 0, 0, 0, 0, 0, 0]
    }

    static func pct(_ n: Int, _ d: Int) -> String {
        guard d > 0 else { return "" }
        let tenths = (n * 2000 + d) / (2 * d)  // round half up
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func tenths(_ p: String) -> Int? { p.isEmpty ? nil : Int(p.replacingOccurrences(of: ".", with: "")) }

    var units: [String] { (PeriodMonth.provinces + PeriodMonth.communes).sorted() }

    func table(_ name: String) -> [[String]] {
        switch name {
        case "period_summary.csv": return summary()
        case "unit_reporting.csv": return unitReporting()
        default: return ranking()
        }
    }

    func scopeRow(_ code: String, _ name: String, _ members: [String]) -> [String] {
        var exp = 0, rec = 0, lat = 0, flows = [0, 0, 0, 0, 0], every = 0, everyReporting = 0, anom = 0
        for u in members {
            let expectedDays = days.filter { expected(u, $0) }
            exp += expectedDays.count
            rec += expectedDays.filter { reported(u, $0) }.count
            lat += expectedDays.filter { late(u, $0) }.count
            for d in days { for k in 0..<5 { flows[k] += counts(u, d)[k] } }
            if expectedDays.count == days.count {
                every += 1
                if expectedDays.allSatisfy({ reported(u, $0) }) { everyReporting += 1 }
            }
            anom += anomalies[u] ?? 0
        }
        let last = days.last!
        let pending = members.filter { expected($0, last) }.reduce(into: [0, 0]) { p, u in
            p[0] += counts(u, last)[5]; p[1] += counts(u, last)[6]
        }
        return [period, days.first!, last, String(days.count), code, name, String(exp), String(rec), String(lat),
                String(exp - rec), Self.pct(rec, exp), Self.pct(rec - lat, exp), String(every), String(everyReporting)]
            + flows.map(String.init) + pending.map(String.init)
            + [Self.pct(flows[0], flows[0] + flows[1]), Self.pct(flows[2], flows[2] + flows[3]), String(anom)]
    }

    func provinceName(_ p: String) -> String { "Tỉnh Thử " + ["Một", "Hai", "Ba", "Bốn"][PeriodMonth.provinces.firstIndex(of: p)!] }

    func summary() -> [[String]] {
        var rows = [["period", "first_day", "last_day", "report_days", "scope_code", "scope_name", "expected_reports",
                     "received_reports", "late_reports", "missing_reports", "completeness_pct", "timeliness_pct",
                     "units_expected_every_day", "units_reporting_every_day", "received_online", "received_offline",
                     "resolved_on_time", "resolved_late", "returned", "pending_on_time", "pending_overdue", "online_rate_pct",
                     "on_time_resolution_pct", "anomalies"]]
        rows.append(scopeRow("VN", "Việt Nam", units))
        for p in PeriodMonth.provinces {
            rows.append(scopeRow(p, provinceName(p), units.filter { PeriodMonth.province(of: $0) == p }))
        }
        return rows
    }

    func unitReporting() -> [[String]] {
        var rows = [["period", "province_code", "province_name", "unit_code", "unit_name", "expected_reports",
                     "received_reports", "late_reports", "missing_reports", "longest_missing_run", "anomalies"]]
        for u in units {
            let p = PeriodMonth.province(of: u)
            let e = days.filter { expected(u, $0) }
            var longest = 0, run = 0
            for d in days {
                if expected(u, d) && !reported(u, d) { run += 1 } else { run = 0 }
                longest = max(longest, run)
            }
            let r = e.filter { reported(u, $0) }.count
            rows.append([period, p, provinceName(p), u, u.count == 2 ? provinceName(u) : "Xã Thử \(u)", String(e.count),
                         String(r), String(e.filter { late(u, $0) }.count), String(e.count - r), String(longest),
                         String(anomalies[u] ?? 0)])
        }
        return rows
    }

    func ranking() -> [[String]] {
        let summary = summary().dropFirst(2)  // header, VN
        // columns of period_summary: completeness 10, timeliness 11, online 21, on-time resolution 22
        let pcts = summary.map { r in [r[10], r[11], r[22], r[21]] }
        func rank(_ k: Int, _ i: Int) -> String {
            guard let mine = Self.tenths(pcts[i][k]) else { return "" }
            return String(1 + pcts.filter { (Self.tenths($0[k]) ?? Int.min) > mine }.count)
        }
        var rows = [["period", "scope_code", "scope_name", "completeness_pct", "completeness_rank", "timeliness_pct",
                     "timeliness_rank", "on_time_resolution_pct", "on_time_resolution_rank", "online_rate_pct", "online_rate_rank"]]
        for (i, r) in summary.enumerated() {
            var row = [period, r[4], r[5]]
            for k in 0..<4 { row += [pcts[i][k], rank(k, i)] }
            rows.append(row)
        }
        return rows
    }
}

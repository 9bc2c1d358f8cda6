import Foundation
import ReportModel
@testable import ReportExport

/// A realistic report day for the `ReportHTML` tests: the nation and 34 provinces, deterministic.
enum ReportHTMLSample {
    static let day = Day(year: 2025, month: 7, day: 15)!

    static let provinces: [(String, String)] = [
        ("01", "Thành phố Hà Nội"), ("04", "Tỉnh Cao Bằng"), ("08", "Tỉnh Tuyên Quang"), ("11", "Tỉnh Điện Biên"),
        ("12", "Tỉnh Lai Châu"), ("14", "Tỉnh Sơn La"), ("15", "Tỉnh Lào Cai"), ("19", "Tỉnh Thái Nguyên"),
        ("20", "Tỉnh Lạng Sơn"), ("22", "Tỉnh Quảng Ninh"), ("24", "Tỉnh Bắc Ninh"), ("25", "Tỉnh Phú Thọ"),
        ("31", "Thành phố Hải Phòng"), ("33", "Tỉnh Hưng Yên"), ("37", "Tỉnh Ninh Bình"), ("38", "Tỉnh Thanh Hóa"),
        ("40", "Tỉnh Nghệ An"), ("42", "Tỉnh Hà Tĩnh"), ("44", "Tỉnh Quảng Trị"), ("46", "Thành phố Huế"),
        ("48", "Thành phố Đà Nẵng"), ("51", "Tỉnh Quảng Ngãi"), ("52", "Tỉnh Gia Lai"), ("56", "Tỉnh Khánh Hòa"),
        ("66", "Tỉnh Đắk Lắk"), ("68", "Tỉnh Lâm Đồng"), ("75", "Tỉnh Đồng Nai"), ("79", "Thành phố Hồ Chí Minh"),
        ("80", "Tỉnh Tây Ninh"), ("82", "Tỉnh Đồng Tháp"), ("86", "Tỉnh Vĩnh Long"), ("91", "Tỉnh An Giang"),
        ("92", "Thành phố Cần Thơ"), ("96", "Tỉnh Cà Mau"),
    ]

    struct LCG {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    /// `idle`: nothing resolved anywhere and one province with nothing expected (empty percentages).
    static func input(day: Day, findings findingCount: Int, idle: Bool = false, seed: UInt64 = 7) -> DayExportInput {
        var rng = LCG(state: seed)
        var national = ScopeSummary(scopeCode: "VN", scopeName: "Việt Nam")
        var scopes: [ScopeSummary] = []
        var missing: [MissingReport] = []
        for (i, (code, name)) in provinces.enumerated() {
            var s = ScopeSummary(scopeCode: code, scopeName: name)
            s.expected = idle && i == 5 ? 0 : 60 + rng.next(110)
            s.received = max(0, s.expected - (i % 4 == 0 ? rng.next(25) : rng.next(5)))
            s.late = rng.next(max(1, s.received / 8))
            s.counts = Counts(receivedOnline: 200 + rng.next(900), receivedOffline: 100 + rng.next(400),
                              resolvedOnTime: idle ? 0 : 150 + rng.next(800), resolvedLate: idle ? 0 : rng.next(90),
                              returned: rng.next(20), pendingOnTime: 500 + rng.next(2000), pendingOverdue: rng.next(300))
            s.anomalies = 0
            scopes.append(s)
            let province = Unit(code: code, name: name, level: .province, parentCode: nil, kind: "tỉnh", aliases: [],
                                activeFrom: nil, activeTo: nil)
            for k in 0..<s.missing {
                let unit = Unit(code: code + String(format: "%03d", k + 1), name: "Xã Số \(k + 1)", level: .commune,
                                parentCode: code, kind: "xã", aliases: [], activeFrom: nil, activeTo: nil)
                missing.append(MissingReport(province: province, unit: unit, contact: nil))
            }
            national.expected += s.expected; national.received += s.received; national.late += s.late
            national.counts += s.counts
        }
        let rules = CheckRule.allCases
        var findings: [Finding] = []
        for k in 0..<findingCount {
            let p = provinces[k % provinces.count].0
            findings.append(Finding(reportDate: day, unitCode: p + String(format: "%03d", 100 + k), procedureCode: "1.00\(1000 + k % 4)",
                                    rule: rules[k % rules.count], metric: ["received", "pending", "resolved_late"][k % 3],
                                    value: String(100 + k * 7), expected: String(40 + k), score: "4.2",
                                    detail: "Giá trị lệch nhiều so với lịch sử của đơn vị (mẫu \(k + 1))"))
            if let i = scopes.firstIndex(where: { $0.scopeCode == p }) { scopes[i].anomalies += 1 }
        }
        findings.sort { ($0.unitCode, $0.procedureCode) < ($1.unitCode, $1.procedureCode) }
        national.anomalies = findingCount
        let procedures = (0..<4).map { k in
            ProcedureSummary(procedure: Procedure(code: "1.00\(1000 + k)", name: ["Đăng ký khai sinh", "Cấp phiếu lý lịch tư pháp",
                                                                               "Đăng ký kinh doanh hộ cá thể", "Cấp giấy phép xây dựng"][k],
                                                  field: "Tư pháp", level: .commune, priority: true, maxDays: 3))
        }
        let aggregate = DayAggregate(day: day, scopes: [national] + scopes, procedures: procedures, missing: missing, lateUnits: [])
        return DayExportInput(aggregate: aggregate, findings: findings, rejects: [],
                              run: RunInfo(id: 42, command: "nightly", startedAt: "2025-07-16T10:05:00+07:00", inputs: []))
    }

    static func previous() -> ScopeSummary {
        var s = input(day: day.adding(days: -1), findings: 4, seed: 11).aggregate.scopes[0]
        s.received -= 40
        return s
    }

    /// 40 report days (weekdays) up to the day before `day`; ReportHTML adds the day itself.
    static func trend() -> [TrendPoint] {
        var rng = LCG(state: 3)
        var points: [TrendPoint] = []
        var d = day.adding(days: -1)
        while points.count < 40 {
            if d.isoWeekday <= 5 {
                points.append(TrendPoint(day: d, received: 28_000 + rng.next(9_000), resolved: 22_000 + rng.next(9_000),
                                         pending: 45_000 + rng.next(8_000)))
            }
            d = d.adding(days: -1)
        }
        return points
    }

    // MARK: Reading the page and the CSV back

    /// A figure as the page writes it ("93,5", "93,5 %", "12 345", "—") in the CSV's form ("93.5", "12345", "").
    static func csvForm(_ shown: String) -> String {
        if shown == "—" { return "" }
        var v = shown
        if v.hasSuffix("\u{00A0}%") { v = String(v.dropLast(2)) }
        return v.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: ",", with: ".")
    }

    /// Headline key → figure as shown, in the CSV's form ("" for "—").
    static func headlines(_ html: String) -> [String: String] {
        var out: [String: String] = [:]
        for m in html.matches(of: /<div class="kpi" data-kpi="([a-z_]+)"[^>]*>[\s\S]*?<span class="kpi-value">([^<]*)<\/span>/) {
            out[String(m.output.1)] = csvForm(String(m.output.2))
        }
        return out
    }

    /// Province code → completeness as its bar shows it, without "%" ("" for "—").
    static func provinceBars(_ html: String) -> [String: String] {
        var out: [String: String] = [:]
        for m in html.matches(of: /<g class="bar [a-z]+" data-scope="([0-9]+)"[^>]*>[\s\S]*?<text class="pct"[^>]*>([^<]*)<\/text>/) {
            out[String(m.output.1)] = csvForm(String(m.output.2))
        }
        return out
    }

    static func provinceOrder(_ html: String) -> [String] {
        html.matches(of: /<g class="bar [a-z]+" data-scope="([0-9]+)"/).map { String($0.output.1) }
    }

    /// RFC 4180 records.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text), i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        chars = []
        return rows
    }
}

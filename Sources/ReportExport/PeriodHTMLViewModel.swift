import ReportModel

/// What the period page shows, as the template's dictionary.
struct PeriodHTMLViewModel {
    /// A unit is listed as a chronic non-reporter from this many consecutive missed report days.
    static let chronicMin = 3
    /// At most this many of them on the page (all are in `unit_reporting.csv`).
    static let chronicShown = 150

    let input: PeriodExportInput
    var a: PeriodAggregate { input.aggregate }
    var F: ReportHTMLFormat { ReportHTMLFormat(input.language) }
    var lang: Language { input.language }

    var dictionary: [String: Any] {
        let chronic = chronicUnits
        let shown = chronic.prefix(Self.chronicShown)
        return [
            "title": title, "t": PageText.strings(PageText.period, lang), "open": isOpen,
            "firstDayShort": F.shortDate(a.firstDay), "lastDayShort": F.shortDate(a.lastDay),
            "headlines": headlines, "multiples": multiples, "ranking": ranking,
            "hasChronic": !chronic.isEmpty, "chronic": shown.map(chronicRow), "hasMoreChronic": chronic.count > shown.count,
            "procedures": procedures,
        ].merging(sentences(chronic: chronic.count, shown: shown.count)) { a, _ in a }
    }

    /// The page's sentences with figures in them, in the page's language.
    func sentences(chronic: Int, shown: Int) -> [String: Any] {
        let (first, last, min) = (F.date(a.firstDay), F.date(a.lastDay), Self.chronicMin)
        let (days, units) = (a.days.count, a.units.count)
        return [
            "meta": "\(first) – \(last) · " + lang.pick(vi: "\(days) ngày báo cáo · \(F.count(units)) đơn vị phải báo cáo",
                                                      en: F.count(days, "report day", "report days") + " · "
                                                          + F.count(units, "unit", "units") + " expected to report"),
            "openNote": lang.pick(vi: "Kỳ chưa kết thúc: số liệu đến hết ngày \(last).", en: "The period is not over: figures up to \(last)."),
            "headlineNote": lang.pick(vi: "(cả nước; tổng các ngày báo cáo, tồn đọng tính đến ngày \(last))",
                                      en: "(nationwide; sums over the report days, pending dossiers as of \(last))"),
            "chronicNote": lang.pick(vi: "(vắng \(min) ngày báo cáo liên tiếp trở lên; \(F.count(chronic)) đơn vị)",
                                     en: "(missing \(min) report days in a row or more; \(F.count(chronic, "unit", "units")))"),
            "moreChronicNote": PageText.parts(lang.pick(
                vi: "Còn \(F.count(chronic - shown)) đơn vị khác: xem đầy đủ trong tệp **unit_reporting.csv**.",
                en: F.count(chronic - shown, "more unit", "more units") + ": all of them are in **unit_reporting.csv**.")),
            "noChronic": lang.pick(vi: "Không có đơn vị nào vắng \(min) ngày báo cáo liên tiếp.",
                                   en: "No unit missed \(min) report days in a row."),
            "proceduresNote": lang.pick(vi: "(tổng các ngày; tồn đọng tính đến ngày \(last))",
                                        en: "(sums over the days; pending dossiers as of \(last))"),
            "footer": lang.pick(
                vi: "Số liệu tổng hợp từ các báo cáo ngày đã công bố (\(first) – \(last)), trùng với các tệp period_summary.csv, "
                    + "unit_reporting.csv và province_ranking.csv của kỳ \(a.period.name). Tỷ lệ làm tròn một chữ số thập phân.",
                en: "Figures summed from the published daily reports (\(first) – \(last)); they are those of period_summary.csv, "
                    + "unit_reporting.csv and province_ranking.csv of the period \(a.period.name). Rates are rounded to one decimal place."),
        ]
    }

    /// `Tuần 48/2026`, `Tháng 11/2026`, `Quý IV/2026`, or the range.
    var title: String {
        let p = a.period
        let year = p.name.prefix(4)
        let number = Int(p.name.suffix(2)) ?? 0
        switch p.kind {
        case .week: return lang.pick(vi: "Báo cáo tuần \(number)/\(year)", en: "Weekly report, week \(number) of \(year)")
        case .month: return lang.pick(vi: "Báo cáo tháng \(number)/\(year)", en: "Monthly report, \(year)-\(p.name.suffix(2))")
        case .quarter:
            let q = (Int(p.name.suffix(1)) ?? 1) - 1
            return lang.pick(vi: "Báo cáo quý \(["I", "II", "III", "IV"][q])/\(year)", en: "Quarterly report, Q\(q + 1) \(year)")
        case .range: return lang.pick(vi: "Báo cáo từ \(F.date(p.start)) đến \(F.date(p.end))",
                                      en: "Report from \(F.date(p.start)) to \(F.date(p.end))")
        }
    }

    /// Whether report days of the period remain after the last one covered.
    var isOpen: Bool {
        input.registries.calendar.reportDays(from: a.lastDay.adding(days: 1), to: a.period.end).isEmpty == false
    }

    var headlines: [[String: Any]] {
        let nation = a.scopes[0], n = nation.summary, c = n.counts
        let (F, lang) = (self.F, self.lang)
        func kpi(_ key: String, _ label: String, _ value: String, percent: Bool, _ detail: String) -> [String: Any] {
            ["key": key, "label": label, "value": value, "hasValue": !value.isEmpty, "isPercent": percent, "detail": detail]
        }
        return [
            kpi("completeness", lang.pick(vi: "Tỷ lệ báo cáo", en: "Reporting rate"), n.percent(.completeness), percent: true,
                "\(F.count(n.received)) / \(F.count(n.expected)) " + lang.pick(vi: "báo cáo", en: "reports")),
            kpi("timeliness", lang.pick(vi: "Tỷ lệ báo cáo đúng hạn", en: "Reports on time"), n.percent(.timeliness),
                percent: true, lang.pick(vi: "\(F.count(n.late)) báo cáo muộn", en: F.count(n.late, "late report", "late reports"))),
            kpi("every-day", lang.pick(vi: "Đơn vị báo cáo đủ mọi ngày", en: "Units reporting every day"),
                F.count(nation.unitsReportingEveryDay), percent: false,
                lang.pick(vi: "trên \(F.count(nation.unitsExpectedEveryDay)) đơn vị phải báo cáo mọi ngày",
                          en: "of \(F.count(nation.unitsExpectedEveryDay)) units expected every day")),
            kpi("missing", lang.pick(vi: "Lượt chưa báo cáo", en: "Missing reports"), F.count(n.missing), percent: false,
                lang.pick(vi: "phát hiện \(F.count(n.anomalies)) bất thường", en: F.count(n.anomalies, "finding raised", "findings raised"))),
            kpi("received", lang.pick(vi: "Hồ sơ tiếp nhận", en: "Dossiers received"), F.count(c.received), percent: false,
                lang.pick(vi: "trực tuyến \(F.count(c.receivedOnline)), trực tiếp \(F.count(c.receivedOffline))",
                          en: "online \(F.count(c.receivedOnline)), in person \(F.count(c.receivedOffline))")),
            kpi("online", lang.pick(vi: "Tỷ lệ tiếp nhận trực tuyến", en: "Received online"), n.percent(.onlineRate),
                percent: true, lang.pick(vi: "trên tổng hồ sơ tiếp nhận", en: "of all dossiers received")),
            kpi("on-time", lang.pick(vi: "Tỷ lệ giải quyết đúng hạn", en: "Resolved on time"), n.percent(.onTimeResolution),
                percent: true, "\(F.count(c.resolved)) " + lang.pick(vi: "hồ sơ đã giải quyết", en: "dossiers resolved")),
            kpi("pending", lang.pick(vi: "Hồ sơ đang xử lý", en: "Dossiers pending"), F.count(c.pending), percent: false,
                lang.pick(vi: "quá hạn \(F.count(c.pendingOverdue)), đến ngày \(F.date(a.lastDay))",
                          en: "overdue \(F.count(c.pendingOverdue)), as of \(F.date(a.lastDay))")),
        ]
    }

    static let chartWidth = 120.0, chartHeight = 48.0

    /// The nation, then each province: completeness and timeliness by day, 0–100 %.
    var multiples: [[String: Any]] {
        let w = Self.chartWidth, h = Self.chartHeight, pad = 3.0
        let n = a.days.count
        func x(_ t: Int) -> Double { n <= 1 ? w / 2 : pad + (w - 2 * pad) * Double(t) / Double(n - 1) }
        func y(_ num: Int, _ den: Int) -> Double? {
            guard den > 0 else { return nil }
            return pad + (h - 2 * pad) * (1 - Double(num) / Double(den))
        }
        return a.scopes.map(\.summary).map { s in
            var c: [String] = [], t: [String] = []
            var cy0 = h - pad, ty0 = h - pad
            for (k, d) in a.daily.enumerated() {
                guard let day = d.scopes.first(where: { $0.scopeCode == s.scopeCode }) ?? (s.scopeCode == "VN" ? d.scopes.first : nil),
                      let yc = y(day.received, day.expected), let yt = y(day.received - day.late, day.expected) else { continue }
                c.append(F.coord(x(k)) + "," + F.coord(yc))
                t.append(F.coord(x(k)) + "," + F.coord(yt))
                if k == 0 { cy0 = yc; ty0 = yt }
            }
            let completeness = s.percent(.completeness), timeliness = s.percent(.timeliness)
            return [
                "code": s.scopeCode, "name": s.scopeCode == "VN" ? lang.pick(vi: "Cả nước", en: "Nationwide") : s.scopeName, "nation": s.scopeCode == "VN",
                "width": F.coord(w), "height": F.coord(h), "innerWidth": F.coord(w - 1), "innerHeight": F.coord(h - 1),
                "mid": F.coord(h / 2), "single": n == 1, "cx": F.coord(x(0)), "cyC": F.coord(cy0), "cyT": F.coord(ty0),
                "completeness": c.joined(separator: " "), "timeliness": t.joined(separator: " "),
                "completenessPct": completeness, "hasCompleteness": !completeness.isEmpty,
                "timelinessPct": timeliness, "hasTimeliness": !timeliness.isEmpty,
            ] as [String: Any]
        }
    }

    /// Provinces by completeness rank (then code), with their four percentages and ranks.
    var ranking: [[String: Any]] {
        let rows = ProvinceRanking(a).rows
        let every = Dictionary(uniqueKeysWithValues: a.scopes.map { ($0.summary.scopeCode, $0) })
        let sorted = rows.sorted { ($0.completeness.rank ?? Int.max, $0.scopeCode) < ($1.completeness.rank ?? Int.max, $1.scopeCode) }
        return sorted.map { r in
            let s = every[r.scopeCode]
            return [
                "code": r.scopeCode, "name": r.scopeName, "rank": r.completeness.rank.map(String.init) ?? "—",
                "cells": [r.completeness, r.timeliness, r.onTimeResolution, r.onlineRate].enumerated().map { k, e in
                    ["value": e.percent, "hasValue": !e.percent.isEmpty, "rank": e.rank.map(String.init) ?? "",
                     "hasRank": e.rank != nil && k > 0] as [String: Any]
                },
                "every": s.map { "\(F.count($0.unitsReportingEveryDay))/\(F.count($0.unitsExpectedEveryDay))" } ?? "",
            ] as [String: Any]
        }
    }

    /// Units missing `chronicMin` report days in a row or more: most missed first, then longest run, province, code.
    var chronicUnits: [PeriodUnit] {
        a.units.filter { $0.longestMissingRun >= Self.chronicMin }
            .sorted { ($1.missing, $1.longestMissingRun, $0.provinceCode, $0.unitCode) < ($0.missing, $0.longestMissingRun, $1.provinceCode, $1.unitCode) }
    }

    func chronicRow(_ u: PeriodUnit) -> [String: Any] {
        let contact = input.registries.contacts.contact(of: u.unitCode, on: u.lastExpected)
        return ["province": u.provinceName, "code": u.unitCode, "name": u.unitName, "missing": F.count(u.missing),
                "expected": F.count(u.expected), "run": F.count(u.longestMissingRun),
                "contact": contact.map { $0.title.isEmpty ? $0.fullName : "\($0.fullName) (\($0.title))" } ?? "—",
                "phone": contact?.phone ?? "", "email": contact?.email ?? ""]
    }

    var procedures: [[String: Any]] {
        a.procedures.map { p in
            let c = p.counts
            return ["code": p.procedure.code, "name": p.procedure.name,
                    "counts": [c.receivedOnline, c.receivedOffline, c.resolvedOnTime, c.resolvedLate, c.returned,
                               c.pendingOnTime, c.pendingOverdue].map(F.count)] as [String: Any]
        }
    }
}

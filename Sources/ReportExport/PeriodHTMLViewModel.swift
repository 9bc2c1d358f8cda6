import ReportModel

/// What the period page shows, as the template's dictionary.
struct PeriodHTMLViewModel {
    typealias F = ReportHTMLFormat
    /// A unit is listed as a chronic non-reporter from this many consecutive missed report days.
    static let chronicMin = 3
    /// At most this many of them on the page (all are in `unit_reporting.csv`).
    static let chronicShown = 150

    let input: PeriodExportInput
    var a: PeriodAggregate { input.aggregate }

    var dictionary: [String: Any] {
        let chronic = chronicUnits
        let shown = chronic.prefix(Self.chronicShown)
        return [
            "title": title, "period": a.period.name,
            "range": F.date(a.firstDay) + " – " + F.date(a.lastDay), "reportDays": String(a.days.count),
            "units": F.count(a.units.count),
            "open": isOpen, "firstDay": F.date(a.firstDay), "lastDay": F.date(a.lastDay),
            "firstDayShort": F.shortDate(a.firstDay), "lastDayShort": F.shortDate(a.lastDay),
            "headlines": headlines, "multiples": multiples, "ranking": ranking,
            "chronicMin": String(Self.chronicMin), "chronicTotal": F.count(chronic.count), "hasChronic": !chronic.isEmpty,
            "chronic": shown.map(chronicRow), "hasMoreChronic": chronic.count > shown.count,
            "moreChronic": F.count(chronic.count - shown.count),
            "procedures": procedures,
        ]
    }

    /// `Tuần 48/2026`, `Tháng 11/2026`, `Quý IV/2026`, or the range.
    var title: String {
        let p = a.period
        let year = p.name.prefix(4)
        switch p.kind {
        case .week: return "Báo cáo tuần \(Int(p.name.suffix(2)) ?? 0)/\(year)"
        case .month: return "Báo cáo tháng \(Int(p.name.suffix(2)) ?? 0)/\(year)"
        case .quarter: return "Báo cáo quý \(["I", "II", "III", "IV"][(Int(p.name.suffix(1)) ?? 1) - 1])/\(year)"
        case .range: return "Báo cáo từ \(F.date(p.start)) đến \(F.date(p.end))"
        }
    }

    /// Whether report days of the period remain after the last one covered.
    var isOpen: Bool {
        input.registries.calendar.reportDays(from: a.lastDay.adding(days: 1), to: a.period.end).isEmpty == false
    }

    var headlines: [[String: Any]] {
        let nation = a.scopes[0], n = nation.summary, c = n.counts
        func kpi(_ key: String, _ label: String, _ value: String, percent: Bool, _ detail: String) -> [String: Any] {
            ["key": key, "label": label, "value": value, "hasValue": !value.isEmpty, "isPercent": percent, "detail": detail]
        }
        return [
            kpi("completeness", "Tỷ lệ báo cáo", n.percent(.completeness), percent: true,
                "\(F.count(n.received)) / \(F.count(n.expected)) báo cáo"),
            kpi("timeliness", "Tỷ lệ báo cáo đúng hạn", n.percent(.timeliness),
                percent: true, "\(F.count(n.late)) báo cáo muộn"),
            kpi("every-day", "Đơn vị báo cáo đủ mọi ngày", F.count(nation.unitsReportingEveryDay), percent: false,
                "trên \(F.count(nation.unitsExpectedEveryDay)) đơn vị phải báo cáo mọi ngày"),
            kpi("missing", "Lượt chưa báo cáo", F.count(n.missing), percent: false, "\(F.count(n.anomalies)) bất thường phát hiện"),
            kpi("received", "Hồ sơ tiếp nhận", F.count(c.received), percent: false,
                "trực tuyến \(F.count(c.receivedOnline)), trực tiếp \(F.count(c.receivedOffline))"),
            kpi("online", "Tỷ lệ tiếp nhận trực tuyến", n.percent(.onlineRate),
                percent: true, "trên tổng hồ sơ tiếp nhận"),
            kpi("on-time", "Tỷ lệ giải quyết đúng hạn", n.percent(.onTimeResolution),
                percent: true, "\(F.count(c.resolved)) hồ sơ đã giải quyết"),
            kpi("pending", "Hồ sơ đang xử lý", F.count(c.pending), percent: false,
                "quá hạn \(F.count(c.pendingOverdue)), đến ngày \(F.date(a.lastDay))"),
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
                "code": s.scopeCode, "name": s.scopeCode == "VN" ? "Cả nước" : s.scopeName, "nation": s.scopeCode == "VN",
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

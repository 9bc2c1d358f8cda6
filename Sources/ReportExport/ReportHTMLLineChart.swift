import ReportModel

/// One line chart of `report.html`'s trend: a few series over the window's report days, on one y axis.
///
/// The axis is robust to a spike (a first day's whole backlog reported as received, say): values above
/// 2.5 × the chart's median are drawn at the top edge, marked and labelled with their value, so that the
/// other days keep the chart's height.
struct LineChart {
    static let width = 700.0, height = 190.0, left = 64.0, right = 14.0, top = 14.0, bottom = 30.0

    struct Series { var key: String; var label: String; var points: String; var dots: [ReportHTMLViewModel.Tick] }

    var key: String
    var title: String
    var series: [Series]
    var yTicks: [ReportHTMLViewModel.Tick]
    var xTicks: [ReportHTMLViewModel.Tick]
    /// Values drawn at the top edge because they are off the scale.
    var clipped: [ReportHTMLViewModel.Tick]

    /// - Parameters:
    ///   - values: per series, one value per day (nil: none that day).
    ///   - fixedMax: the axis' top (100 for percentages); nil: from the data.
    init(key: String, title: String, days: [Day], series input: [(key: String, label: String, values: [Double?])],
         fixedMax: Double?, unit: String, _ F: ReportHTMLFormat) {
        typealias C = LineChart
        typealias T = ReportHTMLViewModel.Tick
        self.key = key
        self.title = title
        let n = days.count
        let plotW = C.width - C.left - C.right, plotH = C.height - C.top - C.bottom
        let all = input.flatMap { $0.values.compactMap { $0 } }.sorted()
        var cap = Double.infinity
        if fixedMax == nil, all.count >= 4 {
            let median = all[all.count / 2]
            if median > 0 { cap = median * 2.5 }
        }
        let inScale = all.filter { $0 <= cap }
        let top: Double
        let step: Double
        if let fixedMax {
            top = fixedMax; step = fixedMax / 4
        } else {
            let s = Double(ReportHTMLViewModel.niceStep(Int((inScale.last ?? 0).rounded(.up))))
            step = s
            top = max(s, ((inScale.last ?? 0) / s).rounded(.up) * s)
        }
        func x(_ i: Int) -> Double { n <= 1 ? C.left + plotW / 2 : C.left + plotW * Double(i) / Double(n - 1) }
        func y(_ v: Double) -> Double { C.top + plotH * (1 - min(v, top) / top) }
        var clipped: [T] = []
        series = input.map { s in
            var dots: [T] = []
            for (i, v) in s.values.enumerated() {
                guard let v else { continue }
                dots.append(T(x: x(i), y: y(v), label: ""))
                if v > top { clipped.append(T(x: x(i), y: C.top, label: "↑ " + F.figure(String(Int(v.rounded()))) + unit)) }
            }
            return Series(key: s.key, label: s.label,
                          points: dots.map { F.coord($0.x) + "," + F.coord($0.y) }.joined(separator: " "), dots: dots)
        }
        self.clipped = clipped
        yTicks = stride(from: 0.0, through: top + step / 2, by: step).map {
            T(x: C.left - 6, y: y($0), label: F.count(Int($0.rounded())) + unit)
        }
        // About eight dates along the axis, the last day always among them.
        let every = max(1, (n + 7) / 8)
        var labelled = Array(stride(from: 0, to: n, by: every))
        if let last = labelled.last, last != n - 1 {
            if n - 1 - last < max(2, every / 2 + 1) { labelled.removeLast() }
            labelled.append(n - 1)
        }
        xTicks = labelled.map { T(x: x($0), y: C.height - C.bottom + 16, label: F.shortDate(days[$0])) }
    }

    var dictionary: [String: Any] {
        let c = ReportHTMLFormat.coord
        return [
            "key": key, "title": title, "width": c(Self.width), "height": c(Self.height),
            "left": c(Self.left), "right": c(Self.width - Self.right), "top": c(Self.top),
            "bottom": c(Self.height - Self.bottom), "tickEnd": c(Self.height - Self.bottom + 4),
            "series": series.map { s in
                ["key": s.key, "label": s.label, "points": s.points, "dots": s.dots.map(\.dictionary)] as [String: Any]
            },
            "yTicks": yTicks.map(\.dictionary), "xTicks": xTicks.map(\.dictionary),
            "clipped": clipped.map { ["x": c($0.x), "y": c($0.y), "labelY": c($0.y + 9), "label": $0.label] as [String: Any] },
            "hasClipped": !clipped.isEmpty,
        ]
    }
}

extension ReportHTMLViewModel {
    /// The window's three charts: reporting (completeness, timeliness), the day's flows, the backlog.
    static func trendCharts(_ trend: [TrendPoint], day: Day, national: ScopeSummary, _ F: ReportHTMLFormat) -> [LineChart] {
        let lang = F.language
        var byDay: [Day: TrendPoint] = [:]
        for p in trend where p.day <= day { byDay[p.day] = p }
        byDay[day] = TrendPoint(day: day, national: national)
        let points = Array(byDay.values.sorted { $0.day < $1.day }.suffix(Self.trendDays))
        let days = points.map(\.day)
        func pct(_ n: Int, _ d: Int) -> Double? { d > 0 ? 100 * Double(n) / Double(d) : nil }
        return [
            LineChart(key: "reporting", title: lang.pick(vi: "Tỷ lệ báo cáo và báo cáo đúng hạn (%)",
                                                         en: "Reporting rate and reports on time (%)"), days: days, series: [
                ("completeness", lang.pick(vi: "Tỷ lệ báo cáo", en: "Reporting rate"),
                 points.map { pct($0.receivedReports, $0.expectedReports) }),
                ("timeliness", lang.pick(vi: "Đúng hạn", en: "On time"),
                 points.map { pct($0.receivedReports - $0.lateReports, $0.expectedReports) }),
            ], fixedMax: 100, unit: "%", F),
            LineChart(key: "flows", title: lang.pick(vi: "Hồ sơ tiếp nhận và giải quyết trong ngày",
                                                     en: "Dossiers received and resolved in the day"), days: days, series: [
                ("received", lang.pick(vi: "Tiếp nhận", en: "Received"), points.map { Double($0.received) }),
                ("resolved", lang.pick(vi: "Đã giải quyết", en: "Resolved"), points.map { Double($0.resolved) }),
            ], fixedMax: nil, unit: "", F),
            LineChart(key: "backlog", title: lang.pick(vi: "Hồ sơ đang giải quyết (cuối ngày)", en: "Dossiers pending (end of day)"),
                      days: days, series: [
                ("pending", lang.pick(vi: "Đang giải quyết", en: "Pending"), points.map { Double($0.pending) }),
            ], fixedMax: nil, unit: "", F),
        ]
    }

    /// A round step (1, 2, 2.5, 5 × 10ᵏ; integers) for about four intervals up to `maxValue`.
    static func niceStep(_ maxValue: Int) -> Int {
        guard maxValue > 4 else { return 1 }
        let raw = Double(maxValue) / 4
        var magnitude = 1
        while Double(magnitude * 10) <= raw { magnitude *= 10 }
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
            let step = m * Double(magnitude)
            if step >= raw, step == step.rounded() { return Int(step) }
        }
        return magnitude * 10
    }
}

import ReportModel

/// What `report.html` shows, as plain values: every figure is already a string, every SVG
/// coordinate a number. The template places the text, so that all of it is HTML-escaped.
struct ReportHTMLViewModel {
    static let maxAnomalies = 50
    static let maxMissingProvinces = 10
    static let trendDays = 30

    struct Headline {
        var key: String
        var label: String
        /// The figure exactly as `national_summary.csv` writes it ("" when nothing to divide).
        var value: String
        var isPercent: Bool
        var detail: String
        var change: String
        /// `up`, `down`, `same` or `none`.
        var changeClass: String
        /// Whether a rise is good news (colours only).
        var riseIsGood: Bool
    }

    struct ProvinceBar {
        var code: String
        var name: String
        var percent: String
        var y: Double, textY: Double, width: Double
        var below: Bool
    }

    struct Tick { var x: Double; var y: Double; var label: String }

    struct ProvinceChart {
        static let width = 700.0, labelRight = 166.0, barX = 170.0, barWidth = 470.0, top = 24.0, row = 17.0
        var bars: [ProvinceBar]
        var height: Double
        var axisY: Double, axisLabelY: Double
        var ticks: [Tick]
        var hasNational: Bool
        var nationalX: Double
        var nationalLabel: String
        var nationalAnchor: String
    }

    struct TrendSeries { var key: String; var label: String; var points: String; var dots: [Tick] }

    struct TrendChart {
        static let width = 700.0, height = 250.0, left = 64.0, right = 14.0, top = 12.0, bottom = 34.0
        var hasData: Bool
        var series: [TrendSeries]
        var yTicks: [Tick]
        var xTicks: [Tick]
        var firstDay: String, lastDay: String, days: Int
    }

    struct MissingRow { var rank: Int; var code: String; var name: String; var missing: String; var expected: String; var percent: String }

    struct AnomalyRow {
        var index: Int
        var unitCode: String, unitName: String
        var procedureCode: String, procedureName: String
        var rule: String, ruleLabel: String
        var metric: String, value: String, expected: String, detail: String
    }

    var day: String, dayLong: String
    var runID: String, startedAt: String
    var previousLabel: String
    var hasPrevious: Bool
    var headlines: [Headline]
    var provinces: ProvinceChart
    var trend: TrendChart
    var missing: [MissingRow]
    var missingTotal: String
    var anomalies: [AnomalyRow]
    var anomalyTotal: Int
}

extension ReportHTMLViewModel {
    init(input: DayExportInput, context: ReportHTMLContext) {
        let agg = input.aggregate
        let national = agg.scopes.first { $0.scopeCode == "VN" } ?? agg.scopes.first ?? ScopeSummary(scopeCode: "VN", scopeName: "Việt Nam")
        let provinceScopes = agg.scopes.filter { $0.scopeCode != national.scopeCode }

        day = ReportHTMLFormat.date(agg.day)
        dayLong = ReportHTMLFormat.weekday(agg.day) + ", ngày " + ReportHTMLFormat.date(agg.day)
        runID = String(input.run.id)
        startedAt = input.run.startedAt
        hasPrevious = context.previous != nil
        previousLabel = context.previousDay.map { "so với ngày " + ReportHTMLFormat.date($0) } ?? "so với ngày báo cáo trước"

        headlines = Self.headlines(national, previous: context.previous)
        provinces = Self.provinceChart(provinceScopes, national: national)
        trend = Self.trendChart(context.trend, day: agg.day, national: national)

        let withMissing = provinceScopes.filter { $0.missing > 0 }.sorted {
            $0.missing != $1.missing ? $0.missing > $1.missing : $0.scopeCode < $1.scopeCode
        }
        missing = withMissing.prefix(Self.maxMissingProvinces).enumerated().map { i, s in
            MissingRow(rank: i + 1, code: s.scopeCode, name: s.scopeName, missing: ReportHTMLFormat.count(s.missing),
                       expected: ReportHTMLFormat.count(s.expected),
                       percent: Percent.format(numerator: s.received, denominator: s.expected))
        }
        missingTotal = ReportHTMLFormat.count(national.missing)

        var names = context.unitNames
        for s in provinceScopes where names[s.scopeCode] == nil { names[s.scopeCode] = s.scopeName }
        for m in agg.missing {
            if names[m.unit.code] == nil { names[m.unit.code] = m.unit.name }
            if names[m.province.code] == nil { names[m.province.code] = m.province.name }
        }
        var procedureNames: [String: String] = [:]
        for p in agg.procedures { procedureNames[p.procedure.code] = p.procedure.name }
        anomalyTotal = input.findings.count
        anomalies = input.findings.prefix(Self.maxAnomalies).enumerated().map { i, f in
            AnomalyRow(index: i + 1, unitCode: f.unitCode, unitName: names[f.unitCode] ?? "",
                       procedureCode: f.procedureCode, procedureName: procedureNames[f.procedureCode] ?? "",
                       rule: f.rule.rawValue, ruleLabel: ReportHTMLFormat.ruleLabel(f.rule),
                       metric: f.metric, value: f.value, expected: f.expected, detail: f.detail)
        }
    }

    // MARK: Headline figures

    static func headlines(_ s: ScopeSummary, previous p: ScopeSummary?) -> [Headline] {
        let c = s.counts
        func pct(_ key: String, _ label: String, _ n: Int, _ d: Int, _ detail: String,
                 _ prev: ((ScopeSummary) -> String)) -> Headline {
            let value = Percent.format(numerator: n, denominator: d)
            var h = Headline(key: key, label: label, value: value, isPercent: true, detail: detail,
                             change: "—", changeClass: "none", riseIsGood: true)
            if let p, let now = ReportHTMLFormat.tenths(value), let before = ReportHTMLFormat.tenths(prev(p)) {
                setChange(&h, now - before, ReportHTMLFormat.points(now - before) + " điểm %")
            }
            return h
        }
        let fmt = ReportHTMLFormat.count
        var anomalies = Headline(key: "anomalies", label: "Bất thường", value: String(s.anomalies), isPercent: false,
                                 detail: "phát hiện của các phép kiểm tra dữ liệu", change: "—", changeClass: "none",
                                 riseIsGood: false)
        if let p { setChange(&anomalies, s.anomalies - p.anomalies, fmt(abs(s.anomalies - p.anomalies))) }
        return [
            pct("completeness", "Tỷ lệ báo cáo", s.received, s.expected,
                "\(fmt(s.received)) / \(fmt(s.expected)) đơn vị đã báo cáo",
                { Percent.format(numerator: $0.received, denominator: $0.expected) }),
            pct("timeliness", "Đúng hạn", s.received - s.late, s.expected,
                "\(fmt(s.received - s.late)) / \(fmt(s.expected)) đơn vị báo cáo đúng hạn",
                { Percent.format(numerator: $0.received - $0.late, denominator: $0.expected) }),
            pct("online", "Trực tuyến", c.receivedOnline, c.received,
                "\(fmt(c.receivedOnline)) / \(fmt(c.received)) hồ sơ tiếp nhận trực tuyến",
                { Percent.format(numerator: $0.counts.receivedOnline, denominator: $0.counts.received) }),
            pct("on_time_resolution", "Giải quyết đúng hạn", c.resolvedOnTime, c.resolved,
                "\(fmt(c.resolvedOnTime)) / \(fmt(c.resolved)) hồ sơ giải quyết đúng hạn",
                { Percent.format(numerator: $0.counts.resolvedOnTime, denominator: $0.counts.resolved) }),
            anomalies,
        ]
    }

    private static func setChange(_ h: inout Headline, _ diff: Int, _ magnitude: String) {
        if diff > 0 { h.change = "▲ " + magnitude; h.changeClass = h.riseIsGood ? "good" : "bad" }
        else if diff < 0 { h.change = "▼ " + magnitude; h.changeClass = h.riseIsGood ? "bad" : "good" }
        else { h.change = "= " + magnitude; h.changeClass = "same" }
    }

    // MARK: Completeness by province

    static func provinceChart(_ provinces: [ScopeSummary], national: ScopeSummary) -> ProvinceChart {
        typealias C = ProvinceChart
        func fraction(_ s: ScopeSummary) -> Double? { s.expected > 0 ? Double(s.received) / Double(s.expected) : nil }
        // Highest completeness first, by the exact fraction; provinces with nothing expected last; ties by code.
        let sorted = provinces.sorted { a, b in
            switch (a.expected > 0, b.expected > 0) {
            case (true, false): return true
            case (false, true): return false
            case (false, false): return a.scopeCode < b.scopeCode
            case (true, true):
                let l = a.received.multipliedFullWidth(by: b.expected), r = b.received.multipliedFullWidth(by: a.expected)
                if l.high != r.high || l.low != r.low { return l.high != r.high ? l.high > r.high : l.low > r.low }
                return a.scopeCode < b.scopeCode
            }
        }
        let nationalFraction = fraction(national)
        let bars = sorted.enumerated().map { i, s in
            let y = C.top + Double(i) * C.row
            let f = fraction(s)
            return ProvinceBar(code: s.scopeCode, name: s.scopeName,
                               percent: Percent.format(numerator: s.received, denominator: s.expected),
                               y: y + 3, textY: y + 12, width: C.barWidth * min(max(f ?? 0, 0), 1),
                               below: f.map { f in nationalFraction.map { f < $0 } ?? false } ?? false)
        }
        let axisY = C.top + Double(bars.count) * C.row + 2
        let ticks = stride(from: 0, through: 100, by: 20).map {
            Tick(x: C.barX + C.barWidth * Double($0) / 100, y: axisY, label: "\($0)%")
        }
        let nx = C.barX + C.barWidth * min(max(nationalFraction ?? 0, 0), 1)
        let label = "Cả nước " + Percent.format(numerator: national.received, denominator: national.expected) + "%"
        return ProvinceChart(bars: bars, height: axisY + 18, axisY: axisY, axisLabelY: axisY + 13, ticks: ticks,
                             hasNational: nationalFraction != nil, nationalX: nx, nationalLabel: label,
                             nationalAnchor: nx - C.barX < 90 ? "start" : "end")
    }

    // MARK: National trend

    static func trendChart(_ trend: [TrendPoint], day: Day, national: ScopeSummary) -> TrendChart {
        typealias C = TrendChart
        var byDay: [Day: TrendPoint] = [:]
        for p in trend where p.day <= day { byDay[p.day] = p }
        if byDay[day] == nil { byDay[day] = TrendPoint(day: day, national: national) }
        let points = byDay.values.sorted { $0.day < $1.day }.suffix(Self.trendDays)
        let n = points.count
        let plotW = C.width - C.left - C.right, plotH = C.height - C.top - C.bottom
        let maxValue = points.map { max($0.received, $0.resolved, $0.pending) }.max() ?? 0
        let step = niceStep(maxValue)
        let yMax = max(step, ((maxValue + step - 1) / step) * step)
        func x(_ i: Int) -> Double { n <= 1 ? C.left + plotW / 2 : C.left + plotW * Double(i) / Double(n - 1) }
        func y(_ v: Int) -> Double { C.top + plotH * (1 - Double(v) / Double(yMax)) }

        let series: [(String, String, KeyPath<TrendPoint, Int>)] = [
            ("received", "Tiếp nhận", \.received), ("resolved", "Đã giải quyết", \.resolved), ("pending", "Đang giải quyết", \.pending),
        ]
        let lines = series.map { key, label, path in
            let dots = points.enumerated().map { i, p in Tick(x: x(i), y: y(p[keyPath: path]), label: "") }
            return TrendSeries(key: key, label: label,
                               points: dots.map { ReportHTMLFormat.coord($0.x) + "," + ReportHTMLFormat.coord($0.y) }.joined(separator: " "),
                               dots: dots)
        }
        let yTicks = stride(from: 0, through: yMax, by: step).map {
            Tick(x: C.left - 6, y: y($0), label: ReportHTMLFormat.count($0))
        }
        // About eight dates along the axis, the last day always among them.
        let every = max(1, (n + 7) / 8)
        var labelled = Array(stride(from: 0, to: n, by: every))
        if let last = labelled.last, last != n - 1 {
            if n - 1 - last < max(2, every / 2 + 1) { labelled.removeLast() }
            labelled.append(n - 1)
        }
        let days = Array(points)
        let xTicks = labelled.map { Tick(x: x($0), y: C.height - C.bottom + 16, label: ReportHTMLFormat.shortDate(days[$0].day)) }
        return TrendChart(hasData: n > 0, series: lines, yTicks: yTicks, xTicks: xTicks,
                          firstDay: days.first.map { ReportHTMLFormat.date($0.day) } ?? "",
                          lastDay: days.last.map { ReportHTMLFormat.date($0.day) } ?? "", days: n)
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

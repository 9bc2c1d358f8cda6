import ReportModel

/// What `report.html` shows, as plain values: every figure is already a string, every SVG
/// coordinate a number. The template places the text, so that all of it is HTML-escaped.
struct ReportHTMLViewModel {
    static let maxAnomalies = 50
    static let maxMissingProvinces = 10
    static let maxLate = 100
    static let maxRejectLines = 10
    static let trendDays = 30

    struct Headline {
        var key: String
        var label: String
        /// The figure exactly as `national_summary.csv` writes it ("" when nothing to divide).
        var raw: String
        /// The figure as the page writes it ("93,5").
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
        var raw: String
        var percent: String
        var y: Double, textY: Double, width: Double
        var below: Bool
    }

    struct Tick { var x: Double; var y: Double; var label: String }

    struct ProvinceChart {
        static let width = 700.0, labelRight = 166.0, barX = 170.0, barWidth = 460.0, top = 24.0, row = 17.0
        var bars: [ProvinceBar]
        var height: Double
        var axisY: Double, axisLabelY: Double
        var ticks: [Tick]
        var hasNational: Bool
        var nationalX: Double
        var nationalLabel: String
        var nationalAnchor: String
    }

    /// One row of the provinces' table (all figures as the page writes them).
    struct ProvinceRow {
        var code: String, name: String
        var expected: String, received: String, late: String, missing: String
        var completeness: String, timeliness: String, onTimeResolution: String, online: String
        var rawCompleteness: String
        var isNational: Bool
    }

    struct MissingRow { var rank: Int; var code: String; var name: String; var missing: String; var expected: String; var percent: String }

    struct LateRow { var index: Int; var province: String; var unitCode: String; var unitName: String; var submitted: String; var delay: String }

    var day: String, dayLong: String
    var runID: String, startedAt: String
    var isProvisional: Bool
    /// What the publication status means for the reader.
    var publicationNote: String
    var previousLabel: String
    var hasPrevious: Bool
    var headlines: [Headline]
    var provinces: ProvinceChart
    var provinceRows: [ProvinceRow]
    var charts: [LineChart]
    var missing: [MissingRow]
    var missingTotal: String
    var late: [LateRow]
    var lateTotal: Int
    var findings: FindingsTable
    var rejects: RejectsView
}

extension ReportHTMLViewModel {
    init(input: DayExportInput, context: ReportHTMLContext) {
        typealias F = ReportHTMLFormat
        let agg = input.aggregate
        let national = agg.scopes.first { $0.scopeCode == "VN" } ?? agg.scopes.first ?? ScopeSummary(scopeCode: "VN", scopeName: "Việt Nam")
        let provinceScopes = agg.scopes.filter { $0.scopeCode != national.scopeCode }

        day = F.date(agg.day)
        dayLong = F.weekday(agg.day) + ", ngày " + F.date(agg.day)
        runID = String(input.run.id)
        let started = Timestamp(parsing: input.run.startedAt)
        startedAt = started.map(F.dateTime) ?? input.run.startedAt
        isProvisional = input.publication == .provisional
        let due = input.deadline.map(F.dateTime) ?? ""
        publicationNote = isProvisional
            ? "SỐ LIỆU TẠM THỜI: lập lúc \(startedAt), trước hạn báo cáo \(due). Các đơn vị còn được gửi báo cáo đến hạn; "
                + "số liệu chính thức sẽ thay thế trang này."
            : "Số liệu chính thức: lập sau hạn báo cáo" + (due.isEmpty ? "." : " \(due).")
        hasPrevious = context.previous != nil
        previousLabel = context.previousDay.map { "so với ngày " + F.date($0) } ?? "so với ngày báo cáo trước"

        headlines = Self.headlines(national, previous: context.previous)
        provinces = Self.provinceChart(provinceScopes, national: national)
        provinceRows = ([national] + provinceScopes).map { Self.provinceRow($0, isNational: $0.scopeCode == national.scopeCode) }
        charts = Self.trendCharts(context.trend, day: agg.day, national: national)

        let withMissing = provinceScopes.filter { $0.missing > 0 }.sorted {
            $0.missing != $1.missing ? $0.missing > $1.missing : $0.scopeCode < $1.scopeCode
        }
        missing = withMissing.prefix(Self.maxMissingProvinces).enumerated().map { i, s in
            MissingRow(rank: i + 1, code: s.scopeCode, name: s.scopeName, missing: F.count(s.missing),
                       expected: F.count(s.expected),
                       percent: F.percent(s.percent(.completeness)))
        }
        missingTotal = F.count(national.missing)

        let dueInstant = input.deadline
        lateTotal = agg.late.count
        late = agg.late.prefix(Self.maxLate).enumerated().map { i, l in
            LateRow(index: i + 1, province: l.province.name, unitCode: l.unit.code, unitName: l.unit.name,
                    submitted: F.dateTime(l.firstSubmission),
                    delay: dueInstant.map { F.delay(seconds: l.firstSubmission.seconds - $0.seconds) } ?? "")
        }

        var names = context.unitNames
        for s in provinceScopes where names[s.scopeCode] == nil { names[s.scopeCode] = s.scopeName }
        for m in agg.missing {
            if names[m.unit.code] == nil { names[m.unit.code] = m.unit.name }
            if names[m.province.code] == nil { names[m.province.code] = m.province.name }
        }
        var procedureNames: [String: String] = [:]
        for p in agg.procedures { procedureNames[p.procedure.code] = p.procedure.name }
        var provinceNames: [String: String] = [:]
        for s in provinceScopes { provinceNames[s.scopeCode] = s.scopeName }
        findings = FindingsTable(input.findings, unitNames: names, procedureNames: procedureNames,
                                 provinceOf: context.provinceOf, provinceNames: provinceNames, limit: Self.maxAnomalies)
        rejects = RejectsView(input.rejects, provinceOf: context.provinceOf, provinceNames: provinceNames,
                              lines: Self.maxRejectLines)
    }

    static func provinceRow(_ s: ScopeSummary, isNational: Bool) -> ProvinceRow {
        typealias F = ReportHTMLFormat
        let completeness = s.percent(.completeness)
        return ProvinceRow(
            code: s.scopeCode, name: s.scopeName, expected: F.count(s.expected), received: F.count(s.received),
            late: F.count(s.late), missing: F.count(s.missing), completeness: F.percent(completeness),
            timeliness: F.percent(s.percent(.timeliness)), onTimeResolution: F.percent(s.percent(.onTimeResolution)),
            online: F.percent(s.percent(.onlineRate)),
            rawCompleteness: completeness, isNational: isNational)
    }

    // MARK: Headline figures

    static func headlines(_ s: ScopeSummary, previous p: ScopeSummary?) -> [Headline] {
        typealias F = ReportHTMLFormat
        let c = s.counts
        func pct(_ key: String, _ label: String, _ rate: Rate, _ detail: String) -> Headline {
            let raw = s.percent(rate)
            var h = Headline(key: key, label: label, raw: raw, value: F.decimal(raw), isPercent: true, detail: detail,
                             change: "—", changeClass: "none", riseIsGood: true)
            if let p, let now = F.tenths(raw), let before = F.tenths(p.percent(rate)) {
                setChange(&h, now - before, F.decimal(F.points(now - before)) + " điểm %")
            }
            return h
        }
        let fmt = F.count
        var anomalies = Headline(key: "anomalies", label: "Bất thường", raw: String(s.anomalies), value: fmt(s.anomalies),
                                 isPercent: false, detail: "phát hiện của các phép kiểm tra dữ liệu", change: "—",
                                 changeClass: "none", riseIsGood: false)
        if let p { setChange(&anomalies, s.anomalies - p.anomalies, fmt(abs(s.anomalies - p.anomalies))) }
        return [
            pct("completeness", "Tỷ lệ báo cáo", .completeness, "\(fmt(s.received)) / \(fmt(s.expected)) đơn vị đã báo cáo"),
            pct("timeliness", "Đúng hạn", .timeliness,
                "\(fmt(s.received - s.late)) / \(fmt(s.expected)) đơn vị báo cáo đúng hạn"),
            pct("online", "Trực tuyến", .onlineRate,
                "\(fmt(c.receivedOnline)) / \(fmt(c.received)) hồ sơ tiếp nhận trực tuyến"),
            pct("on_time_resolution", "Giải quyết đúng hạn", .onTimeResolution,
                "\(fmt(c.resolvedOnTime)) / \(fmt(c.resolved)) hồ sơ giải quyết đúng hạn"),
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
            let raw = s.percent(.completeness)
            return ProvinceBar(code: s.scopeCode, name: s.scopeName, raw: raw, percent: ReportHTMLFormat.percent(raw),
                               y: y + 3, textY: y + 12, width: C.barWidth * min(max(f ?? 0, 0), 1),
                               below: f.map { f in nationalFraction.map { f < $0 } ?? false } ?? false)
        }
        let axisY = C.top + Double(bars.count) * C.row + 2
        let ticks = stride(from: 0, through: 100, by: 20).map {
            Tick(x: C.barX + C.barWidth * Double($0) / 100, y: axisY, label: "\($0)%")
        }
        let nx = C.barX + C.barWidth * min(max(nationalFraction ?? 0, 0), 1)
        let label = "Cả nước " + ReportHTMLFormat.percent(national.percent(.completeness))
        return ProvinceChart(bars: bars, height: axisY + 18, axisY: axisY, axisLabelY: axisY + 13, ticks: ticks,
                             hasNational: nationalFraction != nil, nationalX: nx, nationalLabel: label,
                             nationalAnchor: nx - C.barX < 90 ? "start" : "end")
    }
}

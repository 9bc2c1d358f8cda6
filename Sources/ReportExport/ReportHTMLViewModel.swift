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
        /// "(34 tỉnh, thành phố; sắp xếp giảm dần)" beside the chart's heading.
        var note: String
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
    /// "(cả nước; thay đổi so với ngày …)" beside the headline figures' heading.
    var headlineNote: String
    var hasPrevious: Bool
    var headlines: [Headline]
    var provinces: ProvinceChart
    var provinceRows: [ProvinceRow]
    var charts: [LineChart]
    var missing: [MissingRow]
    var missingNote: String
    var late: [LateRow]
    var lateTotal: Int
    var findings: FindingsTable
    var rejects: RejectsView
    var footer: String
    var language: Language
}

extension ReportHTMLViewModel {
    init(input: DayExportInput, context: ReportHTMLContext) {
        let F = ReportHTMLFormat(input.language)
        let lang = input.language
        language = lang
        let agg = input.aggregate
        let national = agg.scopes.first { $0.scopeCode == "VN" } ?? agg.scopes.first ?? ScopeSummary(scopeCode: "VN", scopeName: "Việt Nam")
        let provinceScopes = agg.scopes.filter { $0.scopeCode != national.scopeCode }

        day = F.date(agg.day)
        dayLong = F.weekday(agg.day) + lang.pick(vi: ", ngày ", en: ", ") + F.date(agg.day)
        runID = String(input.run.id)
        let started = Timestamp(parsing: input.run.startedAt)
        startedAt = started.map(F.dateTime) ?? input.run.startedAt
        isProvisional = input.publication == .provisional
        let due = input.deadline.map(F.dateTime) ?? ""
        publicationNote = isProvisional
            ? lang.pick(vi: "SỐ LIỆU TẠM THỜI: lập lúc \(startedAt), trước hạn báo cáo \(due). Các đơn vị còn được gửi báo cáo "
                            + "đến hạn; số liệu chính thức sẽ thay thế trang này.",
                        en: "PROVISIONAL FIGURES: made at \(startedAt), before the reporting deadline \(due). Units may still "
                            + "report until then; the final figures will replace this page.")
            : lang.pick(vi: "Số liệu chính thức: lập sau hạn báo cáo", en: "Final figures: made after the reporting deadline")
                + (due.isEmpty ? "." : " \(due).")
        hasPrevious = context.previous != nil
        let previous = context.previousDay.map(F.date)
        headlineNote = lang.pick(vi: "(cả nước; thay đổi " + (previous.map { "so với ngày " + $0 } ?? "so với ngày báo cáo trước") + ")",
                                 en: "(nationwide; change " + (previous.map { "since " + $0 } ?? "since the previous report day") + ")")

        headlines = Self.headlines(national, previous: context.previous, F)
        provinces = Self.provinceChart(provinceScopes, national: national, F)
        provinceRows = ([national] + provinceScopes).map { Self.provinceRow($0, isNational: $0.scopeCode == national.scopeCode, F) }
        charts = Self.trendCharts(context.trend, day: agg.day, national: national, F)

        let withMissing = provinceScopes.filter { $0.missing > 0 }.sorted {
            $0.missing != $1.missing ? $0.missing > $1.missing : $0.scopeCode < $1.scopeCode
        }
        missing = withMissing.prefix(Self.maxMissingProvinces).enumerated().map { i, s in
            MissingRow(rank: i + 1, code: s.scopeCode, name: s.scopeName, missing: F.count(s.missing),
                       expected: F.count(s.expected),
                       percent: F.percent(s.percent(.completeness)))
        }
        missingNote = lang.pick(vi: "(tối đa \(Self.maxMissingProvinces); cả nước: \(F.count(national.missing)) đơn vị chưa báo cáo)",
                                en: "(at most \(Self.maxMissingProvinces); nationwide: \(F.count(national.missing, "unit", "units")) missing)")

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
                                 provinceOf: context.provinceOf, provinceNames: provinceNames, limit: Self.maxAnomalies, F)
        rejects = RejectsView(input.rejects, provinceOf: context.provinceOf, provinceNames: provinceNames,
                              lines: Self.maxRejectLines, F)
        footer = lang.pick(vi: "Số liệu trùng với tệp national_summary.csv của ngày \(day). Tỷ lệ làm tròn một chữ số thập phân. "
                               + "Lần chạy số \(runID).",
                           en: "The figures are those of national_summary.csv for \(day). Rates are rounded to one decimal place. "
                               + "Run \(runID).")
    }

    /// "(12 đơn vị; 10 đơn vị đầu tiên)" beside the late reports' heading.
    var lateNote: String {
        let F = ReportHTMLFormat(language)
        let more = lateTotal > late.count
        return language.pick(vi: "(\(F.count(lateTotal)) đơn vị" + (more ? "; \(late.count) đơn vị đầu tiên" : "") + ")",
                             en: "(\(F.count(lateTotal, "unit", "units"))" + (more ? "; the first \(late.count)" : "") + ")")
    }

    static func provinceRow(_ s: ScopeSummary, isNational: Bool, _ F: ReportHTMLFormat) -> ProvinceRow {
        let completeness = s.percent(.completeness)
        return ProvinceRow(
            code: s.scopeCode, name: s.scopeName, expected: F.count(s.expected), received: F.count(s.received),
            late: F.count(s.late), missing: F.count(s.missing), completeness: F.percent(completeness),
            timeliness: F.percent(s.percent(.timeliness)), onTimeResolution: F.percent(s.percent(.onTimeResolution)),
            online: F.percent(s.percent(.onlineRate)),
            rawCompleteness: completeness, isNational: isNational)
    }

    // MARK: Headline figures

    static func headlines(_ s: ScopeSummary, previous p: ScopeSummary?, _ F: ReportHTMLFormat) -> [Headline] {
        let c = s.counts
        let lang = F.language
        func pct(_ key: String, _ label: String, _ rate: Rate, _ detail: String) -> Headline {
            let raw = s.percent(rate)
            var h = Headline(key: key, label: label, raw: raw, value: F.decimal(raw), isPercent: true, detail: detail,
                             change: "—", changeClass: "none", riseIsGood: true)
            if let p, let now = ReportHTMLFormat.tenths(raw), let before = ReportHTMLFormat.tenths(p.percent(rate)) {
                setChange(&h, now - before, F.decimal(ReportHTMLFormat.points(now - before)) + lang.pick(vi: " điểm %", en: " pts"))
            }
            return h
        }
        let fmt: (Int) -> String = F.count
        var anomalies = Headline(key: "anomalies", label: lang.pick(vi: "Bất thường", en: "Findings"), raw: String(s.anomalies),
                                 value: fmt(s.anomalies), isPercent: false,
                                 detail: lang.pick(vi: "phát hiện của các phép kiểm tra dữ liệu", en: "raised by the data checks"), change: "—",
                                 changeClass: "none", riseIsGood: false)
        if let p { setChange(&anomalies, s.anomalies - p.anomalies, fmt(abs(s.anomalies - p.anomalies))) }
        return [
            pct("completeness", lang.pick(vi: "Tỷ lệ báo cáo", en: "Reporting rate"), .completeness,
                "\(fmt(s.received)) / \(fmt(s.expected)) " + lang.pick(vi: "đơn vị đã báo cáo", en: "units have reported")),
            pct("timeliness", lang.pick(vi: "Đúng hạn", en: "On time"), .timeliness,
                "\(fmt(s.received - s.late)) / \(fmt(s.expected)) " + lang.pick(vi: "đơn vị báo cáo đúng hạn", en: "units reported on time")),
            pct("online", lang.pick(vi: "Trực tuyến", en: "Online"), .onlineRate,
                "\(fmt(c.receivedOnline)) / \(fmt(c.received)) " + lang.pick(vi: "hồ sơ tiếp nhận trực tuyến", en: "dossiers received online")),
            pct("on_time_resolution", lang.pick(vi: "Giải quyết đúng hạn", en: "Resolved on time"), .onTimeResolution,
                "\(fmt(c.resolvedOnTime)) / \(fmt(c.resolved)) " + lang.pick(vi: "hồ sơ giải quyết đúng hạn", en: "dossiers resolved on time")),
            anomalies,
        ]
    }

    private static func setChange(_ h: inout Headline, _ diff: Int, _ magnitude: String) {
        if diff > 0 { h.change = "▲ " + magnitude; h.changeClass = h.riseIsGood ? "good" : "bad" }
        else if diff < 0 { h.change = "▼ " + magnitude; h.changeClass = h.riseIsGood ? "bad" : "good" }
        else { h.change = "= " + magnitude; h.changeClass = "same" }
    }

    // MARK: Completeness by province

    static func provinceChart(_ provinces: [ScopeSummary], national: ScopeSummary, _ F: ReportHTMLFormat) -> ProvinceChart {
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
            return ProvinceBar(code: s.scopeCode, name: s.scopeName, raw: raw, percent: F.percent(raw),
                               y: y + 3, textY: y + 12, width: C.barWidth * min(max(f ?? 0, 0), 1),
                               below: f.map { f in nationalFraction.map { f < $0 } ?? false } ?? false)
        }
        let axisY = C.top + Double(bars.count) * C.row + 2
        let ticks = stride(from: 0, through: 100, by: 20).map {
            Tick(x: C.barX + C.barWidth * Double($0) / 100, y: axisY, label: "\($0)%")
        }
        let nx = C.barX + C.barWidth * min(max(nationalFraction ?? 0, 0), 1)
        let label = F.language.pick(vi: "Cả nước ", en: "Nationwide ") + F.percent(national.percent(.completeness))
        let n = bars.count
        return ProvinceChart(bars: bars, note: F.language.pick(vi: "(\(n) tỉnh, thành phố; sắp xếp giảm dần)", en: "(\(n) provinces; highest first)"),
                             height: axisY + 18, axisY: axisY, axisLabelY: axisY + 13, ticks: ticks,
                             hasNational: nationalFraction != nil, nationalX: nx, nationalLabel: label,
                             nationalAnchor: nx - C.barX < 90 ? "start" : "end")
    }
}

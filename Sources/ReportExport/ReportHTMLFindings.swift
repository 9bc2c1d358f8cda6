import ReportModel

/// The findings of `report.html`: the most important first, grouped by unit.
///
/// Importance is the finding's score (the outlier's distance in scales, the balance mismatch's dossiers) — a
/// repeated report counts as 10, an unregistered reporter as 5 — then the rule's severity (outlier, repeated
/// report, unregistered reporter, balance mismatch), then the size |value − expected|. The first `limit`
/// findings are shown; a unit's group stands where its most important finding does.
struct FindingsTable {
    struct Row {
        var rule: String, ruleLabel: String
        var procedureCode: String, procedureName: String
        var metric: String, metricLabel: String
        var value: String, expected: String, score: String
        var detail: String
    }

    struct Group {
        var unitCode: String, unitName: String, provinceName: String
        var rows: [Row]
    }

    var groups: [Group]
    var total: Int
    var shown: Int
    /// "Lệch cân đối: 40", … for every rule with findings.
    var byRule: [String]
    let format: ReportHTMLFormat

    init(_ findings: [Finding], unitNames: [String: String], procedureNames: [String: String],
         provinceOf: [String: String], provinceNames: [String: String], limit: Int, _ F: ReportHTMLFormat) {
        format = F
        total = findings.count
        byRule = CheckRule.allCases.compactMap { rule in
            let n = findings.filter { $0.rule == rule }.count
            return n == 0 ? nil : F.ruleLabel(rule) + ": " + F.count(n)
        }
        let ranked = findings.sorted(by: Self.moreImportant).prefix(limit)
        shown = ranked.count
        var order: [String] = []
        var rowsOf: [String: [Row]] = [:]
        for f in ranked {
            if rowsOf[f.unitCode] == nil { order.append(f.unitCode) }
            rowsOf[f.unitCode, default: []].append(Self.row(f, procedureNames: procedureNames, F))
        }
        groups = order.map { code in
            Group(unitCode: code, unitName: unitNames[code] ?? "",
                  provinceName: provinceOf[code].flatMap { p in p == code ? nil : provinceNames[p] } ?? "",
                  rows: rowsOf[code] ?? [])
        }
    }

    static func row(_ f: Finding, procedureNames: [String: String], _ F: ReportHTMLFormat) -> Row {
        // The reporter's text is the detail's; a negative expectation (more left than came in) says nothing
        // a reader can use — the detail shows the balance.
        let textual = f.rule == .unregisteredReporter
        let expected = Int(f.expected).map { $0 < 0 } ?? false ? "—" : (f.expected.isEmpty || textual ? "—" : F.figure(f.expected))
        return Row(rule: f.rule.rawValue, ruleLabel: F.ruleLabel(f.rule),
                   procedureCode: f.procedureCode, procedureName: procedureNames[f.procedureCode] ?? "",
                   metric: f.metric, metricLabel: F.metricLabel(f.metric),
                   value: textual || f.value.isEmpty ? "—" : F.figure(f.value), expected: expected,
                   score: f.score.isEmpty ? "—" : F.figure(f.score), detail: f.detail)
    }

    /// "(50 quan trọng nhất trên tổng số 120; theo đơn vị)" beside the heading.
    var note: String {
        format.language.pick(vi: "(\(shown) quan trọng nhất trên tổng số \(format.count(total)); theo đơn vị)",
                             en: "(the \(shown) most important of \(format.count(total)); by unit)")
    }

    /// Where the findings not shown are, file names in `**bold**`.
    var moreNote: String {
        let more = format.count(total - shown)
        return format.language.pick(
            vi: "Còn \(more) bất thường khác: xem đầy đủ trong **report.xlsx** (trang “Bất thường”) hoặc **anomalies.csv**.",
            en: "\(format.count(total - shown, "more finding", "more findings")): all of them are in **report.xlsx** (sheet “Findings”) or **anomalies.csv**.")
    }

    static func importance(_ f: Finding) -> Double {
        if let s = Double(f.score) { return abs(s) }
        switch f.rule {
        case .repeatedReport: return 10
        case .unregisteredReporter: return 5
        default: return 0
        }
    }

    static func severity(_ rule: CheckRule) -> Int {
        switch rule {
        case .outlier: return 0
        case .repeatedReport: return 1
        case .unregisteredReporter: return 2
        case .balanceMismatch: return 3
        }
    }

    static func size(_ f: Finding) -> Double {
        guard let v = Double(f.value), let e = Double(f.expected) else { return 0 }
        return abs(v - e)
    }

    static func moreImportant(_ a: Finding, _ b: Finding) -> Bool {
        let ia = importance(a), ib = importance(b)
        if ia != ib { return ia > ib }
        let sa = severity(a.rule), sb = severity(b.rule)
        if sa != sb { return sa < sb }
        let za = size(a), zb = size(b)
        if za != zb { return za > zb }
        return (a.unitCode, a.procedureCode, a.metric) < (b.unitCode, b.procedureCode, b.metric)
    }

    var dictionary: [String: Any] {
        var index = 0
        return [
            "hasAny": total > 0, "note": note, "hasMore": total > shown, "moreNote": PageText.parts(moreNote),
            "byRule": byRule.joined(separator: " · "),
            "groups": groups.map { g in
                [
                    "unitCode": g.unitCode, "unitName": g.unitName, "hasUnitName": !g.unitName.isEmpty,
                    "provinceName": g.provinceName, "hasProvince": !g.provinceName.isEmpty,
                    "rows": g.rows.map { r -> [String: Any] in
                        index += 1
                        return ["index": String(index), "rule": r.rule, "ruleLabel": r.ruleLabel,
                                "procedureCode": r.procedureCode, "hasProcedure": !r.procedureCode.isEmpty,
                                "procedureName": r.procedureName, "hasProcedureName": !r.procedureName.isEmpty,
                                "metric": r.metric, "metricLabel": r.metricLabel, "value": r.value,
                                "expected": r.expected, "score": r.score, "detail": r.detail]
                    },
                ] as [String: Any]
            },
        ]
    }
}

/// The rejects of `report.html`: counts by province and reason, and the first lines.
struct RejectsView {
    struct Count { var province: String; var reason: String; var reasonLabel: String; var count: Int }
    struct Line { var location: String; var reason: String; var reasonLabel: String; var detail: String }

    var total: Int
    var counts: [Count]
    var lines: [Line]
    let format: ReportHTMLFormat

    init(_ rejects: [Reject], provinceOf: [String: String], provinceNames: [String: String], lines limit: Int,
         _ F: ReportHTMLFormat) {
        format = F
        total = rejects.count
        var tally: [String: [String: Int]] = [:]
        for r in rejects {
            let p = RejectProvince.of(r, provinceOf: provinceOf) ?? ""
            tally[p, default: [:]][r.reason.rawValue, default: 0] += 1
        }
        // Provinces in code order, the unplaced last; reasons by count, then code.
        counts = tally.keys.sorted { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }.flatMap { p in
            tally[p]!.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { reason, n in
                Count(province: p.isEmpty ? F.language.pick(vi: "Không xác định được tỉnh", en: "Province unknown") : (provinceNames[p] ?? p),
                      reason: reason, reasonLabel: F.reasonLabel(reason), count: n)
            }
        }
        lines = rejects.prefix(limit).map { r in
            Line(location: r.file + ":" + String(r.line), reason: r.reason.rawValue,
                 reasonLabel: F.reasonLabel(r.reason.rawValue), detail: r.detail)
        }
    }

    var dictionary: [String: Any] {
        [
            "hasAny": total > 0, "hasMoreLines": total > lines.count,
            "note": format.language.pick(vi: "(\(format.count(total)) dòng hoặc tệp)", en: "(\(format.count(total, "line or file", "lines or files")))"),
            "linesHeading": format.language.pick(vi: "\(lines.count) dòng đầu tiên", en: lines.count == 1 ? "The first line" : "The first \(lines.count) lines"),
            "counts": counts.map { ["province": $0.province, "reason": $0.reason, "reasonLabel": $0.reasonLabel,
                                    "count": ReportHTMLFormat.count($0.count)] as [String: Any] },
            "lines": lines.map { ["location": $0.location, "reason": $0.reason, "reasonLabel": $0.reasonLabel,
                                  "detail": $0.detail] as [String: Any] },
        ]
    }
}

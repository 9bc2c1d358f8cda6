import Foundation
import Mustache
import ReportModel

/// `report.html`: one self-contained page for the Central Steering Committee (Vietnamese, or English with `--lang en`; A4):
/// headline figures with their change since the previous report day, completeness by province,
/// the national trend, the provinces with the most missing reports and the first anomalies.
///
/// Inline CSS and SVG only: no script, no network. Every text reaches the page through the
/// template's `{{…}}`, which HTML-escapes it; the figures are `national_summary.csv`'s.
public struct ReportHTML: DayExporter {
    public let fileName = "report.html"
    public var context: ReportHTMLContext

    public init(context: ReportHTMLContext) { self.context = context }

    /// - Parameters:
    ///   - trend: national counts of recent report days (the last 30 up to the page's day are drawn).
    ///   - previous: the previous report day's national summary, for the changes; nil when none.
    public init(trend: [TrendPoint] = [], previous: ScopeSummary? = nil, previousDay: Day? = nil,
                unitNames: [String: String] = [:]) {
        self.init(context: ReportHTMLContext(trend: trend, previous: previous, previousDay: previousDay, unitNames: unitNames))
    }

    public func render(_ input: DayExportInput) throws -> [UInt8] {
        Array(try renderString(input).utf8)
    }

    /// The page as text.
    public func renderString(_ input: DayExportInput) throws -> String {
        let template = try Self.template.get()
        return template.render(ReportHTMLViewModel(input: input, context: context).dictionary)
    }

    /// `Templates/report.mustache` of the module's resources, parsed once.
    static let template: Result<MustacheTemplate, ReportError> = {
        guard let url = Bundle.module.url(forResource: "report", withExtension: "mustache", subdirectory: "Templates") else {
            return .failure(ReportError(.internal, vi: "thiếu mẫu trang report.html; hãy cài lại chương trình",
                                        en: "the report.html template is missing; reinstall the program",
                                        location: "Templates/report.mustache"))
        }
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            return .success(try MustacheTemplate(string: text))
        } catch {
            return .failure(ReportError(.internal, vi: "không đọc được mẫu trang report.html; hãy cài lại chương trình",
                                        en: "the report.html template can't be read; reinstall the program",
                                        cause: error, location: url.path))
        }
    }()
}

// MARK: - The template's dictionary

extension ReportHTMLViewModel {
    typealias F = ReportHTMLFormat

    var dictionary: [String: Any] {
        [
            "day": day, "dayLong": dayLong, "runID": runID, "startedAt": startedAt,
            "isProvisional": isProvisional, "publicationNote": publicationNote,
            "hasPrevious": hasPrevious, "headlineNote": headlineNote,
            "headlines": headlines.map(\.dictionary),
            "provinces": provinces.dictionary,
            "provinceRows": provinceRows.map(\.dictionary),
            "charts": charts.map(\.dictionary),
            "missing": missing.map(\.dictionary), "hasMissing": !missing.isEmpty, "missingNote": missingNote,
            "late": late.map(\.dictionary), "hasLate": !late.isEmpty, "lateNote": lateNote,
            "findings": findings.dictionary,
            "rejects": rejects.dictionary,
            "footer": footer,
            "t": PageText.strings(PageText.day, language),
        ]
    }
}

extension ReportHTMLViewModel.Headline {
    var dictionary: [String: Any] {
        ["key": key, "label": label, "raw": raw, "value": value, "hasValue": !raw.isEmpty, "isPercent": isPercent,
         "detail": detail, "change": change, "changeClass": changeClass]
    }
}

extension ReportHTMLViewModel.Tick {
    var dictionary: [String: Any] {
        ["x": ReportHTMLFormat.coord(x), "y": ReportHTMLFormat.coord(y), "label": label]
    }
}

extension ReportHTMLViewModel.ProvinceChart {
    var dictionary: [String: Any] {
        let c = ReportHTMLFormat.coord
        return [
            "width": c(Self.width), "height": c(height), "labelRight": c(Self.labelRight), "barX": c(Self.barX),
            "barRight": c(Self.barX + Self.barWidth), "barHeight": c(Self.row - 6), "valueX": c(Self.width - 2),
            "axisY": c(axisY), "axisLabelY": c(axisLabelY), "gridTop": c(Self.top - 2),
            "ticks": ticks.map(\.dictionary), "hasBars": !bars.isEmpty, "note": note,
            "hasNational": hasNational, "nationalX": c(nationalX), "nationalLabel": nationalLabel,
            "nationalLabelX": c(nationalAnchor == "end" ? nationalX - 4 : nationalX + 4), "nationalAnchor": nationalAnchor,
            "nationalLabelY": c(Self.top - 8),
            "bars": bars.map { b in
                [
                    "code": b.code, "name": b.name, "raw": b.raw, "percent": b.percent,
                    "y": c(b.y), "textY": c(b.textY), "width": c(b.width), "class": b.below ? "below" : "above",
                ] as [String: Any]
            },
        ]
    }
}

extension ReportHTMLViewModel.ProvinceRow {
    var dictionary: [String: Any] {
        ["code": code, "name": name, "expected": expected, "received": received, "late": late, "missing": missing,
         "completeness": completeness, "timeliness": timeliness, "onTimeResolution": onTimeResolution, "online": online,
         "raw": rawCompleteness, "class": isNational ? "national" : ""]
    }
}

extension ReportHTMLViewModel.MissingRow {
    var dictionary: [String: Any] {
        ["rank": String(rank), "code": code, "name": name, "missing": missing, "expected": expected, "percent": percent]
    }
}

extension ReportHTMLViewModel.LateRow {
    var dictionary: [String: Any] {
        ["index": String(index), "province": province, "unitCode": unitCode, "unitName": unitName,
         "submitted": submitted, "delay": delay]
    }
}

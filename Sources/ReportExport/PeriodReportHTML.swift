import Foundation
import Mustache
import ReportModel

/// The period's `report.html`: one self-contained page (Vietnamese, or English with `--lang en`; A4) with the period's headline figures,
/// completeness and timeliness by day for the nation and each province as small multiples, the ranking, the
/// chronic non-reporters with their contacts, and the flows by procedure.
///
/// Inline CSS and SVG only: no script, no network. Every text reaches the page through the template's `{{…}}`,
/// which HTML-escapes it; the figures are the period CSVs'.
public struct PeriodReportHTML: PeriodExporter {
    public let fileName = "report.html"

    public init() {}

    public func render(_ input: PeriodExportInput) throws -> [UInt8] {
        Array(try renderString(input).utf8)
    }

    /// The page as text.
    public func renderString(_ input: PeriodExportInput) throws -> String {
        try Self.template.get().render(PeriodHTMLViewModel(input: input).dictionary)
    }

    /// `Templates/period.mustache` of the module's resources, parsed once.
    static let template: Result<MustacheTemplate, ReportError> = {
        guard let url = Bundle.module.url(forResource: "period", withExtension: "mustache", subdirectory: "Templates") else {
            return .failure(ReportError(.internal, "The period report.html template is missing; reinstall the program.",
                                        location: "Templates/period.mustache"))
        }
        do {
            return .success(try MustacheTemplate(string: try String(contentsOf: url, encoding: .utf8)))
        } catch {
            return .failure(ReportError(.internal, "The period report.html template can't be read; reinstall the program.",
                                        cause: error, location: url.path))
        }
    }()
}

import ReportModel

/// What the files of a period are rendered from.
public struct PeriodExportInput: Sendable {
    public var aggregate: PeriodAggregate
    /// For names and contacts as in force on the period's days.
    public var registries: Registries
    /// The workbook's sheet names and titles (the page is Vietnamese only).
    public var language: Language

    public init(aggregate: PeriodAggregate, registries: Registries, language: Language = .vi) {
        self.aggregate = aggregate; self.registries = registries; self.language = language
    }
}

/// Renders one file of `exports/periods/P/`.
public protocol PeriodExporter: Sendable {
    var fileName: String { get }
    func render(_ input: PeriodExportInput) throws -> [UInt8]
}

/// The exporters of a period, in the order their files are written.
public enum PeriodExporters {
    public static let csv: [any PeriodExporter] = [PeriodSummaryCSV(), UnitReportingCSV(), ProvinceRankingCSV()]
    public static let all: [any PeriodExporter] = csv + [PeriodReportHTML(), PeriodWorkbook()]
}

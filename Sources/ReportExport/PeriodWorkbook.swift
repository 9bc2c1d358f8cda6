import ReportModel

/// The period's `report.xlsx`: one sheet per CSV of the period (`Tổng hợp`, `Đơn vị`, `Xếp hạng`), made from the
/// CSVs' own rows as the day's workbook is: counts and ranks as numbers, percentages formatted `0.0%`, days as dates.
public struct PeriodWorkbook: PeriodExporter {
    public let fileName = "report.xlsx"

    public init() {}

    public func render(_ input: PeriodExportInput) throws -> [UInt8] {
        let a = input.aggregate
        let title = input.language == .vi ? PeriodHTMLViewModel(input: input).title : "Period report \(a.period.name)"
        // The last day covered, not the clock: the same figures give the same bytes however the period was written.
        return try WorkbookSheet.workbook(Self.sheets(input), title: title,
                                          created: Timestamp.vietnam(a.lastDay, hour: 0, minute: 0), language: input.language)
    }

    static func sheets(_ input: PeriodExportInput) -> [WorkbookSheet] {
        let a = input.aggregate
        let vi = input.language == .vi
        typealias K = WorkbookSheet.Kind
        let counts = { (n: Int) in [K](repeating: .count, count: n) }
        return [
            WorkbookSheet(name: vi ? "Tổng hợp" : "Summary", columns: PeriodSummaryCSV.header,
                          kinds: [.text, .date, .date, .count, .text, .text] + counts(4) + [.percent, .percent] + counts(9)
                              + [.percent, .percent, .count],
                          rows: PeriodSummaryCSV.rows(a)),
            WorkbookSheet(name: vi ? "Đơn vị" : "Units", columns: UnitReportingCSV.header,
                          kinds: [.text, .text, .text, .text, .text] + counts(6), rows: UnitReportingCSV.rows(a)),
            WorkbookSheet(name: vi ? "Xếp hạng" : "Ranking", columns: ProvinceRankingCSV.header,
                          kinds: [.text, .text, .text] + (0..<4).flatMap { _ in [K.percent, .count] },
                          rows: ProvinceRankingCSV.rows(a)),
        ]
    }
}

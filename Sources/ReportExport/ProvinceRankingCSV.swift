import ReportModel

/// `province_ranking.csv`: each province of the period, by code, with its rank on four percentages.
public struct ProvinceRankingCSV: PeriodExporter {
    public let fileName = "province_ranking.csv"
    public static let header = [
        "period", "scope_code", "scope_name", "completeness_pct", "completeness_rank", "timeliness_pct",
        "timeliness_rank", "on_time_resolution_pct", "on_time_resolution_rank", "online_rate_pct", "online_rate_rank",
    ]

    public init() {}

    public func render(_ input: PeriodExportInput) throws -> [UInt8] {
        var w = CSVWriter(header: Self.header)
        for row in Self.rows(input.aggregate) { w.append(row: row) }
        return w.bytes
    }

    /// The rows of the ranking (also the workbook's `Xếp hạng`).
    static func rows(_ a: PeriodAggregate) -> [[CSVField]] {
        ProvinceRanking(a).rows.map { r in
            var row: [CSVField] = [.text(a.period.name), .text(r.scopeCode), .text(r.scopeName)]
            for e in [r.completeness, r.timeliness, r.onTimeResolution, r.onlineRate] {
                row.append(.text(e.percent))
                row.append(e.rank.map(CSVField.number) ?? .empty)
            }
            return row
        }
    }
}

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
        let name = input.aggregate.period.name
        for r in ProvinceRanking(input.aggregate).rows {
            var row: [CSVField] = [.text(name), .text(r.scopeCode), .text(r.scopeName)]
            for e in [r.completeness, r.timeliness, r.onTimeResolution, r.onlineRate] {
                row.append(.text(e.percent))
                row.append(e.rank.map(CSVField.number) ?? .empty)
            }
            w.append(row: row)
        }
        return w.bytes
    }
}

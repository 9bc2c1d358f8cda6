import ReportModel

/// What one publication to PostgreSQL copied.
public struct PublishReport: Sendable {
    /// The dates published, ascending.
    public var dates: [Day] = []
    /// Table → rows copied for those dates.
    public var rows: [String: Int] = [:]
    /// Rows of the registries (and of rejects without a report date), replaced whole.
    public var registryRows = 0

    public init() {}

    /// One line for a person: how many dates and rows.
    public func line(language: Language) -> String {
        let total = rows.values.reduce(0, +)
        switch language {
        case .vi:
            return dates.isEmpty ? "PostgreSQL đã cập nhật: không có ngày nào cần công bố lại"
                : "Đã công bố sang PostgreSQL \(dates.count) ngày (\(dates.first!.iso) – \(dates.last!.iso)), \(total) dòng"
        case .en:
            return dates.isEmpty ? "PostgreSQL is up to date: no date to publish"
                : "published \(dates.count) date(s) to PostgreSQL (\(dates.first!.iso) – \(dates.last!.iso)), \(total) rows"
        }
    }
}

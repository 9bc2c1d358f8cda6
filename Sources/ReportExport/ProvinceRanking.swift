import ReportModel

/// The provinces of a period ranked on four percentages (contract §6): 1 is the highest; equal percentages
/// (as written, to one decimal) share the best rank (1, 2, 2, 4); an empty percentage has an empty rank.
public struct ProvinceRanking: Sendable, Hashable {
    /// A percentage in tenths (nil: nothing to divide by) and its rank.
    public struct Entry: Sendable, Hashable {
        public var tenths: Int?
        public var rank: Int? = nil
        public var percent: String {
            guard let t = tenths else { return "" }
            return (t < 0 ? "-" : "") + "\(t.magnitude / 10).\(t.magnitude % 10)"
        }
    }

    public struct Row: Sendable, Hashable {
        public var scopeCode: String
        public var scopeName: String
        public var completeness: Entry
        public var timeliness: Entry
        public var onTimeResolution: Entry
        public var onlineRate: Entry
    }

    /// Provinces in code order.
    public var rows: [Row]

    public init(_ aggregate: PeriodAggregate) {
        var rows = aggregate.scopes.dropFirst().map { p in
            let s = p.summary
            return Row(scopeCode: s.scopeCode, scopeName: s.scopeName, completeness: Entry(tenths: s.tenths(.completeness)),
                       timeliness: Entry(tenths: s.tenths(.timeliness)),
                       onTimeResolution: Entry(tenths: s.tenths(.onTimeResolution)),
                       onlineRate: Entry(tenths: s.tenths(.onlineRate)))
        }
        Self.rank(&rows, \.completeness)
        Self.rank(&rows, \.timeliness)
        Self.rank(&rows, \.onTimeResolution)
        Self.rank(&rows, \.onlineRate)
        self.rows = rows
    }

    /// Competition ranking: one plus the number of provinces with a strictly higher percentage.
    static func rank(_ rows: inout [Row], _ key: WritableKeyPath<Row, Entry>) {
        let values = rows.compactMap { $0[keyPath: key].tenths }.sorted(by: >)
        for i in rows.indices {
            guard let t = rows[i][keyPath: key].tenths else { continue }
            // values is descending: the first index holding t counts those strictly above it.
            var lo = 0, hi = values.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if values[mid] > t { lo = mid + 1 } else { hi = mid }
            }
            rows[i][keyPath: key].rank = lo + 1
        }
    }
}

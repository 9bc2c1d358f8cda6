import ReportModel

extension Warehouse {
    /// The latest `limit` runs, newest first.
    public func recentRuns(limit: Int) throws -> [RunRecord] {
        let s = try db.prepare("SELECT \(Self.runColumns) FROM runs ORDER BY id DESC LIMIT ?")
        s.bind(1, limit)
        var c = s.cursor(Self.decodeRun)
        return try c.all()
    }

    /// Per unit code, the latest report date it reported (accepted rows or an empty report).
    public func latestReportDays() throws -> [String: Day] {
        let s = try db.prepare("SELECT unit_code, MAX(report_date) FROM unit_reports GROUP BY unit_code")
        var c = s.cursor { s in (s.string(0), s.string(1)) }
        var out: [String: Day] = [:]
        while let (unit, date) = try c.next() {
            if let d = Day(iso: date) { out[unit] = d }
        }
        return out
    }
}

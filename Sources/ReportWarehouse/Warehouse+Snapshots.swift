import ReportModel

extension Warehouse {
    /// Stores a computed day's compact counts (the pipeline's encoding), replacing any earlier one.
    public func saveSnapshot(_ bytes: [UInt8], on day: Day) throws {
        let s = try db.prepare("INSERT OR REPLACE INTO day_snapshots(report_date, counts) VALUES (?, ?)")
        s.bind(1, day.iso)
        s.bind(2, bytes)
        try s.run()
    }

    /// The compact counts stored for `day`, if it was computed.
    public func snapshot(on day: Day) throws -> [UInt8]? {
        let s = try db.prepare("SELECT counts FROM day_snapshots WHERE report_date = ?")
        s.bind(1, day.iso)
        var c = s.cursor { $0.blob(0) }
        return try c.all().first
    }
}

import ReportModel

extension Warehouse {
    /// Records that `day` was computed with reports due at `dueAt` (the `unit_days` view's lateness reads it).
    public func recordReportDay(_ day: Day, dueAt: Timestamp) throws {
        let s = try db.prepare("""
            INSERT INTO report_days (report_date, due_at) VALUES (?, ?)
            ON CONFLICT (report_date) DO UPDATE SET due_at = excluded.due_at
            """)
        s.bind(1, day.iso)
        s.bind(2, dueAt.seconds)
        try s.run()
    }
}

import ReportModel

extension Warehouse {
    /// Marks dates to recompute; `figures` when their accepted rows or reports changed.
    public func markPending(_ dates: Set<Day>, figures: Set<Day>) throws {
        let s = try db.prepare("""
            INSERT INTO pending_dates(report_date, figures) VALUES (?, ?)
            ON CONFLICT(report_date) DO UPDATE SET figures = max(figures, excluded.figures)
            """)
        for d in dates.union(figures).sorted() {
            s.bind(1, d.iso)
            s.bind(2, figures.contains(d) ? 1 : 0)
            try s.run()
        }
    }

    /// Dates still to recompute (from this run or one that was killed), and which of them changed figures.
    public func pendingDates() throws -> (all: Set<Day>, figures: Set<Day>) {
        let s = try db.prepare("SELECT report_date, figures FROM pending_dates")
        var all = Set<Day>(), figures = Set<Day>()
        var c = s.cursor { s in (s.string(0), s.int(1)) }
        while let (text, f) = try c.next() {
            guard let d = Day(iso: text) else { continue }
            all.insert(d)
            if f != 0 { figures.insert(d) }
        }
        return (all, figures)
    }

    /// Clears dates once their exports and archive are published.
    public func clearPending(_ dates: Set<Day>) throws {
        let s = try db.prepare("DELETE FROM pending_dates WHERE report_date = ?")
        for d in dates.sorted() {
            s.bind(1, d.iso)
            try s.run()
        }
    }
}

import ReportModel

extension Warehouse {
    /// The rejects exported for `day`, sorted by file, line, reason, detail.
    ///
    /// Those dated `day`, and those without a date whose submission belongs to `day`.
    public func rejects(on day: Day) throws -> [Reject] {
        let s = try db.prepare("""
            SELECT \(Self.rejectColumns) FROM rejects WHERE report_date = ?1
            UNION ALL
            SELECT \(Self.rejectColumns) FROM rejects
            WHERE report_date IS NULL
              AND submission_id IN (SELECT submission_id FROM submission_dates WHERE report_date = ?1)
            ORDER BY file, line, reason, detail, raw
            """)
        s.bind(1, day.iso)
        var c = s.cursor(decodeReject)
        return try c.all()
    }

    /// The notes recorded for a file path, in line order.
    public func notes(file: String) throws -> [Note] {
        let s = try db.prepare("SELECT file, line, kind, detail FROM notes WHERE file = ? ORDER BY line, rowid")
        s.bind(1, file)
        var c = s.cursor { s in Note(file: s.string(0), line: s.int(1), kind: s.string(2), detail: s.string(3)) }
        return try c.all()
    }

    static let rejectColumns = "file, line, reason, detail, raw, report_date"

    func decodeReject(_ s: Statement) throws -> Reject {
        Reject(file: s.string(0), line: s.int(1), reason: try reason(s.string(2)), detail: s.string(3), raw: s.string(4),
               reportDate: try optionalDay(s.optionalString(5)))
    }
}

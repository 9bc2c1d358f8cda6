import ReportModel

extension Warehouse {
    /// File name → SHA-256 of what was last published for `day`.
    public func publishedHashes(on day: Day) throws -> [String: String] {
        let s = try db.prepare("SELECT name, sha256 FROM published WHERE report_date = ?")
        s.bind(1, day.iso)
        var out: [String: String] = [:]
        var c = s.cursor { s in (s.string(0), s.string(1)) }
        while let (name, hash) = try c.next() { out[name] = hash }
        return out
    }

    /// Records that `name` was published for `day` with this SHA-256 by run `runId` (replacing the previous record).
    public func setPublished(day: Day, name: String, sha256: String, runId: Int64) throws {
        let s = try db.prepare("""
            INSERT INTO published (report_date, name, sha256, run_id) VALUES (?, ?, ?, ?)
            ON CONFLICT (report_date, name) DO UPDATE SET sha256 = excluded.sha256, run_id = excluded.run_id
            """)
        s.bind(1, day.iso)
        s.bind(2, name)
        s.bind(3, sha256)
        s.bind(4, runId)
        try s.run()
    }

    /// The bytes of `name` as last published for `day`, when they were kept.
    public func publishedContent(on day: Day, name: String) throws -> [UInt8]? {
        let s = try db.prepare("SELECT content FROM published WHERE report_date = ? AND name = ? AND content IS NOT NULL")
        s.bind(1, day.iso)
        s.bind(2, name)
        var c = s.cursor { $0.blob(0) }
        return try c.all().first
    }

    /// Records that `name` was published for `day`, keeping its bytes.
    public func setPublished(day: Day, name: String, content: [UInt8], sha256: String, runId: Int64) throws {
        let s = try db.prepare("""
            INSERT INTO published (report_date, name, sha256, run_id, content) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (report_date, name) DO UPDATE SET sha256 = excluded.sha256, run_id = excluded.run_id,
                content = excluded.content
            """)
        s.bind(1, day.iso)
        s.bind(2, name)
        s.bind(3, sha256)
        s.bind(4, runId)
        s.bind(5, content)
        try s.run()
    }

    /// Records that a published figure of `restatement.reportDate` changed, by run `runId`.
    public func recordRestatement(_ restatement: Restatement, runId: Int64) throws {
        let s = try db.prepare("""
            INSERT INTO restatements (at, report_date, scope, figure, old_value, new_value, run_id, cause)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        s.bind(1, restatement.at.seconds)
        s.bind(2, restatement.reportDate.iso)
        s.bind(3, restatement.scope)
        s.bind(4, restatement.figure)
        s.bind(5, restatement.oldValue)
        s.bind(6, restatement.newValue)
        s.bind(7, runId)
        s.bind(8, restatement.cause)
        try s.run()
    }

    /// The restatements of `day`, oldest first.
    public func restatements(on day: Day) throws -> [Restatement] {
        let s = try db.prepare("""
            SELECT at, report_date, scope, figure, old_value, new_value, run_id, cause FROM restatements WHERE report_date = ?
            ORDER BY at, rowid
            """)
        s.bind(1, day.iso)
        var c = s.cursor(decodeRestatement)
        return try c.all()
    }

    /// Every restatement, in the order they were recorded.
    public func allRestatements() throws -> [Restatement] {
        let s = try db.prepare("SELECT at, report_date, scope, figure, old_value, new_value, run_id, cause FROM restatements ORDER BY at, rowid")
        var c = s.cursor(decodeRestatement)
        return try c.all()
    }

    /// A `restatements` row: at, report_date, scope, figure, old_value, new_value, run_id, cause.
    func decodeRestatement(_ s: Statement) throws -> Restatement {
        Restatement(at: Timestamp(seconds: s.int64(0)), reportDate: try day(s.string(1)), scope: s.string(2),
                    figure: s.string(3), oldValue: s.optionalString(4), newValue: s.optionalString(5),
                    runId: s.optionalInt64(6), cause: s.string(7))
    }

    /// The run that last published `name` for `day`, if any.
    public func publishedRun(on day: Day, name: String) throws -> Int64? {
        let s = try db.prepare("SELECT run_id FROM published WHERE report_date = ? AND name = ?")
        s.bind(1, day.iso)
        s.bind(2, name)
        var c = s.cursor { $0.optionalInt64(0) }
        return try c.all().first ?? nil
    }

    /// What new data `day` received after run `publishedBy` published it: any file at all (late), and whether one
    /// came from a unit that had already reported the day (a correction).
    public func dataSincePublication(on day: Day, publishedBy: Int64) throws -> (newFiles: Bool, corrections: Bool) {
        let late = try db.prepare("""
            SELECT EXISTS (SELECT 1 FROM submission_dates d JOIN submissions s ON s.id = d.submission_id
                           WHERE d.report_date = ?1 AND s.run_id > ?2 AND s.status <> 'duplicate')
            """)
        late.bind(1, day.iso)
        late.bind(2, publishedBy)
        var c = late.cursor { $0.int(0) != 0 }
        guard try c.all().first == true else { return (false, false) }
        let corrected = try db.prepare("""
            SELECT EXISTS (SELECT 1 FROM unit_reports n JOIN submissions s ON s.id = n.submission_id AND s.run_id > ?2
                           JOIN unit_reports o ON o.report_date = n.report_date AND o.unit_code = n.unit_code
                           JOIN submissions so ON so.id = o.submission_id AND so.run_id <= ?2
                           WHERE n.report_date = ?1)
            """)
        corrected.bind(1, day.iso)
        corrected.bind(2, publishedBy)
        var k = corrected.cursor { $0.int(0) != 0 }
        return (true, try k.all().first == true)
    }
}

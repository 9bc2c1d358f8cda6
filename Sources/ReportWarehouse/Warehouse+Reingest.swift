import ReportModel

extension Warehouse {
    /// The submissions (not duplicates) that belong to a date in `from...through`, with their ids, in id order.
    public func submissionsToReingest(from: Day, through: Day) throws -> [(id: Int64, submission: Submission)] {
        var all: [(id: Int64, submission: Submission)] = []
        try eachSubmissionToReingest(from: from, through: through) { all.append(($0, $1)) }
        return all
    }

    /// The same, one at a time (a year's re-ingest: 835,000 of them, not held as a list).
    public func eachSubmissionToReingest(from: Day, through: Day, _ body: (Int64, Submission) throws -> Void) throws {
        let s = try db.prepare("""
            SELECT DISTINCT s.id, s.path, s.sha256, s.size, s.mtime_ns, s.received_at, s.encoding, s.format, s.status
            FROM submission_dates d JOIN submissions s ON s.id = d.submission_id
            WHERE d.report_date BETWEEN ? AND ? AND s.status <> 'duplicate' ORDER BY s.id
            """)
        s.bind(1, from.iso)
        s.bind(2, through.iso)
        var c = s.cursor { s in
            (s.int64(0), Submission(path: s.string(1), sha256: s.string(2), size: s.int64(3), mtimeNanos: s.int64(4),
                                    receivedAt: Timestamp(seconds: s.int64(5)), encoding: s.string(6), format: s.string(7),
                                    status: try self.status(s.string(8))))
        }
        while let (id, sub) = try c.next() {
            var sub = sub
            sub.reportDates = try reportDates(submissionId: id)
            try body(id, sub)
        }
    }

    /// Replaces what a submission yielded with a new normalization of the same bytes (after a registry
    /// correction); the submission keeps its id, path, hash and received time. Joins the open transaction.
    public func replaceContents(ofSubmission id: Int64, with item: SubmissionRecord, runId: Int64) throws {
        try db.joiningTransaction {
            for table in ["report_rows", "unit_reports", "rejects", "notes", "submission_dates"] {
                let d = try db.prepare("DELETE FROM \(table) WHERE submission_id = ?")
                d.bind(1, id)
                try d.run()
            }
            let u = try db.prepare("UPDATE submissions SET encoding = ?, status = ? WHERE id = ?")
            u.bind(1, item.submission.encoding)
            u.bind(2, item.submission.status.rawValue)
            u.bind(3, id)
            try u.run()
            var inserter = try SubmissionInserter(db)
            try inserter.insertContents(of: id, item, runId: runId)
        }
    }

    /// The key of an accepted row (submission, line, procedure: a line may hold several), hashed: what
    /// a re-ingest compares before and after to count rows newly accepted or rejected.
    public static func rowKey(submission: Int64, line: Int, procedure: String) -> Int {
        var h = Hasher()
        h.combine(submission)
        h.combine(line)
        h.combine(procedure)
        return h.finalize()
    }

    /// Removes what submissions `ids` yielded, in the open transaction, before `reinsertContents` writes their new
    /// normalization. Their rows are found through the rows' date index, each date of `oldDates` visited once
    /// (not a scan of every row per file). Returns, per date, the keys (`rowKey`) of the accepted rows removed.
    public func removeContents(ofSubmissions ids: [Int64], oldDates: Set<Day>) throws -> [Day: [Int]] {
        try db.execute("CREATE TEMP TABLE IF NOT EXISTS reingest_ids (id INTEGER PRIMARY KEY); DELETE FROM temp.reingest_ids;")
        let add = try db.prepare("INSERT OR IGNORE INTO temp.reingest_ids (id) VALUES (?)")
        for id in ids {
            add.bind(1, id)
            try add.run()
        }
        var before: [Day: [Int]] = [:]
        let kept = try db.prepare("""
            SELECT submission_id, line, procedure_code FROM report_rows
            WHERE report_date = ? AND submission_id IN (SELECT id FROM temp.reingest_ids)
            """)
        let dropRows = try db.prepare("DELETE FROM report_rows WHERE report_date = ? AND submission_id IN (SELECT id FROM temp.reingest_ids)")
        let dropReports = try db.prepare("DELETE FROM unit_reports WHERE report_date = ? AND submission_id IN (SELECT id FROM temp.reingest_ids)")
        for day in oldDates.sorted() {
            kept.bind(1, day.iso)
            var c = kept.cursor { s in Self.rowKey(submission: s.int64(0), line: s.int(1), procedure: s.string(2)) }
            before[day] = try c.all()
            for d in [dropRows, dropReports] {
                d.bind(1, day.iso)
                try d.run()
            }
        }
        for table in ["rejects", "notes", "submission_dates"] {
            try db.execute("DELETE FROM \(table) WHERE submission_id IN (SELECT id FROM temp.reingest_ids)")
        }
        try db.execute("DELETE FROM temp.reingest_ids")
        return before
    }

    /// Writes the new normalization of submissions whose contents `removeContents` removed (same ids, path,
    /// hash and received time; new encoding and status), in the open transaction.
    public func reinsertContents(_ items: [(id: Int64, record: SubmissionRecord)], runId: Int64) throws {
        let u = try db.prepare("UPDATE submissions SET encoding = ?, status = ? WHERE id = ?")
        var inserter = try SubmissionInserter(db)
        for (id, record) in items {
            u.bind(1, record.submission.encoding)
            u.bind(2, record.submission.status.rawValue)
            u.bind(3, id)
            try u.run()
            try inserter.insertContents(of: id, record, runId: runId)
        }
    }

    /// Rows accepted and rejected for the dates `from...through` (what re-reading their files reads again).
    public func keptRowCount(from: Day, through: Day) throws -> Int {
        let s = try db.prepare("""
            SELECT (SELECT COUNT(*) FROM report_rows WHERE report_date BETWEEN ?1 AND ?2)
                 + (SELECT COUNT(*) FROM rejects WHERE report_date BETWEEN ?1 AND ?2)
            """)
        s.bind(1, from.iso)
        s.bind(2, through.iso)
        var c = s.cursor { $0.int(0) }
        return try c.all().first ?? 0
    }
}

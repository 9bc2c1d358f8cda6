import ReportModel

extension Warehouse {
    /// The submissions (not duplicates) that belong to a date in `from...through`, with their ids, in id order.
    public func submissionsToReingest(from: Day, through: Day) throws -> [(id: Int64, submission: Submission)] {
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
        return try c.all().map { id, sub in
            var sub = sub
            sub.reportDates = try reportDates(submissionId: id)
            return (id, sub)
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
}

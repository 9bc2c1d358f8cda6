import ReportModel

/// The prepared inserts of `recordBatch`, reused across files and rows.
struct SubmissionInserter {
    let submission, date, row, unitReport, reject, note: Statement
    let db: SQLiteConnection
    var days = DayTextCache()

    let hashTier: HashTier

    init(_ db: SQLiteConnection, hashTier: HashTier = .recent) throws {
        self.db = db
        self.hashTier = hashTier
        submission = try db.prepare("""
            INSERT INTO submissions (path, sha256, size, mtime_ns, received_at, encoding, format, status, duplicate_of, run_id, hash_tier)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        date = try db.prepare("INSERT OR IGNORE INTO submission_dates (submission_id, report_date) VALUES (?, ?)")
        row = try db.prepare("""
            INSERT INTO report_rows (submission_id, line, report_date, unit_code, procedure_code,
                received_online, received_offline, resolved_on_time, resolved_late, returned, pending_on_time, pending_overdue,
                submitted_at, reporter_name, reporter_email, reporter_phone, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        unitReport = try db.prepare("""
            INSERT INTO unit_reports (submission_id, report_date, unit_code, submitted_at, line,
                reporter_name, reporter_email, reporter_phone)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        reject = try db.prepare("""
            INSERT INTO rejects (submission_id, run_id, file, line, reason, detail, raw, report_date, unit_code)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        note = try db.prepare("INSERT INTO notes (submission_id, run_id, file, line, kind, detail) VALUES (?, ?, ?, ?, ?, ?)")
    }

    mutating func insert(_ item: SubmissionRecord, runId: Int64) throws -> Int64 {
        let sub = item.submission
        let s = submission
        s.bind(1, sub.path)
        s.bind(2, sub.sha256)
        s.bind(3, sub.size)
        s.bind(4, sub.mtimeNanos)
        s.bind(5, sub.receivedAt.seconds)
        s.bind(6, sub.encoding)
        s.bind(7, sub.format)
        s.bind(8, sub.status.rawValue)
        s.bind(9, sub.duplicateOf)
        s.bind(10, runId)
        s.bind(11, hashTier.rawValue)
        try s.run()
        let id = db.lastInsertRowID
        try insertContents(of: id, item, runId: runId)
        return id
    }

    /// Inserts what a submission yielded (dates, rows, unit reports, rejects, notes) under its id.
    mutating func insertContents(of id: Int64, _ item: SubmissionRecord, runId: Int64) throws {
        let sub = item.submission
        // A file's rows are usually all of one date: each compared with the last first, no hashing per row.
        var dates = sub.reportDates
        var last: Day?
        func seen(_ d: Day) {
            guard d != last else { return }
            last = d
            if !dates.contains(d) { dates.append(d) }
        }
        for r in item.rows { seen(r.reportDate) }
        for u in item.unitReports { seen(u.reportDate) }
        for d in Set(dates).sorted() {
            date.bind(1, id)
            date.bind(2, days.iso(d))
            try date.run()
        }

        let w = row
        for r in item.rows {
            w.bind(1, id)
            w.bind(2, r.line)
            w.bind(3, days.iso(r.reportDate))
            w.bind(4, r.unitCode)
            w.bind(5, r.procedureCode)
            let c = r.counts
            w.bind(6, c.receivedOnline)
            w.bind(7, c.receivedOffline)
            w.bind(8, c.resolvedOnTime)
            w.bind(9, c.resolvedLate)
            w.bind(10, c.returned)
            w.bind(11, c.pendingOnTime)
            w.bind(12, c.pendingOverdue)
            w.bind(13, r.submittedAt.seconds)
            w.bind(14, r.reporter.fullName)
            w.bind(15, r.reporter.email)
            w.bind(16, r.reporter.phone)
            w.bind(17, r.note)
            try w.run()
        }

        let u = unitReport
        for r in item.unitReports {
            u.bind(1, id)
            u.bind(2, days.iso(r.reportDate))
            u.bind(3, r.unitCode)
            u.bind(4, r.submittedAt.seconds)
            u.bind(5, r.line)
            u.bind(6, r.reporter.fullName)
            u.bind(7, r.reporter.email)
            u.bind(8, r.reporter.phone)
            try u.run()
        }

        let j = reject
        for r in item.rejects {
            j.bind(1, id)
            j.bind(2, runId)
            j.bind(3, r.file)
            j.bind(4, r.line)
            j.bind(5, r.reason.rawValue)
            j.bind(6, r.detail)
            j.bind(7, r.raw)
            j.bind(8, r.reportDate.map { days.iso($0) })
            j.bind(9, r.unitCode)
            try j.run()
        }

        let n = note
        for r in item.notes {
            n.bind(1, id)
            n.bind(2, runId)
            n.bind(3, r.file)
            n.bind(4, r.line)
            n.bind(5, r.kind)
            n.bind(6, r.detail)
            try n.run()
        }
    }
}

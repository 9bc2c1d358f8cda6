import ReportModel

extension Warehouse {
    /// The winning row of each (unit, procedure) on `day`, sorted by unit and procedure code.
    ///
    /// The winner is the row with the latest `submitted_at`; ties go to the later received time,
    /// then the greater path (UTF-8 byte order), then the later line (then the later submission).
    public func winningRows(on day: Day) throws -> [StoredRow] {
        let s = try db.prepare(Self.rowsQuery("r.report_date = ?1"))
        s.bind(1, day.iso)
        return try pickWinners(s)
    }

    /// The winners of `day` as `winningRows(on:)` picks them, with only what the checks and sums read:
    /// unit, procedure and counts (no text decoded for the rows that lose, nor notes and reporters).
    public func winningCounts(on day: Day) throws -> [(unit: String, procedure: String, counts: Counts)] {
        // The day's rows in the index's order, with no join and no sort: nearly every (unit, procedure) has one row,
        // and only rows tied on submitted_at need their submissions' received time and path (measured: 60 → 20 ms
        // for a national day).
        let s = try db.prepare("""
            SELECT unit_code, procedure_code,
                received_online, received_offline, resolved_on_time, resolved_late, returned,
                pending_on_time, pending_overdue, submitted_at, line, submission_id
            FROM report_rows WHERE report_date = ?1
            ORDER BY unit_code, procedure_code
            """)
        s.bind(1, day.iso)
        defer { s.reset() }
        var out: [(unit: String, procedure: String, counts: Counts)] = []
        var best: RowRank?
        var tieBreak = SubmissionRanks(db)
        while try s.step() {
            let unit = s.string(0), procedure = s.string(1)
            let rank = RowRank(submittedAt: s.int64(9), line: s.int64(10), submissionId: s.int64(11))
            if let last = out.last, last.unit == unit, last.procedure == procedure, let b = best {
                guard try tieBreak.outranks(rank, b) else { continue }
                out.removeLast()
            }
            best = rank
            out.append((unit, procedure, Counts(
                receivedOnline: s.int(2), receivedOffline: s.int(3), resolvedOnTime: s.int(4), resolvedLate: s.int(5),
                returned: s.int(6), pendingOnTime: s.int(7), pendingOverdue: s.int(8))))
        }
        return out
    }

    /// The winning rows of every date in `from...through`, sorted by date, unit and procedure code.
    public func winningRows(from: Day, through: Day) throws -> [StoredRow] {
        guard from <= through else { return [] }
        let s = try db.prepare(Self.rowsQuery("r.report_date BETWEEN ?1 AND ?2"))
        s.bind(1, from.iso)
        s.bind(2, through.iso)
        return try pickWinners(s)
    }

    /// Every accepted row of `day`, superseded ones included, in the order of `winningRows` with losers after their winner.
    public func allRows(on day: Day) throws -> [StoredRow] {
        let s = try db.prepare(Self.rowsQuery("r.report_date = ?1"))
        s.bind(1, day.iso)
        var c = s.cursor(decodeRow)
        return try c.all()
    }

    /// Unit code → the earliest `submitted_at` among the unit's reports for `day` (superseded ones count).
    public func firstReports(on day: Day) throws -> [String: Timestamp] {
        let s = try db.prepare("""
            SELECT unit_code, MIN(submitted_at) FROM unit_reports WHERE report_date = ? GROUP BY unit_code
            """)
        s.bind(1, day.iso)
        var out: [String: Timestamp] = [:]
        var c = s.cursor { s in (s.string(0), Timestamp(seconds: s.int64(1))) }
        while let (unit, at) = try c.next() { out[unit] = at }
        return out
    }

    /// Every unit report for `day` (one per file, unit and date), sorted by unit, submitted_at, line.
    public func unitReports(on day: Day) throws -> [UnitReport] {
        let s = try db.prepare("""
            SELECT u.report_date, u.unit_code, u.submitted_at, u.line, u.reporter_name, u.reporter_email, u.reporter_phone
            FROM unit_reports u JOIN submissions s ON s.id = u.submission_id
            WHERE u.report_date = ? ORDER BY u.unit_code, u.submitted_at, u.line, s.path, u.submission_id
            """)
        s.bind(1, day.iso)
        var c = s.cursor { s in
            UnitReport(reportDate: try self.day(s.string(0)), unitCode: s.string(1),
                       submittedAt: Timestamp(seconds: s.int64(2)), line: s.int(3),
                       reporter: Reporter(fullName: s.string(4), email: s.string(5), phone: s.string(6)))
        }
        return try c.all()
    }

    /// Report dates with anything recorded: submissions' dates and dated rejects, ascending.
    public func datesWithData() throws -> [Day] {
        let s = try db.prepare("""
            SELECT report_date FROM submission_dates
            UNION SELECT report_date FROM rejects WHERE report_date IS NOT NULL
            ORDER BY 1
            """)
        var c = s.cursor { s in try self.day(s.string(0)) }
        return try c.all()
    }

    /// Rows ordered so that the first of each (date, unit, procedure) is the winner.
    static func rowsQuery(_ condition: String) -> String {
        """
        SELECT r.report_date, r.unit_code, r.procedure_code,
            r.received_online, r.received_offline, r.resolved_on_time, r.resolved_late, r.returned,
            r.pending_on_time, r.pending_overdue, r.submitted_at, r.line,
            r.reporter_name, r.reporter_email, r.reporter_phone, r.note, s.path, s.received_at
        FROM report_rows r JOIN submissions s ON s.id = r.submission_id
        WHERE \(condition)
        ORDER BY r.report_date, r.unit_code, r.procedure_code,
            r.submitted_at DESC, s.received_at DESC, s.path DESC, r.line DESC, r.submission_id DESC
        """
    }

    func decodeRow(_ s: Statement) throws -> StoredRow {
        let counts = Counts(receivedOnline: s.int(3), receivedOffline: s.int(4), resolvedOnTime: s.int(5),
                            resolvedLate: s.int(6), returned: s.int(7), pendingOnTime: s.int(8), pendingOverdue: s.int(9))
        let row = ReportRow(reportDate: try day(s.string(0)), unitCode: s.string(1), procedureCode: s.string(2),
                            counts: counts, submittedAt: Timestamp(seconds: s.int64(10)), line: s.int(11),
                            reporter: Reporter(fullName: s.string(12), email: s.string(13), phone: s.string(14)),
                            note: s.string(15))
        return StoredRow(row: row, submissionPath: s.string(16), receivedAt: Timestamp(seconds: s.int64(17)))
    }

    /// Keeps the first row of each (date, unit, procedure) from a `rowsQuery` statement.
    private func pickWinners(_ s: Statement) throws -> [StoredRow] {
        var out: [StoredRow] = []
        var last: (String, String, String)?
        defer { s.reset() }
        while try s.step() {
            let key = (s.string(0), s.string(1), s.string(2))
            if let l = last, l == key { continue }
            last = key
            out.append(try decodeRow(s))
        }
        return out
    }
}

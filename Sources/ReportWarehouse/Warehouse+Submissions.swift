import ReportModel

/// One file's worth of `record`: the submission and everything it yielded.
public typealias SubmissionRecord = (
    submission: Submission, rows: [ReportRow], unitReports: [UnitReport], rejects: [Reject], notes: [Note]
)

extension Warehouse {
    /// Records one submission and everything it yielded in one transaction; returns the submission's id.
    @discardableResult
    public func record(submission: Submission, rows: [ReportRow], unitReports: [UnitReport], rejects: [Reject],
                       notes: [Note], runId: Int64) throws -> Int64 {
        try recordBatch([(submission, rows, unitReports, rejects, notes)], runId: runId)[0]
    }

    /// Records many submissions in one transaction (the pipeline's hot path); returns their ids, in order.
    ///
    /// A submission belongs to the dates in `reportDates` and to every date its rows and unit reports carry.
    /// A reject whose `reportDate` is nil belongs to every date of its submission.
    @discardableResult
    public func recordBatch(_ items: [SubmissionRecord], runId: Int64) throws -> [Int64] {
        try db.joiningTransaction {
            var inserter = try SubmissionInserter(db, hashTier: newHashTier)
            return try items.map { try inserter.insert($0, runId: runId) }
        }
    }

    /// The latest submission recorded at `path`, if any.
    public func knownFile(path: String) throws -> KnownFile? {
        let s = try db.prepare("SELECT size, mtime_ns, sha256, status FROM submissions WHERE path = ? ORDER BY id DESC LIMIT 1")
        s.bind(1, path)
        var c = s.cursor { s in
            KnownFile(size: s.int64(0), mtimeNanos: s.int64(1), sha256: s.string(2), status: try self.status(s.string(3)))
        }
        return try c.all().first
    }

    /// The first submission ingested with these bytes (never a duplicate): its path, status,
    /// its first whole-file reject (if any) and its report dates.
    public func firstSubmission(sha256: String) throws
        -> (path: String, status: SubmissionStatus, fileReject: Reject?, reportDates: [Day])?
    {
        let s = try db.prepare("""
            SELECT id, path, status FROM submissions WHERE \(Self.hashIsFirstParameter)
              AND status <> 'duplicate' ORDER BY id LIMIT 1
            """)
        s.bind(1, sha256)
        var c = s.cursor { s in (s.int64(0), s.string(1), try self.status(s.string(2))) }
        guard let (id, path, status) = try c.all().first else { return nil }
        let fileReasons = RejectReason.allCases.filter(\.isFileReason).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let r = try db.prepare("""
            SELECT \(Self.rejectColumns) FROM rejects WHERE submission_id = ? AND reason IN (\(fileReasons))
            ORDER BY line, id LIMIT 1
            """)
        r.bind(1, id)
        var rc = r.cursor(decodeReject)
        return (path, status, try rc.all().first, try reportDates(submissionId: id))
    }

    /// The submissions that belong to `day` (by their rows' dates or the reporting window), sorted by path.
    public func submissions(on day: Day) throws -> [Submission] {
        try submissions(on: day, withDates: true)
    }

    /// The submissions that belong to `day`, sorted by path; `withDates: false` leaves `reportDates`
    /// empty and saves a query per submission (the archive and `summary.json` need none).
    public func submissions(on day: Day, withDates: Bool) throws -> [Submission] {
        let s = try db.prepare("""
            SELECT s.id, s.path, s.sha256, s.size, s.mtime_ns, s.received_at, s.encoding, s.format, s.status, s.duplicate_of
            FROM submission_dates d JOIN submissions s ON s.id = d.submission_id
            WHERE d.report_date = ? ORDER BY s.path, s.id
            """)
        s.bind(1, day.iso)
        var c = s.cursor { s in
            (s.int64(0), Submission(path: s.string(1), sha256: s.string(2), size: s.int64(3), mtimeNanos: s.int64(4),
                                    receivedAt: Timestamp(seconds: s.int64(5)), encoding: s.string(6), format: s.string(7),
                                    status: try self.status(s.string(8)), duplicateOf: s.optionalString(9)))
        }
        guard withDates else { return try c.all().map(\.1) }
        return try c.all().map { id, sub in
            var sub = sub
            sub.reportDates = try reportDates(submissionId: id)
            return sub
        }
    }

    func reportDates(submissionId: Int64) throws -> [Day] {
        let s = try db.prepare("SELECT report_date FROM submission_dates WHERE submission_id = ? ORDER BY report_date")
        s.bind(1, submissionId)
        var c = s.cursor { s in try self.day(s.string(0)) }
        return try c.all()
    }
}

/// What became of a submission file as a whole.
public enum SubmissionStatus: String, Sendable, Codable, CaseIterable {
    /// Every row accepted.
    case accepted
    /// Some rows accepted, some rejected.
    case partial
    /// Nothing accepted: a file reject, or every row rejected.
    case rejected
    /// The same bytes were already ingested under another name; skipped.
    case duplicate
}

/// One inbox file as received: identity, provenance and outcome.
public struct Submission: Sendable, Hashable {
    /// Path relative to the inbox, `/`-separated.
    public var path: String
    /// SHA-256 of the bytes as received, lowercase hex.
    public var sha256: String
    public var size: Int64
    /// Modification time in nanoseconds, part of the file's identity on disk.
    public var mtimeNanos: Int64
    /// When it was received: the file's modification time.
    public var receivedAt: Timestamp
    /// The encoding found (`utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `cp1258`), with `+gzip` when compressed.
    public var encoding: String
    /// `csv` or `json`.
    public var format: String
    public var status: SubmissionStatus
    /// For a duplicate: the path first ingested with the same bytes.
    public var duplicateOf: String?
    /// Report dates this submission belongs to (its rows' dates, or the reporting window's).
    public var reportDates: [Day]

    public init(path: String, sha256: String, size: Int64, mtimeNanos: Int64, receivedAt: Timestamp,
                encoding: String, format: String, status: SubmissionStatus, duplicateOf: String? = nil,
                reportDates: [Day] = []) {
        self.path = path; self.sha256 = sha256; self.size = size; self.mtimeNanos = mtimeNanos
        self.receivedAt = receivedAt; self.encoding = encoding; self.format = format; self.status = status
        self.duplicateOf = duplicateOf; self.reportDates = reportDates
    }
}

/// Everything one file yielded after decode, parse and normalize.
public struct FileOutcome: Sendable {
    public var encoding: String
    public var format: String
    public var rows: [ReportRow]
    /// Units' reports (one per unit and date the file reports for, empty envelopes included).
    public var unitReports: [UnitReport]
    public var rejects: [Reject]
    public var notes: [Note]
    /// Rows read (accepted + rejected), for counts.
    public var rowsRead: Int

    public init(encoding: String, format: String, rows: [ReportRow] = [], unitReports: [UnitReport] = [],
                rejects: [Reject] = [], notes: [Note] = [], rowsRead: Int = 0) {
        self.encoding = encoding; self.format = format; self.rows = rows; self.unitReports = unitReports
        self.rejects = rejects; self.notes = notes; self.rowsRead = rowsRead
    }

    /// The file's status from what it yielded.
    public var status: SubmissionStatus {
        if rows.isEmpty && unitReports.isEmpty { return .rejected }
        return rejects.isEmpty ? .accepted : .partial
    }

    /// A whole-file reject (its tail, for `unterminated_quote`), if any.
    public var fileReject: Reject? { rejects.first { $0.reason.isFileReason } }
}

import CSQLite

/// The winner order of `rowsQuery` for rows tied on `submitted_at`: the later received time, then the greater path
/// (UTF-8 byte order, as SQLite's BINARY), then the later line, then the later submission. Submissions are read
/// once each.
struct SubmissionRanks {
    private let db: SQLiteConnection
    private var seen: [Int64: (receivedAt: Int64, path: [UInt8])] = [:]

    init(_ db: SQLiteConnection) { self.db = db }

    /// Whether `a` wins over `b`.
    mutating func outranks(_ a: RowRank, _ b: RowRank) throws -> Bool {
        if a.submittedAt != b.submittedAt { return a.submittedAt > b.submittedAt }
        let x = try submission(a.submissionId), y = try submission(b.submissionId)
        if x.receivedAt != y.receivedAt { return x.receivedAt > y.receivedAt }
        if x.path != y.path { return y.path.lexicographicallyPrecedes(x.path) }
        if a.line != b.line { return a.line > b.line }
        return a.submissionId > b.submissionId
    }

    private mutating func submission(_ id: Int64) throws -> (receivedAt: Int64, path: [UInt8]) {
        if let known = seen[id] { return known }
        let s = try db.prepare("SELECT received_at, CAST(path AS BLOB) FROM submissions WHERE id = ?1")
        s.bind(1, id)
        defer { s.reset() }
        guard try s.step() else {
            throw db.error(SQLITE_CORRUPT, "a report row names submission \(id), which is not in the warehouse",
                           cause: "report_rows.submission_id \(id) has no submission")
        }
        let found = (receivedAt: s.int64(0), path: s.blob(1))
        seen[id] = found
        return found
    }
}

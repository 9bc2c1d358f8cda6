import CSQLite
import ReportModel

/// A connection to one SQLite database file, over SQLite's C API.
///
/// Not thread-safe, and not Sendable: one connection per thread (it is opened
/// with `SQLITE_OPEN_NOMUTEX`).
public final class SQLiteConnection {
    /// The database file's path, used as the location of errors.
    public let path: String
    let handle: OpaquePointer
    private var cache: [String: Statement] = [:]
    private var savepointDepth = 0

    /// Opens (creating if needed) the database at `path`: WAL, synchronous NORMAL, foreign keys on, 5 s busy timeout, 64 MiB cache.
    /// With `readOnly`, the file must exist and nothing is written to it (`status`, the metrics).
    public init(path: String, readOnly: Bool = false) throws {
        _ = SQLiteConnection.configured
        self.path = path
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
                             : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let failure = SQLiteFailure(code: db.map { sqlite3_extended_errcode($0) } ?? rc,
                                        message: db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc)),
                                        systemErrno: db.map { sqlite3_system_errno($0) } ?? 0)
            if let db { sqlite3_close_v2(db) }
            throw failure.reportError(path: path, what: "cannot open the warehouse database")
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, 5000)
        // A 64 MiB page cache: a day of rows and its index (~10 MB) stays in memory until COMMIT.
        // 16 KiB pages: a fresh warehouse writes a night's rows in a quarter of the page writes (no effect on an existing file).
        if readOnly {
            try execute("PRAGMA query_only=ON;")
            return
        }
        try execute("PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;")
    }

    /// Process-wide settings, made once before the first connection opens.
    private static let configured: Bool = csqlite_disable_memstatus() == SQLITE_OK

    deinit {
        cache.removeAll()  // finalizes the cached statements
        sqlite3_close_v2(handle)
    }

    /// Runs one or more SQL statements that return nothing of interest.
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let cause = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_free(message)
            throw error(rc, "SQLite could not run a statement", cause: cause)
        }
    }

    /// A prepared statement for `sql`, reset, cached by its SQL text.
    ///
    /// The cached statement is shared: finish with it before preparing the same SQL again.
    public func prepare(_ sql: String) throws -> Statement {
        if let s = cache[sql] {
            s.reset()
            return s
        }
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw error(rc, "SQLite could not prepare a statement")
        }
        let s = Statement(stmt, connection: self)
        cache[sql] = s
        return s
    }

    /// The cached statements' SQL with the rows each stepped through in full table scans since it was prepared
    /// (`SQLITE_STMTSTATUS_FULLSCAN_STEP`): a lookup meant to go through an index shows 0.
    func fullScanSteps() -> [(sql: String, steps: Int)] {
        cache.map { ($0.key, Int(sqlite3_stmt_status($0.value.stmt, Int32(SQLITE_STMTSTATUS_FULLSCAN_STEP), 0))) }
    }

    /// Opens a transaction that spans several calls; end it with `commit()` or `rollback()`.
    public func begin() throws {
        precondition(savepointDepth == 0, "begin() inside a transaction")
        try execute("BEGIN IMMEDIATE")
        savepointDepth = 1
    }

    /// Commits the transaction `begin()` opened.
    public func commit() throws {
        precondition(savepointDepth == 1, "commit() without begin()")
        defer { savepointDepth = 0 }
        do {
            try execute("COMMIT")
        } catch {
            if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Rolls back the transaction `begin()` opened.
    public func rollback() throws {
        savepointDepth = 0
        if sqlite3_get_autocommit(handle) == 0 { try execute("ROLLBACK") }
    }

    /// Runs `body` inside the open transaction, or in a transaction of its own when none is open.
    ///
    /// For the hot path: unlike a nested `transaction`, it takes no savepoint, which would first copy
    /// every page it touches into a statement journal (measured: ~2,200 extra 16 KiB writes a night).
    /// A failure then rolls back the whole enclosing transaction, as the caller's error unwinds it.
    public func joiningTransaction<T>(_ body: () throws -> T) throws -> T {
        savepointDepth > 0 ? try body() : try transaction(body)
    }

    /// Runs `body` in a transaction (BEGIN IMMEDIATE / COMMIT), rolled back if it throws.
    /// Nested calls use savepoints, so an inner failure undoes only the inner work.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let depth = savepointDepth
        let name = "sp\(depth)"
        try execute(depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT \(name)")
        savepointDepth += 1
        let result: T
        do {
            result = try body()
        } catch {
            savepointDepth = depth
            if depth == 0 {
                if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
            } else {
                try? execute("ROLLBACK TO \(name); RELEASE \(name)")
            }
            throw error
        }
        do {
            try execute(depth == 0 ? "COMMIT" : "RELEASE \(name)")
        } catch {
            savepointDepth = depth
            if depth == 0, sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
            throw error
        }
        savepointDepth = depth
        return result
    }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Rows changed by every INSERT, UPDATE or DELETE since the connection opened.
    public var totalChanges: Int { Int(sqlite3_total_changes(handle)) }

    /// The error for a failed call, classified by its result code (see `SQLiteFailure.reportError`).
    func error(_ rc: Int32, _ what: String, cause: String? = nil, fileID: String = #fileID, line: Int = #line) -> ReportError {
        let failure = SQLiteFailure(code: rc, message: cause ?? String(cString: sqlite3_errmsg(handle)),
                                    systemErrno: sqlite3_system_errno(handle))
        return failure.reportError(path: path, what: what, fileID: fileID, line: line)
    }
}

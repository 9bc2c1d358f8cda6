import CSQLite
import ReportModel

/// A prepared SQL statement: bind parameters (1-based), step, read columns (0-based).
///
/// Owned and cached by its `SQLiteConnection`; same threading rule.
public final class Statement {
    let stmt: OpaquePointer
    unowned let connection: SQLiteConnection
    /// The first binding SQLite refused since the last step (its result code, parameter), thrown by `step()`:
    /// a value silently not bound would otherwise be written as NULL, or match nothing.
    private var bindFailure: (rc: Int32, index: Int32)?

    init(_ stmt: OpaquePointer, connection: SQLiteConnection) {
        self.stmt = stmt
        self.connection = connection
    }

    deinit { sqlite3_finalize(stmt) }

    // MARK: Binding

    /// Binds an integer to parameter `index` (1-based).
    public func bind(_ index: Int32, _ value: Int64) {
        check(sqlite3_bind_int64(stmt, index, value), index)
    }

    /// Binds an integer to parameter `index` (1-based).
    public func bind(_ index: Int32, _ value: Int) {
        check(sqlite3_bind_int64(stmt, index, Int64(value)), index)
    }

    /// Binds text (copied: SQLITE_TRANSIENT) to parameter `index` (1-based).
    public func bind(_ index: Int32, _ value: String) {
        // The string's own bytes when it has them contiguous (native and small strings: no copy of the value).
        if value.utf8.withContiguousStorageIfAvailable({ bindText(index, $0) }) == nil {
            var v = value
            v.withUTF8 { bindText(index, $0) }
        }
    }

    private func bindText(_ index: Int32, _ buf: UnsafeBufferPointer<UInt8>) {
        // A non-nil pointer even for "", so that "" stays text and not NULL.
        let base = buf.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(("" as StaticString).utf8Start)
        check(sqlite3_bind_text(stmt, index, base.assumingMemoryBound(to: CChar.self), Int32(buf.count),
                                csqlite_transient()), index)
    }

    /// Binds text, or NULL when nil, to parameter `index` (1-based).
    public func bind(_ index: Int32, _ value: String?) {
        if let value { bind(index, value) } else { bindNull(index) }
    }

    /// Binds bytes as a BLOB to parameter `index` (1-based).
    public func bind(_ index: Int32, _ value: [UInt8]) {
        check(value.withUnsafeBytes { sqlite3_bind_blob(stmt, index, $0.baseAddress, Int32($0.count), csqlite_transient()) }, index)
    }

    /// Binds an integer, or NULL when nil, to parameter `index` (1-based).
    public func bind(_ index: Int32, _ value: Int64?) {
        if let value { bind(index, value) } else { bindNull(index) }
    }

    /// Binds NULL to parameter `index` (1-based).
    public func bindNull(_ index: Int32) {
        check(sqlite3_bind_null(stmt, index), index)
    }

    private func check(_ rc: Int32, _ index: Int32) {
        if rc != SQLITE_OK, bindFailure == nil { bindFailure = (rc, index) }
    }

    // MARK: Running

    /// Advances to the next row: true when a row is available, false when done.
    @discardableResult
    public func step() throws -> Bool {
        if let f = bindFailure {
            bindFailure = nil
            sqlite3_reset(stmt)
            throw connection.error(f.rc, "SQLite could not bind parameter \(f.index) of a statement")
        }
        let rc = sqlite3_step(stmt)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let e = connection.error(rc, "SQLite could not run a statement")
            sqlite3_reset(stmt)
            throw e
        }
    }

    /// Runs a statement that returns no rows, then resets it for reuse.
    public func run() throws {
        defer { sqlite3_reset(stmt) }
        while try step() {}
    }

    /// Resets the statement so it can run again (bindings are kept).
    public func reset() {
        sqlite3_reset(stmt)
    }

    /// Reads every row through `decode`, then resets the statement.
    public func cursor<T>(_ decode: @escaping (Statement) throws -> T) -> Cursor<T> {
        Cursor(self, decode)
    }

    // MARK: Columns

    /// The number of columns the statement returns.
    public var columnCount: Int32 { sqlite3_column_count(stmt) }

    /// Whether column `index` (0-based) of the current row is NULL.
    public func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(stmt, index) == SQLITE_NULL
    }

    /// Column `index` (0-based) as an integer (0 for NULL).
    public func int64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(stmt, index)
    }

    /// Column `index` (0-based) as an `Int` (0 for NULL).
    public func int(_ index: Int32) -> Int {
        Int(sqlite3_column_int64(stmt, index))
    }

    /// Column `index` (0-based) as an optional integer.
    public func optionalInt64(_ index: Int32) -> Int64? {
        isNull(index) ? nil : int64(index)
    }

    /// Column `index` (0-based) as bytes (empty for NULL).
    public func blob(_ index: Int32) -> [UInt8] {
        guard let p = sqlite3_column_blob(stmt, index) else { return [] }
        let n = Int(sqlite3_column_bytes(stmt, index))
        return Array(UnsafeRawBufferPointer(start: p, count: n))
    }

    /// Column `index` (0-based) as text ("" for NULL).
    public func string(_ index: Int32) -> String {
        guard let p = sqlite3_column_text(stmt, index) else { return "" }
        let n = Int(sqlite3_column_bytes(stmt, index))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// Column `index` (0-based) as optional text.
    public func optionalString(_ index: Int32) -> String? {
        isNull(index) ? nil : string(index)
    }
}

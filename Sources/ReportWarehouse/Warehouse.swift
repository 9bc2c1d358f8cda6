import ReportModel

/// The SQLite warehouse: submissions, accepted rows (all history), rejects,
/// findings, registries as loaded, runs and what was published.
///
/// Not Sendable: one connection underneath, used by the thread that opened it
/// (a background task opens its own).
public final class Warehouse {
    /// The underlying connection (for queries this type does not offer).
    public let db: SQLiteConnection
    /// Where submissions and kept copies recorded from now on put their hashes (`.recent` unless a large load says).
    public var newHashTier = HashTier.recent

    /// The database file's path.
    public var path: String { db.path }

    /// Opens (creating if needed) the warehouse at `path` and brings its schema up to date.
    public init(path: String) throws {
        db = try SQLiteConnection(path: path)
        try Migrations.migrate(db)
    }

    /// Opens an existing warehouse to read only (no migration, no write): `status` and the metrics file.
    public init(readingOnly path: String) throws {
        db = try SQLiteConnection(path: path, readOnly: true)
        let version = try Migrations.version(of: db)
        guard version <= Migrations.latestVersion else {
            throw ReportError(.usage,
                vi: "kho dữ liệu do một phiên bản dailyreports mới hơn ghi (lược đồ \(version), phiên bản này chỉ biết đến \(Migrations.latestVersion)); hãy dùng bản dựng mới hơn",
                en: "The warehouse was written by a newer version of dailyreports (schema \(version), this one knows \(Migrations.latestVersion)); use a newer build.",
                              location: path)
        }
    }

    /// Opens a transaction spanning several calls; see `SQLiteConnection.begin()`.
    public func begin() throws { try db.begin() }
    /// Commits what `begin()` opened.
    public func commit() throws { try db.commit() }
    /// Rolls back what `begin()` opened.
    public func rollback() throws { try db.rollback() }
    /// Runs `body` in the open transaction, or one of its own; see `SQLiteConnection.joiningTransaction`.
    public func joiningTransaction<T>(_ body: () throws -> T) throws -> T { try db.joiningTransaction(body) }

    /// Runs `body` in one transaction (nested calls become savepoints); rolled back if it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try db.transaction(body)
    }
}

import CPostgres
#if canImport(Glibc)
import Glibc
#endif
import ReportModel

/// One libpq connection: plain statements, COPY from the client, transactions.
///
/// Not Sendable: a libpq connection is used from the thread that opened it, like `Warehouse`.
public final class PostgresConnection {
    private let handle: OpaquePointer
    /// The URL without its password, for messages.
    public let label: String

    /// Connects to `url` (`postgresql://user@host:port/db`, or libpq's `key=value` form).
    /// A server that cannot be reached is a temporary failure (exit 75): the next run publishes what is owed.
    public init(url: String) throws {
        label = PostgresConnection.redacted(url)
        guard let c = PQconnectdb(url) else {
            throw ReportError(.internal, vi: "libpq không cấp phát được kết nối", en: "libpq could not allocate a connection", location: label)
        }
        guard PQstatus(c) == CONNECTION_OK else {
            let why = String(cString: PQerrorMessage(c)).trimmingSpaces
            PQfinish(c)
            throw ReportError(.tryLater,
                              vi: "không kết nối được PostgreSQL; kho SQLite vẫn đầy đủ, lần chạy sau sẽ công bố phần còn thiếu",
                              en: "PostgreSQL cannot be reached; the SQLite warehouse is complete and the next run publishes what is owed",
                              cause: PostgresFailure(why), location: PostgresConnection.redacted(url))
        }
        handle = c
        try execute("SET client_encoding = 'UTF8'; SET client_min_messages = warning")
    }

    deinit { PQfinish(handle) }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws {
        _ = try query(sql)
    }

    /// Runs `sql` and returns its rows as text (NULL as nil).
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) throws -> [[String?]] {
        let result: OpaquePointer?
        if parameters.isEmpty {
            result = PQexec(handle, sql)
        } else {
            result = withCStrings(parameters) { values in
                PQexecParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
            }
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else { throw failure("a statement failed", result) }
        var rows: [[String?]] = []
        for r in 0..<PQntuples(result) {
            rows.append((0..<PQnfields(result)).map { c in
                PQgetisnull(result, r, c) == 1 ? nil : String(cString: PQgetvalue(result, r, c))
            })
        }
        return rows
    }

    /// `COPY table (columns) FROM STDIN` with `body` in COPY's text format (see `CopyBuffer`).
    public func copy(into table: String, columns: [String], body: [UInt8]) throws {
        let start = PQexec(handle, "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN")
        let status = PQresultStatus(start)
        PQclear(start)
        guard status == PGRES_COPY_IN else { throw failure("COPY into \(table) did not start", nil) }
        var offset = 0
        while offset < body.count {
            let n = min(1 << 20, body.count - offset)
            let rc = body.withUnsafeBufferPointer { b in
                b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: body.count) { PQputCopyData(handle, $0 + offset, Int32(n)) }
            }
            guard rc == 1 else { throw failure("COPY into \(table) failed while sending", nil) }
            offset += n
        }
        guard PQputCopyEnd(handle, nil) == 1 else { throw failure("COPY into \(table) could not end", nil) }
        while let r = PQgetResult(handle) {
            defer { PQclear(r) }
            if PQresultStatus(r) != PGRES_COMMAND_OK { throw failure("COPY into \(table) failed", r) }
        }
    }

    /// Runs `body` in one transaction, rolled back if it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The error for a failed call: a lost connection is temporary (75), anything else the server refused is internal.
    private func failure(_ what: String, _ result: OpaquePointer?) -> ReportError {
        var why = result.map { String(cString: PQresultErrorMessage($0)) } ?? ""
        if why.isEmpty { why = String(cString: PQerrorMessage(handle)) }
        if PQstatus(handle) != CONNECTION_OK {
            return ReportError(.tryLater, vi: "mất kết nối tới PostgreSQL; lần chạy sau sẽ công bố phần còn thiếu",
                               en: "the connection to PostgreSQL was lost; the next run publishes what is owed",
                               cause: PostgresFailure(why.trimmingSpaces), location: label)
        }
        return ReportError(.internal, vi: "PostgreSQL từ chối bản công bố: \(what)", en: "PostgreSQL refused the publication: \(what)",
                           cause: PostgresFailure(why.trimmingSpaces), location: label)
    }

    /// `url` with any password replaced by `***`.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else {
            return url.replacingPasswordPair()
        }
        let credentials = url[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}

private extension String {
    /// `password=secret` in a key=value connection string, hidden.
    func replacingPasswordPair() -> String {
        split(separator: " ").map { $0.hasPrefix("password=") ? "password=***" : String($0) }.joined(separator: " ")
    }
}

/// Calls `body` with `strings` as C strings (NULL for nil), valid for the call.
private func withCStrings<T>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
    let copies = strings.map { $0.map { strdup($0) } ?? nil }
    defer { copies.forEach { free($0) } }
    return body(copies.map { $0.map { UnsafePointer($0) } })
}

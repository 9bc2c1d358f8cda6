import Foundation
import XCTest

/// A real PostgreSQL server for the tests: `initdb` into a temporary folder, `pg_ctl start` listening only on a
/// unix socket in that folder, stopped and removed by `stop()`. As root it runs as the `postgres` user.
/// Where the server binaries are not installed, `get()` skips the test with the reason.
final class PostgresServer: @unchecked Sendable {
    let dir: String
    let port: Int
    let bin: String
    private let asUser: [String]

    private init() throws {
        let fm = FileManager.default
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
        guard let v = versions.first(where: { fm.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb") }) else {
            throw XCTSkip("PostgreSQL server binaries are not installed (scripts/setup-deps installs Debian postgresql); skipping the PostgreSQL tests")
        }
        guard fm.isExecutableFile(atPath: "/usr/bin/psql") else { throw XCTSkip("psql is not installed (Debian postgresql-client); skipping") }
        bin = "/usr/lib/postgresql/\(v)/bin"
        // Short: a unix socket path holds ~107 bytes.
        dir = "/tmp/drpg-" + String(UUID().uuidString.prefix(8))
        port = Int.random(in: 20000...60000)
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if getuid() == 0 {
            guard getpwnam("postgres") != nil else { throw XCTSkip("running as root and there is no postgres user to run the server as; skipping") }
            asUser = ["/usr/sbin/runuser", "-u", "postgres", "--"]
            try check(runProcess("/bin/chown", ["postgres", dir]), "chown")
        } else {
            asUser = []
        }
        try check(server(["\(bin)/initdb", "-D", "\(dir)/data", "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]), "initdb")
        // Not through Foundation's Process: it does not see pg_ctl exit once the server it forked runs on (measured:
        // the test hung with pg_ctl a zombie). posix_spawn and waitpid instead, the server's files on /dev/null.
        let start = (asUser + ["\(bin)/pg_ctl", "-D", "\(dir)/data", "-l", "\(dir)/log", "-w", "-t", "120",
                               "-o", "'-k \(dir) -c listen_addresses= -p \(port) -c fsync=off -c full_page_writes=off'", "start"])
            .joined(separator: " ")
        let status = spawnAndWait(["/bin/sh", "-c", "cd /tmp && \(start) </dev/null >\(dir)/pg_ctl.out 2>&1"])
        guard status == 0 || status == nil, fm.fileExists(atPath: "\(dir)/.s.PGSQL.\(port)") else {
            let log = (try? String(contentsOfFile: "\(dir)/log", encoding: .utf8)) ?? ""
            throw E2EError.setup("pg_ctl start failed (\(status.map(String.init) ?? "?")): \(log)")
        }
    }

    private func server(_ command: [String]) throws -> ProcessResult {
        let all = asUser + command
        return try runProcess(all[0], Array(all.dropFirst()), cwd: URL(fileURLWithPath: "/tmp"))
    }

    private func check(_ r: ProcessResult, _ what: String) throws {
        guard r.status == 0 else {
            let log = (try? String(contentsOfFile: "\(dir)/log", encoding: .utf8)) ?? ""
            throw E2EError.setup("\(what) failed (\(r.status)): \(r.both)\n\(log)")
        }
    }

    /// The libpq URL of database `name` on this server.
    func url(_ name: String = "postgres") -> String { "host=\(dir) port=\(port) user=postgres dbname=\(name)" }

    /// A new, empty database; its URL.
    func createDatabase() throws -> String {
        let name = "t" + UUID().uuidString.prefix(8).lowercased()
        _ = try psql(url(), "CREATE DATABASE \(name)")
        return url(name)
    }

    /// `psql` output of `sql` (one statement or COPY … TO STDOUT), unaligned.
    func psql(_ url: String, _ sql: String) throws -> String {
        let r = try runProcess("/usr/bin/psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", url, "-c", sql])
        guard r.status == 0 else { throw E2EError.setup("psql failed (\(r.status)): \(r.stderr)\nSQL: \(sql)") }
        return r.stdout
    }

    func stop() {
        _ = try? server(["\(bin)/pg_ctl", "-D", "\(dir)/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: dir)
    }

    private static let shared: Result<PostgresServer, Error> = Result { try PostgresServer() }
    nonisolated(unsafe) private static var started = false
    /// The one server of the test process (started on first use).
    static func get() throws -> PostgresServer {
        started = true
        return try shared.get()
    }
    static func stopIfStarted() {
        if started, case .success(let s) = shared { s.stop() }
    }
}

/// Runs `argv` and waits for it; its exit status, or nil when another waiter reaped it first.
private func spawnAndWait(_ argv: [String]) -> Int32? {
    var pid: pid_t = 0
    var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { cargs.forEach { free($0) } }
    guard posix_spawn(&pid, argv[0], nil, nil, &cargs, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
        if errno != EINTR { return nil }
    }
    return (status >> 8) & 0xff
}

import Foundation
import ReportModel

extension Warehouse {
    /// Records the start of a run (outcome `running`) and returns its id.
    public func beginRun(command: String, arguments: [String], startedAt: Timestamp) throws -> Int64 {
        let s = try db.prepare("INSERT INTO runs (command, arguments, started_at, outcome) VALUES (?, ?, ?, 'running')")
        s.bind(1, command)
        s.bind(2, Self.encodeArguments(arguments))
        s.bind(3, startedAt.seconds)
        try s.run()
        return db.lastInsertRowID
    }

    /// Records how a run ended.
    public func finishRun(id: Int64, finishedAt: Timestamp, outcome: String, filesNew: Int, rowsAccepted: Int,
                          rowsRejected: Int) throws {
        let s = try db.prepare("""
            UPDATE runs SET finished_at = ?, outcome = ?, files_new = ?, rows_accepted = ?, rows_rejected = ?
            WHERE id = ?
            """)
        s.bind(1, finishedAt.seconds)
        s.bind(2, outcome)
        s.bind(3, filesNew)
        s.bind(4, rowsAccepted)
        s.bind(5, rowsRejected)
        s.bind(6, id)
        try s.run()
        guard db.changes == 1 else {
            throw ReportError(.internal, "No run \(id) to finish in the warehouse.", location: path)
        }
    }

    /// The run with this id, if any.
    public func run(id: Int64) throws -> RunRecord? {
        let s = try db.prepare("SELECT \(Self.runColumns) FROM runs WHERE id = ?")
        s.bind(1, id)
        var c = s.cursor(Self.decodeRun)
        return try c.all().first
    }

    /// The most recently started run, if any.
    public func latestRun() throws -> RunRecord? {
        let s = try db.prepare("SELECT \(Self.runColumns) FROM runs ORDER BY id DESC LIMIT 1")
        var c = s.cursor(Self.decodeRun)
        return try c.all().first
    }

    /// The most recent run that finished with `outcome`, if any.
    public func latestRun(outcome: String) throws -> RunRecord? {
        let s = try db.prepare("SELECT \(Self.runColumns) FROM runs WHERE outcome = ? ORDER BY id DESC LIMIT 1")
        s.bind(1, outcome)
        var c = s.cursor(Self.decodeRun)
        return try c.all().first
    }

    static let runColumns =
        "id, command, arguments, started_at, finished_at, outcome, files_new, rows_accepted, rows_rejected"

    static func decodeRun(_ s: Statement) throws -> RunRecord {
        RunRecord(id: s.int64(0), command: s.string(1), arguments: decodeArguments(s.string(2)),
                  startedAt: Timestamp(seconds: s.int64(3)), finishedAt: s.optionalInt64(4).map(Timestamp.init(seconds:)),
                  outcome: s.string(5), filesNew: s.int(6), rowsAccepted: s.int(7), rowsRejected: s.int(8))
    }

    static func encodeArguments(_ a: [String]) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes]
        return (try? e.encode(a)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    static func decodeArguments(_ s: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(s.utf8))) ?? []
    }
}

extension Warehouse {
    /// Marks runs still recorded as running as killed; call only while holding the run lock.
    public func markAbandonedRuns() throws {
        try db.execute("UPDATE runs SET outcome = 'killed' WHERE outcome = 'running'")
    }
}

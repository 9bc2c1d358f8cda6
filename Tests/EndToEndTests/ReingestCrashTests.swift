import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `backfill --reingest` killed while it replaces rows: the rows it changed must have their dates pending
/// (or nothing changed), so whatever runs next publishes figures that match the warehouse; rerun, the exports
/// equal an uninterrupted re-ingest byte for byte.
final class ReingestCrashTests: XCTestCase {
    func testAKillDuringReingestLeavesNoChangedRowWithoutItsDatePending() throws {
        let dir = try TempDir("reingest-crash")
        let inbox = dir.path("inbox"), base = dir.path("base")
        try stageInbox(inbox)
        try runNightly(date: "2026-11-27", inbox: inbox, out: base)
        let procedures = try editedSampleRegistry("procedures.csv", in: dir) { $0 + "1.999999,Thủ tục bổ sung,Khác,commune,false,5\n" }
        let args = ["backfill", "--from", "2026-11-23", "--to", "2026-11-27", "--reingest", "--procedures", procedures,
                    "--inbox", inbox]
        func maxIds(_ out: String) throws -> [String] {
            try sqlite("\(out)/warehouse.sqlite", "SELECT (SELECT max(rowid) FROM report_rows), (SELECT max(rowid) FROM rejects)").first ?? []
        }
        let idsBefore = try maxIds(base)

        let plain = dir.path("plain")
        try copyFolder(base, to: plain)
        XCTAssertEqual(try dailyreports(args + ["--out", plain]).status, 0)
        let expected = try snapshotCSVs(plain)

        var changedKills = 0, notes: [String] = []
        for delayMs in [50, 300, 700, 1200, 2000, 3500] {
            let out = dir.path("kill-\(delayMs)")
            try copyFolder(base, to: out)
            let killed = try killDuringReingest(args + ["--out", out], out: out, delayMs: delayMs)
            notes.append("\(delayMs) ms: \(killed ? "killed" : "finished")")
            guard killed else { break }
            let changed = try maxIds(out) != idsBefore
            let pending = try sqlite("\(out)/warehouse.sqlite", "SELECT report_date FROM pending_dates").map { $0[0] }
            if changed {
                changedKills += 1
                XCTAssertFalse(pending.isEmpty, "killed \(delayMs) ms into the re-ingest: rows changed, no date pending")
            }
            // Whatever the kill left, the same command run again publishes the uninterrupted exports.
            let again = try dailyreports(args + ["--out", out])
            XCTAssertEqual(again.status, 0, again.both)
            assertSameExports(try snapshotCSVs(out), expected, "rerun after a kill \(delayMs) ms into the re-ingest")
        }
        print("ReingestCrash: \(notes.joined(separator: "; ")); kills after rows changed: \(changedKills)")
    }

    /// Starts the command, waits for the `ingest` stage to be logged (the re-ingest follows), waits
    /// `delayMs`, then SIGKILLs it; true when it was killed before it finished.
    private func killDuringReingest(_ args: [String], out: String, delayMs: Int) throws -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try binary())
        p.arguments = args
        p.currentDirectoryURL = packageRoot
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let before = (FileManager.default.contents(atPath: "\(out)/run-log.jsonl") ?? Data()).count
        try p.run()
        while p.isRunning {
            let log = FileManager.default.contents(atPath: "\(out)/run-log.jsonl") ?? Data()
            if log.count > before, String(decoding: log.dropFirst(before), as: UTF8.self).contains("\"stage\":\"ingest\"") {
                usleep(useconds_t(delayMs * 1000))
                kill(p.processIdentifier, SIGKILL)
                break
            }
            usleep(300)
        }
        p.waitUntilExit()
        return p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGKILL
    }
}

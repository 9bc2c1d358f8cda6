import Foundation
import XCTest

/// Issue #19: a night skips inbox folders an earlier run saw with the same time when that time is older than the
/// horizon (default 7 days before the run's clock); `--full-scan` and a weekly full scan walk every folder.
final class DiscoveryHorizonTests: XCTestCase {
    /// The number of new files a run's summary line reports.
    func newFiles(_ r: ProcessResult, file: StaticString = #filePath, line: UInt = #line) -> Int? {
        XCTAssertEqual(r.status, 0, r.both, file: file, line: line)
        guard let range = r.stdout.range(of: #"(\d+) tệp mới"#, options: .regularExpression) else { return nil }
        return Int(r.stdout[range].split(separator: " ")[0])
    }

    /// The counts of the last `discover` stage in the run log.
    func discoverCounts(_ out: String) throws -> [String: Int] {
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/run-log.jsonl"))
        let lines = try data.split(separator: 0x0A).map { try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] ?? [:] }
        return try XCTUnwrap(lines.last { $0["stage"] as? String == "discover" }?["counts"] as? [String: Int])
    }

    /// Rewrites a file in place (same path, the folder's entries untouched) with one more line, received at `time`.
    func resendInPlace(_ path: String, at time: String) throws {
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try h.seekToEnd()
        try h.write(contentsOf: Data("\n".utf8))
        try h.close()
        try touch(path, time)
    }

    func testOldUnchangedFoldersAreSkippedUntilAFullScan() throws {
        let dir = try TempDir("horizon")
        let staged = dir.path("staged"), inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(staged)
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        for day in ["2026-11-26", "2026-11-27"] { try copyFolder("\(staged)/\(day)", to: "\(inbox)/\(day)") }
        // Every folder last changed when its files arrived.
        let folders = try FileManager.default.subpathsOfDirectory(atPath: inbox).map { "\(inbox)/\($0)" }
            .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && d.boolValue }
        for f in folders + [inbox] { try touch(f, "2026-11-27T19:00:00+07:00") }
        func run(_ now: String, _ extra: [String] = []) throws -> ProcessResult {
            try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out, "--now", now] + extra)
        }

        // The first run walks everything (a first scan of this inbox).
        XCTAssertEqual(newFiles(try run("2026-12-05T08:00:00+07:00")), 49)

        // A new file in an old folder changes the folder's time: the folder is walked, and only it.
        let added = "\(inbox)/2026-11-26/01/00070-bo-sung.csv"
        try (try Data(contentsOf: URL(fileURLWithPath: "\(inbox)/2026-11-26/01/00070.csv")) + Data("\n".utf8))
            .write(to: URL(fileURLWithPath: added))
        try touch(added, "2026-11-27T20:00:00+07:00")
        try touch("\(inbox)/2026-11-26/01", "2026-11-27T20:00:00+07:00")
        XCTAssertEqual(newFiles(try run("2026-12-05T09:00:00+07:00")), 1)
        var counts = try discoverCounts(out)
        XCTAssertEqual(counts["folders_walked"], 1, "only 2026-11-26/01 changed: \(counts)")
        XCTAssertEqual(counts["known"], 8, "the stamps of that folder's 8 known files only: \(counts)")
        XCTAssertEqual(counts["full_scan"], 0)

        // A file re-sent in place in a folder older than the horizon: the folder's time is unchanged, so it is not seen…
        let resent = "\(inbox)/2026-11-27/46/19815.csv"
        try resendInPlace(resent, at: "2026-11-27T21:00:00+07:00")
        try touch("\(inbox)/2026-11-27/46", "2026-11-27T19:00:00+07:00")
        XCTAssertEqual(newFiles(try run("2026-12-05T10:00:00+07:00")), 0)
        counts = try discoverCounts(out)
        XCTAssertEqual(counts["folders_walked"], 0, "\(counts)")
        XCTAssertEqual(counts["known"], 0, "no file stamp read: \(counts)")
        // … until --full-scan,
        let full = try run("2026-12-05T11:00:00+07:00", ["--full-scan"])
        XCTAssertEqual(newFiles(full), 1)
        XCTAssertTrue(full.stdout.contains("quét toàn bộ hộp thư đến (--full-scan)"), full.stdout)
        XCTAssertEqual(try discoverCounts(out)["full_scan"], 1)
        // … or the weekly full scan, a week after the last one.
        try resendInPlace("\(inbox)/2026-11-27/79/26506.csv", at: "2026-11-27T21:00:00+07:00")
        try touch("\(inbox)/2026-11-27/79", "2026-11-27T19:00:00+07:00")
        // (A folder changed recently, recorded by the weekly scan: see below.)
        try touch("\(inbox)/2026-11-26/46", "2026-12-10T12:00:00+07:00")
        XCTAssertEqual(newFiles(try run("2026-12-12T10:00:00+07:00")), 0, "six days after the last full scan")
        let weekly = try run("2026-12-12T11:00:00+07:00")
        XCTAssertEqual(newFiles(weekly), 1)
        XCTAssertTrue(weekly.stdout.contains("quét toàn bộ hộp thư đến hằng tuần (lần trước là 2026-12-05)"), weekly.stdout)

        // A folder younger than the horizon is always walked, even unchanged since the last run.
        let young = "\(inbox)/2026-11-26/46/19815.csv"
        try resendInPlace(young, at: "2026-12-10T12:00:00+07:00")
        try touch("\(inbox)/2026-11-26/46", "2026-12-10T12:00:00+07:00")
        XCTAssertEqual(newFiles(try run("2026-12-12T12:00:00+07:00")), 1)
        XCTAssertEqual(try discoverCounts(out)["folders_walked"], 1)
        // With a one-day horizon the same folder is old enough to skip.
        try resendInPlace(young, at: "2026-12-10T13:00:00+07:00")
        try touch("\(inbox)/2026-11-26/46", "2026-12-10T12:00:00+07:00")
        XCTAssertEqual(newFiles(try run("2026-12-12T13:00:00+07:00", ["--discovery-horizon-days", "1"])), 0)

        // Nothing was lost on the way: the skipped re-sent version is found by the next full scan.
        XCTAssertEqual(newFiles(try run("2026-12-12T14:00:00+07:00", ["--full-scan"])), 1)
    }

    func testTheHorizonIsValidated() throws {
        let dir = try TempDir("horizon-bad")
        let r = try dailyreports(["run", "--date", "2026-11-27", "--out", dir.path("out"), "--discovery-horizon-days", "0", "--lang", "en"])
        XCTAssertEqual(r.status, 64, r.both)
        XCTAssertTrue(r.stderr.contains("--discovery-horizon-days: give 1 to 366 days"), r.stderr)
        let yaml = try String(contentsOf: packageRoot.appendingPathComponent("Pipelines/national-daily.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "../SampleInputs", with: packageRoot.appendingPathComponent("SampleInputs").path)
        try (yaml + "\ndiscovery_horizon_days: 400\n").write(toFile: dir.path("p.yaml"), atomically: true, encoding: .utf8)
        let p = try dailyreports(["run", "--pipeline", dir.path("p.yaml"), "--date", "2026-11-27", "--out", dir.path("out"), "--lang", "en"])
        XCTAssertEqual(p.status, 64, p.both)
        XCTAssertTrue(p.stderr.contains("discovery_horizon_days: give 1 to 366 days"), p.stderr)
    }
}

import Foundation
import XCTest

/// Issue #19: a backfill's WAL stays bounded (a year's backfill grew it to 9.9 GB beside a 2.1 GB warehouse).
/// The pipeline measures the WAL file's size after every commit (`wal_peak_bytes` in the run log).
final class BoundedWALTests: XCTestCase {
    /// The sample pipeline with its registries by absolute path, and `extra` settings appended.
    func pipeline(in dir: TempDir, _ name: String, extra: String) throws -> String {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Pipelines/national-daily.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "../SampleInputs", with: packageRoot.appendingPathComponent("SampleInputs").path)
        let path = dir.path(name)
        try (text + "\n" + extra + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The counts of the backfill's `archive` stage in the run log.
    func archiveCounts(_ out: String) throws -> [String: Int] {
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/run-log.jsonl"))
        let lines = try data.split(separator: 0x0A).map { try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] ?? [:] }
        return try XCTUnwrap(lines.last { $0["stage"] as? String == "archive" }?["counts"] as? [String: Int], "the archive stage is logged")
    }

    /// Six report days recomputed over an ingested sample inbox: with a checkpoint after every commit the WAL never
    /// holds more than one day's commit; without (a limit above what it reaches) it grows day by day.
    func testABackfillCheckpointsTheWALAsItGoes() throws {
        let dir = try TempDir("wal")
        try stageInbox(dir.path("inbox"))
        try runNightly(date: "2026-11-27", inbox: dir.path("inbox"), out: dir.path("ingested"))
        var peaks: [String: Int] = [:]
        for (name, limit) in [("every-commit", 0), ("never", 1024)] {
            let out = dir.path("out-\(name)")
            try copyFolder(dir.path("ingested"), to: out)
            let p = try pipeline(in: dir, "\(name).yaml", extra: "wal_checkpoint_mib: \(limit)")
            let r = try dailyreports(["backfill", "--pipeline", p, "--from", "2026-11-20", "--to", "2026-11-27",
                                      "--inbox", dir.path("inbox"), "--out", out])
            XCTAssertEqual(r.status, 0, r.both)
            let counts = try archiveCounts(out)
            peaks[name] = counts["wal_peak_bytes"]
            // After each of the 6 days but the last.
            XCTAssertEqual(counts["wal_checkpoints"], limit == 0 ? 5 : 0)
            // Their time on the loading thread is on record (none without checkpoints).
            let ms = try XCTUnwrap(counts["wal_checkpoint_ms"], "wal_checkpoint_ms in the archive stage")
            if limit != 0 { XCTAssertEqual(ms, 0) } else { XCTAssertGreaterThanOrEqual(ms, 0) }
        }
        let bounded = try XCTUnwrap(peaks["every-commit"]), unbounded = try XCTUnwrap(peaks["never"])
        XCTAssertGreaterThan(bounded, 0, "the WAL was measured")
        XCTAssertGreaterThan(unbounded, 3 * bounded,
                             "without checkpoints the WAL holds every day's commits (\(unbounded) B); with them one day's (\(bounded) B)")
        // Checkpoints change nothing that was computed.
        assertSameExports(try snapshotCSVs(dir.path("out-every-commit")), try snapshotCSVs(dir.path("out-never")), "checkpointed vs not")
    }

    func testANegativeLimitIsRefused() throws {
        let dir = try TempDir("wal-bad")
        let p = try pipeline(in: dir, "bad.yaml", extra: "wal_checkpoint_mib: -1")
        let r = try dailyreports(["run", "--pipeline", p, "--date", "2026-11-27", "--out", dir.path("out"), "--lang", "en"])
        XCTAssertEqual(r.status, 64, r.both)
        XCTAssertTrue(r.stderr.contains("wal_checkpoint_mib: may not be negative"), r.stderr)
    }
}

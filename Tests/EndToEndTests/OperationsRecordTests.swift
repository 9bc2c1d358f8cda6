import Foundation
import ReportPipeline
import XCTest

/// Contract §7: every invocation on record in `run-log.jsonl`, and the metrics file after every run.
final class OperationsRecordTests: XCTestCase {
    /// The parsed lines of OUT/run-log.jsonl that record a whole invocation.
    func invocations(_ out: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/run-log.jsonl"))
        return try data.split(separator: 0x0A).map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]) }
            .filter { $0["event"] as? String == "invocation" }
    }

    /// `promtool check metrics` on a file: exit status and what it said.
    func promtool(_ path: String) throws -> ProcessResult {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/promtool") else {
            throw XCTSkip("/usr/bin/promtool is not installed (scripts/setup-deps installs Debian's prometheus)")
        }
        return try runProcess("/bin/sh", ["-c", "/usr/bin/promtool check metrics < \"$0\"", path])
    }

    /// The samples of a metrics file: `name{labels}` → value.
    func samples(_ path: String) throws -> [String: Double] {
        var s: [String: Double] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            s[String(parts[0])] = Double(parts[1])
        }
        return s
    }

    func testTheMetricsOfARealRunPassPromtool() throws {
        let dir = try TempDir("metrics")
        let (out, _) = try ownSampleRun(in: dir)
        let path = out + "/metrics/dailyreports.prom"
        let check = try promtool(path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(check.status, 0, "promtool check metrics: \(check.both)\n\(text)")
        let m = try samples(path)
        for name in ["dailyreports_last_run_timestamp_seconds", "dailyreports_last_success_timestamp_seconds",
                     "dailyreports_last_run_exit_code", "dailyreports_run_duration_seconds", "dailyreports_files_ingested",
                     "dailyreports_rows_accepted", "dailyreports_rows_rejected", "dailyreports_pending_dates"] {
            XCTAssertNotNil(m[name], "\(name) is in the file")
        }
        XCTAssertEqual(m["dailyreports_last_run_exit_code"], 0)
        XCTAssertEqual(m["dailyreports_pending_dates"], 0)
        for name in ["dailyreports_uploads_in_progress", "dailyreports_uploads_stalled", "dailyreports_inbox_not_regular_files"] {
            XCTAssertEqual(m[name], 0, "\(name): the sample inbox has none")
        }
        XCTAssertGreaterThan(m["dailyreports_rows_accepted"] ?? 0, 0)
        // The latest exported day is 2026-11-27: its national summary gives these (see Expected/2026-11-27).
        XCTAssertEqual(m["dailyreports_expected_reports{scope=\"VN\"}"], 3355)
        XCTAssertEqual(m["dailyreports_received_reports{scope=\"VN\"}"], 24)
        XCTAssertEqual(m["dailyreports_missing_reports{scope=\"04\"}"], 57)
        XCTAssertEqual(m["dailyreports_received_reports{scope=\"01\"}"], 7)
        XCTAssertNotNil(m["dailyreports_late_reports{scope=\"01\"}"])
        XCTAssertNotNil(m["dailyreports_findings{rule=\"outlier\"}"], "every rule has a series, 0 included")
        XCTAssertEqual(m.keys.filter { $0.hasPrefix("dailyreports_expected_reports{") }.count, 35, "VN and the 34 provinces")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out + "/metrics"), ["dailyreports.prom"], "no temporary file left")
    }

    func testALockRefusedRunIsLoggedWith75AndInTheMetrics() throws {
        let dir = try TempDir("refused")
        try FileManager.default.createDirectory(atPath: dir.path("inbox"), withIntermediateDirectories: true)
        let args = ["run", "--date", "2026-11-27", "--inbox", dir.path("inbox"), "--out", dir.path("out")]
        XCTAssertEqual(try dailyreports(args).status, 0)
        // Another process holds the lock (this test, through its own open file).
        let fd = open(dir.path("out/.lock"), O_RDWR | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
        let refused = try dailyreports(args)
        flock(fd, LOCK_UN)
        close(fd)
        XCTAssertEqual(refused.status, 75, refused.both)
        let lines = try invocations(dir.path("out"))
        XCTAssertEqual(lines.count, 2, "both invocations are on record")
        XCTAssertEqual(lines[0]["exit_code"] as? Int, 0)
        XCTAssertTrue(lines[0]["error"] is NSNull)
        let last = try XCTUnwrap(lines.last)
        XCTAssertEqual(last["exit_code"] as? Int, 75)
        XCTAssertEqual(last["command"] as? String, "run")
        XCTAssertEqual((last["arguments"] as? [String])?.suffix(args.count), ArraySlice(args))
        XCTAssertTrue((last["error"] as? String)?.contains("khoá") == true, "the message as printed, Vietnamese by default: \(last)")
        XCTAssertNotNil(last["start"] as? String)
        XCTAssertNotNil(last["end"] as? String)
        XCTAssertNotNil(last["version"] as? String)
        let m = try samples(dir.path("out/metrics/dailyreports.prom"))
        XCTAssertEqual(m["dailyreports_last_run_exit_code"], 75)
        XCTAssertNotNil(m["dailyreports_last_success_timestamp_seconds"], "the earlier success is still reported")
        XCTAssertEqual(try promtool(dir.path("out/metrics/dailyreports.prom")).status, 0)
    }

    func testAFailedRunIsLoggedWithItsErrorAndTheMetricsFileGoesWhereItIsTold() throws {
        let dir = try TempDir("failed")
        try FileManager.default.createDirectory(atPath: dir.path("out"), withIntermediateDirectories: true)
        let metrics = dir.path("textfile/dailyreports.prom")
        let r = try dailyreports(["run", "--date", "2026-02-30", "--inbox", sampleInbox.path, "--out", dir.path("out"),
                                  "--metrics-file", metrics])
        XCTAssertEqual(r.status, 64, r.both)
        let line = try XCTUnwrap(try invocations(dir.path("out")).last)
        XCTAssertEqual(line["exit_code"] as? Int, 64)
        XCTAssertTrue((line["error"] as? String)?.contains("--date") == true, "\(line)")
        let m = try samples(metrics)
        XCTAssertEqual(m["dailyreports_last_run_exit_code"], 64)
        XCTAssertNil(m["dailyreports_last_success_timestamp_seconds"], "never succeeded: absent, so an alert on absent() fires")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("out/metrics")), "only where it was told")
    }

    /// A run that published its day but could not write its metrics file (a textfile path under a file, a folder it may
    /// not write) ends 64, says the reports were published, and logs the error: before, it ended 0 with one stderr line
    /// that `scripts/cron-job` (which prints only failures) swallowed, and monitoring went blind without a word.
    func testASuccessWhoseMetricsCannotBeWrittenEndsWithThatError() throws {
        let dir = try TempDir("metrics-unwritable")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        FileManager.default.createFile(atPath: dir.path("textfile"), contents: Data("not a folder".utf8))
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out,
                                  "--metrics-file", dir.path("textfile/dailyreports.prom")])
        XCTAssertEqual(r.status, 64, r.both)
        XCTAssertTrue(r.stderr.contains("các báo cáo đã được công bố, nhưng không ghi được tệp chỉ số metrics"), r.both)
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(out)/exports/2026-11-27/national_summary.csv"), "published")
        let line = try XCTUnwrap(try invocations(out).last)
        XCTAssertEqual(line["exit_code"] as? Int, 64)
        XCTAssertTrue((line["error"] as? String)?.contains("textfile") == true, "\(line)")
    }

    /// A run refused because the warehouse is damaged (74) cannot read the last success from it: the metrics file
    /// keeps the one it had, so an alert on its age fires at the right time instead of at once (or never).
    func testARefusedRunOnADamagedWarehouseKeepsTheLastSuccessInTheMetrics() throws {
        let dir = try TempDir("metrics-damaged")
        let (out, _) = try ownSampleRun(in: dir)
        let path = out + "/metrics/dailyreports.prom"
        let before = try samples(path)
        let success = try XCTUnwrap(before["dailyreports_last_success_timestamp_seconds"])
        // Garbage after a valid header: the file is kept, but nothing in it can be read.
        let wh = out + "/warehouse.sqlite"
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: wh)[.size] as? Int)
        var bytes = Array("SQLite format 3\u{0}".utf8)
        bytes += [UInt8](repeating: 0x5A, count: size - bytes.count)
        try Data(bytes).write(to: URL(fileURLWithPath: wh))
        try? FileManager.default.removeItem(atPath: wh + "-wal")
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", dir.path("inbox"), "--out", out])
        XCTAssertEqual(r.status, 74, r.both)
        let after = try samples(path)
        XCTAssertEqual(after["dailyreports_last_run_exit_code"], 74)
        XCTAssertEqual(after["dailyreports_last_success_timestamp_seconds"], success, "carried over from the file it rewrote")
        XCTAssertEqual(after["dailyreports_pending_dates"], before["dailyreports_pending_dates"])
        XCTAssertEqual(try promtool(path).status, 0)
    }

    func testTheProductionExamplePipelineLoads() throws {
        let c = try PipelineConfig.load(path: packageRoot.appendingPathComponent("Pipelines/production.example.yaml").path)
        XCTAssertEqual(c.output, "/srv/dailyreports/out")
        XCTAssertEqual(c.inbox, "/srv/dailyreports/inbox")
        XCTAssertEqual(c.units, "/srv/dailyreports/registries/units.csv")
        XCTAssertEqual(c.metricsFile, "/var/lib/prometheus/node-exporter/dailyreports.prom")
        XCTAssertEqual(c.language, .vi)
        XCTAssertEqual(c.deadline, .standard)
    }

    func testVersionNamesTheBuildAndTheContract() throws {
        let r = try dailyreports(["--version"])
        XCTAssertEqual(r.status, 0, r.both)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, r.stdout)
        XCTAssertTrue(lines[0].hasPrefix("dailyreports 1."), r.stdout)
        XCTAssertTrue(lines[1].hasPrefix("commit: ") && !lines[1].hasPrefix("commit: unknown"), "a checkout has a commit: \(r.stdout)")
        XCTAssertTrue(lines[2].hasPrefix("built: 20"), r.stdout)
        XCTAssertEqual(lines[3], "contract: v1.1")
    }

    /// scripts/cron-job: lines carry the time and the exit code; silent on success, loud on failure.
    func testTheCronJobStampsItsLinesAndPrintsOnlyFailures() throws {
        let dir = try TempDir("cronjob")
        let job = packageRoot.appendingPathComponent("scripts/cron-job").path
        let ok = try runProcess("/bin/bash", [job, dir.path("out"), "/bin/echo", "all good"])
        XCTAssertEqual(ok.status, 0)
        XCTAssertEqual(ok.stdout, "", "nothing printed, so cron mails nothing")
        let bad = try runProcess("/bin/bash", [job, dir.path("out"), "/bin/sh", "-c", "echo 'dailyreports: broken' >&2; exit 64"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stdout.contains("exit=64 dailyreports: broken"), bad.stdout)
        let log = try String(contentsOfFile: dir.path("out/cron.log"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(log.count, 4, "\(log)")
        for line in log {
            XCTAssertNotNil(line.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00 exit=\d+ "#, options: .regularExpression), String(line))
        }
        XCTAssertTrue(log[1].hasSuffix("exit=0 kết thúc: xong"), "Vietnamese by default: \(log[1])")
        XCTAssertTrue(log[3].hasSuffix("exit=64 kết thúc: lỗi cách dùng hoặc cấu hình: hãy sửa thiết lập được nêu ở trên rồi chạy lại"),
                      String(log[3]))
    }

    /// A job killed (kill -9, the OOM killer) or that could not start says so, not "kết thúc: kết thúc với mã 137".
    func testTheCronJobNamesAKilledOrMissingCommand() throws {
        let dir = try TempDir("cronjob-killed")
        let job = packageRoot.appendingPathComponent("scripts/cron-job").path
        let killed = try runProcess("/bin/bash", [job, dir.path("out"), "/bin/sh", "-c", "kill -9 $$"])
        XCTAssertEqual(killed.status, 137, killed.both)
        XCTAssertTrue(killed.stdout.hasSuffix("exit=137 kết thúc: bị dừng bởi tín hiệu 9 (bị kill hoặc hết bộ nhớ); dữ liệu vẫn ở trạng thái tốt gần nhất, lần chạy sau sẽ làm nốt phần còn dở\n"),
                      killed.stdout)
        let missing = try runProcess("/bin/bash", [job, dir.path("out"), dir.path("no/dailyreports"), "run"])
        XCTAssertEqual(missing.status, 127, missing.both)
        XCTAssertTrue(missing.stdout.contains("exit=127 kết thúc: không khởi động được lệnh (\(dir.path("no/dailyreports"))): hãy dựng chương trình bằng scripts/build-release"),
                      missing.stdout)
    }

    /// scripts/cron-job's closing line is English when the command is: `--lang en`, or its pipeline file's `language: en`.
    func testTheCronJobsClosingLineFollowsTheCommandsLanguage() throws {
        let dir = try TempDir("cronjob-lang")
        let job = packageRoot.appendingPathComponent("scripts/cron-job").path
        let byFlag = try runProcess("/bin/sh", ["-c", "\"$0\" \"$1\" /bin/sh -c 'exit 75' x --lang en", job, dir.path("out")])
        XCTAssertEqual(byFlag.status, 75, byFlag.both)
        XCTAssertTrue(byFlag.stdout.hasSuffix("exit=75 finished: try later (lock held or temporary failure); the next scheduled run tries again\n"),
                      byFlag.stdout)
        try "registries: {}\nlanguage: en\n".write(toFile: dir.path("p.yaml"), atomically: true, encoding: .utf8)
        let byFile = try runProcess("/bin/bash", [job, dir.path("out"), "/bin/sh", "-c", "exit 65", "x", "--pipeline", dir.path("p.yaml")])
        XCTAssertTrue(byFile.stdout.hasSuffix("exit=65 finished: input too broken to use\n"), byFile.stdout)
        let flagWins = try runProcess("/bin/bash", [job, dir.path("out"), "/bin/sh", "-c", "exit 65", "x", "--pipeline", dir.path("p.yaml"),
                                                    "--lang", "vi"])
        XCTAssertTrue(flagWins.stdout.hasSuffix("exit=65 kết thúc: dữ liệu đầu vào hỏng tới mức không dùng được\n"), flagWins.stdout)
    }
}

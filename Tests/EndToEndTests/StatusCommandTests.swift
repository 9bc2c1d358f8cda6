import Foundation
import XCTest

/// `dailyreports status` (contract §7): reads only, exits 0, says what an operator asks in the morning.
final class StatusCommandTests: XCTestCase {
    /// A copy of the sample run's output with one date pending and one published before its deadline.
    func preparedOutput(_ dir: TempDir) throws -> String {
        let (out, _) = try ownSampleRun(in: dir)
        let w = out + "/warehouse.sqlite"
        let r = try runProcess("/usr/bin/sqlite3", [w, "INSERT INTO pending_dates (report_date, figures) VALUES ('2026-11-25', 1)"])
        XCTAssertEqual(r.status, 0, r.both)
        // As if 2026-11-27 had been exported at 02:30 the next night, before its 10:00 deadline.
        let summary = out + "/exports/2026-11-27/summary.json"
        var doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as? [String: Any])
        var run = try XCTUnwrap(doc["run"] as? [String: Any])
        run["startedAt"] = "2026-11-28T02:30:00+07:00"
        doc["run"] = run
        doc.removeValue(forKey: "publication")
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: summary))
        return out
    }

    func testStatusTellsRunsPendingProvisionalProvincesAndChronicallyMissingUnits() throws {
        let dir = try TempDir("status")
        let out = try preparedOutput(dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/warehouse.sqlite"))
        let r = try dailyreports(["status", "--out", out, "--json"])
        XCTAssertEqual(r.status, 0, r.both)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(doc["pending_dates"] as? [String], ["2026-11-25"])
        XCTAssertEqual(doc["provisional_dates"] as? [String], ["2026-11-27"])
        XCTAssertEqual(doc["latest_exported_day"] as? String, "2026-11-27")
        let runs = try XCTUnwrap(doc["last_runs"] as? [[String: Any]])
        XCTAssertEqual(runs.first?["exit_code"] as? Int, 0)
        XCTAssertEqual(runs.first?["command"] as? String, "run")
        let provinces = try XCTUnwrap(doc["provinces"] as? [[String: Any]])
        XCTAssertEqual(provinces.count, 34)
        let hanoi = try XCTUnwrap(provinces.first { $0["code"] as? String == "01" })
        XCTAssertEqual(hanoi["latest_report_day"] as? String, "2026-11-27")
        // Cao Bằng sent nothing for 2026-11-27 (Expected/2026-11-27/national_summary.csv: 0 received).
        let caoBang = try XCTUnwrap(provinces.first { $0["code"] as? String == "04" })
        XCTAssertNotEqual(caoBang["latest_report_day"] as? String, "2026-11-27")
        // Units missing on every report day 2026-11-23 … 27 (2025-06-30, exported for a stray row, is not next to them).
        var missingEveryDay: Set<String>?
        for date in try exportedDates(out) where date >= "2026-11-23" {
            let codes = Set(try readCSVTable("\(out)/exports/\(date)/missing_reports.csv").compactMap { $0["unit_code"] })
            missingEveryDay = missingEveryDay.map { $0.intersection(codes) } ?? codes
        }
        let chronic = try XCTUnwrap(doc["chronically_missing"] as? [[String: Any]])
        XCTAssertFalse(chronic.isEmpty)
        let fiveDays = Set(chronic.filter { $0["days"] as? Int == 5 }.compactMap { $0["unit_code"] as? String })
        XCTAssertFalse(fiveDays.isEmpty)
        XCTAssertTrue(fiveDays == missingEveryDay, "\(fiveDays.count) units listed missing 5 days, \(missingEveryDay?.count ?? 0) expected")
        XCTAssertTrue(chronic.allSatisfy { ($0["days"] as? Int ?? 0) >= 3 })
        XCTAssertTrue(chronic.contains { !($0["contact_phone"] as? String ?? "").isEmpty }, "with contacts")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/warehouse.sqlite")), before, "read only")
    }

    /// A run that died is placed among the others by the machine's clock, as their invocation lines are, not by
    /// its own `--now` (a simulated week listed the killed night out of order).
    func testADiedRunIsListedInOrderWhateverItsOwnClock() throws {
        let dir = try TempDir("status-died")
        let (out, _) = try ownSampleRun(in: dir)
        // Run 2 began (its own clock: 2020) and died: a warehouse row still `running`, its first run-log line now.
        let r = try runProcess("/usr/bin/sqlite3", [out + "/warehouse.sqlite",
            "INSERT INTO runs (id, command, arguments, started_at) VALUES (2, 'run', '[]', 1577836800)"])
        XCTAssertEqual(r.status, 0, r.both)
        let line = #"{"run":2,"stage":"setup","start":"2099-01-01T00:00:00+07:00","end":"2099-01-01T00:00:01+07:00"}"# + "\n"
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: out + "/run-log.jsonl"))
        try log.seekToEnd()
        try log.write(contentsOf: Data(line.utf8))
        try log.close()
        let s = try dailyreports(["status", "--out", out, "--json"])
        XCTAssertEqual(s.status, 0, s.both)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(s.stdout.utf8)) as? [String: Any])
        let runs = try XCTUnwrap(doc["last_runs"] as? [[String: Any]])
        XCTAssertEqual(runs.first?["start"] as? String, "2099-01-01T00:00:00+07:00", "\(runs)")
        XCTAssertEqual(runs.first?["error"] as? String, "running")
        XCTAssertEqual(runs.dropFirst().first?["exit_code"] as? Int, 0)
    }

    func testStatusSpeaksVietnameseByDefaultAndEnglishOnRequest() throws {
        let dir = try TempDir("status-text")
        let out = try preparedOutput(dir)
        let vi = try dailyreports(["status", "--out", out])
        XCTAssertEqual(vi.status, 0, vi.both)
        XCTAssertTrue(vi.stdout.contains("Các lần chạy gần nhất:"), vi.stdout)
        XCTAssertTrue(vi.stdout.contains("Ngày chờ tính lại: 2026-11-25"), vi.stdout)
        XCTAssertTrue(vi.stdout.contains("Ngày còn tạm tính (xuất trước hạn nộp): 2026-11-27"), vi.stdout)
        XCTAssertTrue(vi.stdout.contains("Đơn vị thiếu báo cáo từ 3 ngày báo cáo liên tiếp trở lên"), vi.stdout)
        let en = try dailyreports(["status", "--out", out, "--lang", "en"])
        XCTAssertEqual(en.status, 0, en.both)
        XCTAssertTrue(en.stdout.contains("Dates pending recomputation: 2026-11-25"), en.stdout)
    }

    func testStatusOfAFolderWhereNothingRanSaysSoAndExits0() throws {
        let dir = try TempDir("status-empty")
        let r = try dailyreports(["status", "--out", dir.path("nothing-here")])
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertTrue(r.stdout.contains("Chưa có kho dữ liệu"), r.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("nothing-here")), "status creates nothing")
    }

    /// A warehouse whose pages are damaged (the header intact) is said to be damaged, as a run would refuse it,
    /// not read as if sound; status still exits 0 and changes nothing.
    func testStatusSaysAWarehouseIsDamaged() throws {
        let dir = try TempDir("status-damaged")
        let (out, _) = try ownSampleRun(in: dir)
        try damageLeafPage(of: "report_rows_key", in: out + "/warehouse.sqlite")
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/warehouse.sqlite"))
        let r = try dailyreports(["status", "--out", out])
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertTrue(r.stdout.contains("Không đọc được kho dữ liệu") && r.stdout.contains("bị hỏng") && r.stdout.contains("khôi phục"),
                      r.stdout)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/warehouse.sqlite")), before, "status changes nothing")
    }

    /// The operator reads `status` in the morning, not the cron log: what the latest run left in the inbox to chase
    /// (an interrupted upload, an upload still going, a link, a sender whose clock is ahead) is listed there with what
    /// to do. Before, only the run's own summary line named them, and `status` said nothing of the inbox.
    func testStatusNamesWhatTheLatestRunLeftInTheInbox() throws {
        let dir = try TempDir("status-inbox")
        let inbox = dir.path("inbox"), out = dir.path("out")
        let folder = try sampleUploads([("00070.csv", "00070.csv"), ("00187.csv", "00187.csv.part"), ("00235.csv", "00235.csv.crdownload"),
                                        ("00256.csv", "00256.csv")], inbox: inbox, touchedAt: "2026-11-27T19:30:00+07:00")
        try touch("\(folder)/00235.csv.crdownload", "2026-11-28T06:30:00+07:00")
        try touch("\(folder)/00256.csv", "2031-01-01T08:00:00+07:00")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/link.csv", withDestinationPath: "\(folder)/00070.csv")
        let run = ["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out, "--now", "2026-11-28T07:00:00+07:00"]
        XCTAssertEqual(try dailyreports(run).status, 0)

        let r = try dailyreports(["status", "--out", out])
        XCTAssertEqual(r.status, 0, r.both)
        for line in [
            "  1 tệp tải lên dở không thay đổi đã hơn 1 giờ (từ 2026-11-27T19:30:00+07:00): việc gửi có lẽ đã bị gián đoạn, "
                + "hãy báo đơn vị gửi lại tệp: 2026-11-27/01/00187.csv.part\n",
            "  1 tệp đang tải lên dở, để lại cho lần chạy sau: 2026-11-27/01/00235.csv.crdownload\n",
            "  1 mục không phải tệp thường (liên kết tượng trưng, …) không được đọc: hãy chép chính tệp vào hộp thư đến: "
                + "2026-11-27/01/link.csv\n",
            "  1 tệp có thời gian sửa đổi muộn hơn đồng hồ của máy chủ (đến 2031-01-01T08:00:00+07:00), được tính là nhận lúc lần "
                + "chạy thấy chúng: hãy báo đơn vị chỉnh lại giờ máy: 2026-11-27/01/00256.csv\n",
        ] {
            XCTAssertTrue(r.stdout.contains(line), "missing \(line) in\n\(r.stdout)")
        }
        XCTAssertTrue(r.stdout.contains("\nHộp thư đến, ở lần chạy gần nhất ("), r.stdout)
        let json = try dailyreports(["status", "--out", out, "--json"])
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let left = try XCTUnwrap(doc["inbox"] as? [String: Any])
        let stalled = try XCTUnwrap(left["stalled"] as? [String: Any])
        XCTAssertEqual(stalled["count"] as? Int, 1)
        XCTAssertEqual(stalled["paths"] as? [String], ["2026-11-27/01/00187.csv.part"])
        XCTAssertEqual((left["uploads_in_progress"] as? [String: Any])?["count"] as? Int, 1)

        // Once the uploads have ended and the link is gone, the next run leaves nothing, and status says so.
        try FileManager.default.moveItem(atPath: "\(folder)/00187.csv.part", toPath: "\(folder)/00187.csv")
        try FileManager.default.moveItem(atPath: "\(folder)/00235.csv.crdownload", toPath: "\(folder)/00235.csv")
        try FileManager.default.removeItem(atPath: "\(folder)/link.csv")
        XCTAssertEqual(try dailyreports(run).status, 0)
        let after = try dailyreports(["status", "--out", out])
        XCTAssertTrue(after.stdout.contains("): không có tệp nào cần theo dõi.\n"), after.stdout)
        XCTAssertFalse(after.stdout.contains("00187.csv.part"), after.stdout)
    }
}

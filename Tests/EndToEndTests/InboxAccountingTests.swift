import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Every inbox file is accounted for (contract §2): a name that is not UTF-8 is still a submission, shown
/// escaped; uploads in progress are left and counted; undated duplicates follow their own received time.
final class InboxAccountingTests: XCTestCase {
    private func write(_ bytes: Data, toRawPath path: [UInt8]) throws {
        let fd = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw E2EError.setup("cannot create \(path)") }
        defer { close(fd) }
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    func testANameThatIsNotUTF8IsIngestedAndShownEscaped() throws {
        let dir = try TempDir("nonutf8")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try FileManager.default.createDirectory(atPath: "\(inbox)/2026-11-27/01", withIntermediateDirectories: true)
        // A Windows-1258 "ố" (0xF4) in the name, as a zip made on Windows leaves it; one row is bad.
        let bytes = try Data(contentsOf: sampleInbox.appendingPathComponent("2026-11-27/01/00070.csv"))
            + Data("2026-11-27,00070,Phường Hoàn Kiếm,1.000102,x,0,0,0,0,0,0,2026-11-27T19:29:26+07:00,,,\n".utf8)
        let name = Array("\(inbox)/2026-11-27/01/b\u{E1}o c\u{E1}o ".utf8) + [0xF4, 0xFF] + Array(".csv".utf8)
        try write(bytes, toRawPath: name)
        let shown = "2026-11-27/01/báo cáo \\xf4\\xff.csv"
        let utimes = try runProcess("/bin/sh", ["-c", "touch -d 2026-11-27T19:30:00+07:00 '\(inbox)'/2026-11-27/01/*.csv"])
        XCTAssertEqual(utimes.status, 0, utimes.both)

        let r = try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        XCTAssertTrue(r.stdout.contains("1 tệp mới"), r.both)
        let rejects = try readCSVTable("\(out)/exports/2026-11-27/rejects.csv")
        XCTAssertEqual(rejects.map { $0["file"] }, [shown], "the reject names the file with its bad bytes escaped")
        XCTAssertEqual(rejects.first?["reason"], "bad_count")
        let missing = try readCSVTable("\(out)/exports/2026-11-27/missing_reports.csv")
        XCTAssertFalse(missing.contains { $0["unit_code"] == "00070" }, "the unit reported")
        let list = try runProcess("/bin/tar", ["--quoting-style=literal", "-tzf", "\(out)/archive/2026/11/2026-11-27.tar.gz"])
        XCTAssertTrue(list.stdout.contains(shown), list.both)
        XCTAssertEqual(try dailyreports(["archive", "verify", "--out", out]).status, 0)

        // Seen once: the next run finds nothing new.
        let again = try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        XCTAssertTrue(again.stdout.contains("0 tệp mới"), again.both)
    }

    func testUploadsInProgressAreLeftAndCounted() throws {
        let dir = try TempDir("inprogress")
        let inbox = dir.path("inbox"), out = dir.path("out")
        // The uploads are being written now (their times are the copy's); the finished file arrived last evening.
        let folder = try sampleUploads([("00070.csv", "00070.csv"), ("00187.csv", "00187.csv.part"), ("00235.csv", "00235.csv.crdownload"),
                                        ("00256.csv", "00256.tmp"), ("00004.csv", "00004.csv.partial")], inbox: inbox)
        try touch("\(folder)/00070.csv", "2026-11-27T19:30:00+07:00")
        let r = try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        XCTAssertTrue(r.stdout.contains("1 tệp mới"), r.both)
        XCTAssertTrue(r.stdout.contains("4 tệp đang tải lên dở"), r.both)
        XCTAssertFalse(r.stdout.contains("gián đoạn"), r.both)
        let log = try String(contentsOfFile: "\(out)/run-log.jsonl", encoding: .utf8)
        XCTAssertTrue(log.contains("\"uploads_in_progress\":4") || log.contains("\"uploads_in_progress\": 4"), log)

        // The upload finishes (renamed to its final name): the next run takes it.
        try FileManager.default.moveItem(atPath: "\(folder)/00187.csv.part", toPath: "\(folder)/00187.csv")
        let next = try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        XCTAssertTrue(next.stdout.contains("1 tệp mới"), next.both)
        XCTAssertTrue(next.stdout.contains("3 tệp đang tải lên dở"), next.both)
    }

    /// An upload that has not changed for over an hour was probably interrupted: the unit thinks it has sent its report,
    /// which is missing. The summary says so, with the time it stopped and what to do; before, it was one more "upload
    /// in progress", night after night.
    func testAnUploadUnchangedForAnHourIsSaidToBeInterrupted() throws {
        let dir = try TempDir("stalled")
        let inbox = dir.path("inbox"), out = dir.path("out")
        let folder = try sampleUploads([("00070.csv", "00070.csv"), ("00187.csv", "00187.csv.part"), ("00235.csv", "00235.csv.crdownload")],
                                       inbox: inbox, touchedAt: "2026-11-27T19:30:00+07:00")
        try touch("\(folder)/00235.csv.crdownload", "2026-11-28T06:30:00+07:00")
        let now = ["--now", "2026-11-28T07:00:00+07:00"]
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out] + now)
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertTrue(r.stdout.contains(", 1 tệp đang tải lên dở, để lại cho lần chạy sau (2026-11-27/01/00235.csv.crdownload)"), r.both)
        XCTAssertTrue(r.stdout.contains(", 1 tệp tải lên dở không thay đổi đã hơn 1 giờ (2026-11-27/01/00187.csv.part; từ 2026-11-27 19:30): "
                                        + "việc gửi có lẽ đã bị gián đoạn, hãy báo đơn vị gửi lại tệp"), r.both)
        let log = try String(contentsOfFile: "\(out)/run-log.jsonl", encoding: .utf8)
        XCTAssertTrue(log.contains("\"uploads_stalled\":1") || log.contains("\"uploads_stalled\": 1"), log)
        // An operator's alert can watch it: the metrics file counts both, the stalled one among those in progress.
        let metrics = try String(contentsOfFile: "\(out)/metrics/dailyreports.prom", encoding: .utf8)
        XCTAssertTrue(metrics.contains("\ndailyreports_uploads_stalled 1\n") && metrics.contains("\ndailyreports_uploads_in_progress 2\n"),
                      metrics)
        let en = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out, "--lang", "en"] + now)
        XCTAssertTrue(en.stdout.contains(", 1 upload(s) in progress unchanged for over an hour (2026-11-27/01/00187.csv.part; "
                                         + "since 2026-11-27 19:30): the sending was probably interrupted"), en.both)
    }

    /// An office whose computer's clock runs years ahead sends files that keep its times (SFTP, `rsync -t`). Before, such
    /// a file was received "in 2030": rejected whole, its reject waited for a report day years away, and the run said
    /// nothing. Now a file cannot be received after the run saw it, and the summary names it.
    func testAFileTimedAheadOfTheClockIsReceivedWhenSeen() throws {
        let dir = try TempDir("ahead")
        let inbox = dir.path("inbox"), out = dir.path("out")
        let folder = "\(inbox)/2026-11-27/01"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sampleInbox.appendingPathComponent("2026-11-27/01/00070.csv").path,
                                         toPath: "\(folder)/00070.csv")
        FileManager.default.createFile(atPath: "\(folder)/00187.csv", contents: Data())
        for name in ["00070.csv", "00187.csv"] { try touch("\(folder)/\(name)", "2030-01-01T08:00:00+07:00") }
        let before = Int64(Date().timeIntervalSince1970)
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out])
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertTrue(r.stdout.contains(", 2 tệp có thời gian sửa đổi muộn hơn đồng hồ của máy chủ (2026-11-27/01/00070.csv, "
                                        + "2026-11-27/01/00187.csv; đến 2030-01-01 08:00): được tính là nhận lúc lần chạy này thấy chúng"), r.both)
        let received = try sqlite("\(out)/warehouse.sqlite", "SELECT received_at FROM submissions ORDER BY path;").map { Int64($0[0]) ?? 0 }
        XCTAssertEqual(received.count, 2)
        for t in received { XCTAssertTrue(t >= before && t <= Int64(Date().timeIntervalSince1970), "\(received)") }
        let rejectDays = try sqlite("\(out)/warehouse.sqlite", """
            SELECT d.report_date FROM submission_dates d JOIN submissions s ON s.id = d.submission_id
            WHERE s.path LIKE '%00187.csv';
            """).map { $0[0] }
        XCTAssertEqual(rejectDays.count, 1)
        // The reporting window that holds the run: within days of now, not in 2030.
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        let soon = format.string(from: Date().addingTimeInterval(10 * 86_400))
        XCTAssertTrue(rejectDays.allSatisfy { $0 <= soon }, "\(rejectDays)")
        let log = try String(contentsOfFile: "\(out)/run-log.jsonl", encoding: .utf8)
        XCTAssertTrue(log.contains("\"times_ahead\":2") || log.contains("\"times_ahead\": 2"), log)
    }

    /// Two empty files (the same bytes) received on 2026-11-24 and 2026-11-26, and a dated file copied under
    /// a second name on 2026-11-26: each empty file's reject and archive member go to its own reporting

    /// Links are not followed, but they are not passed over in silence either: a province that links its communes'
    /// files into the inbox learns from every run's summary that they were not read (before, nothing said so).
    func testLinksAndPipesInTheInboxAreNamedNotRead() throws {
        let dir = try TempDir("links")
        let inbox = dir.path("inbox"), out = dir.path("out")
        let folder = "\(inbox)/2026-11-27/01"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let src = sampleInbox.appendingPathComponent("2026-11-27/01/00070.csv").path
        try FileManager.default.copyItem(atPath: src, toPath: "\(folder)/00070.csv")
        try FileManager.default.copyItem(atPath: src, toPath: dir.path("elsewhere.csv"))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: "\(folder)/00187.csv", withDestinationPath: dir.path("elsewhere.csv"))
        try fm.createSymbolicLink(atPath: "\(folder)/gone.csv", withDestinationPath: dir.path("nothing-here.csv"))
        try fm.createSymbolicLink(atPath: "\(folder)/up", withDestinationPath: "..")
        XCTAssertEqual(mkfifo("\(folder)/pipe.csv", 0o644), 0)
        try touch("\(folder)/00070.csv", "2026-11-27T19:30:00+07:00")

        let r = try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertTrue(r.stdout.contains("1 tệp mới"), r.both)
        XCTAssertTrue(r.stdout.contains("4 mục không phải tệp thường (liên kết tượng trưng, …) không được đọc "
                                        + "(2026-11-27/01/00187.csv, 2026-11-27/01/gone.csv, 2026-11-27/01/pipe.csv)"), r.both)
        let log = try String(contentsOfFile: "\(out)/run-log.jsonl", encoding: .utf8)
        XCTAssertTrue(log.contains("\"not_regular_files\":4"), log)
        let kept = try sqlite("\(out)/warehouse.sqlite", "SELECT path FROM submissions ORDER BY path;").map { $0[0] }
        XCTAssertEqual(kept, ["2026-11-27/01/00070.csv"])

        // Named again by the next run, however old the folder (it is not recorded as seen), until the link is replaced.
        let next = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out, "--now", "2026-12-20T07:00:00+07:00"])
        XCTAssertTrue(next.stdout.contains("4 mục không phải tệp thường"), next.both)
        try fm.removeItem(atPath: "\(folder)/00187.csv")
        try fm.copyItem(atPath: dir.path("elsewhere.csv"), toPath: "\(folder)/00187.csv")
        let replaced = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", out, "--now", "2026-12-21T07:00:00+07:00"])
        XCTAssertTrue(replaced.stdout.contains("3 mục không phải tệp thường"), replaced.both)
        XCTAssertTrue(replaced.stdout.contains("1 tệp mới"), replaced.both)
    }
    /// window; the dated copy goes with the date its rows carry.
    func testUndatedDuplicatesFollowTheirOwnReceivedTime() throws {
        let dir = try TempDir("dupwindow")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try FileManager.default.createDirectory(atPath: "\(inbox)/bad", withIntermediateDirectories: true)
        for (name, time) in [("empty-a.csv", "2026-11-24T19:00:00+07:00"), ("empty-b.csv", "2026-11-26T19:00:00+07:00")] {
            try Data().write(to: URL(fileURLWithPath: "\(inbox)/bad/\(name)"))
            try touch("\(inbox)/bad/\(name)", time)
        }
        let dated = sampleInbox.appendingPathComponent("2026-11-25/01/00008.csv").path
        try FileManager.default.copyItem(atPath: dated, toPath: "\(inbox)/bad/a.csv")
        try touch("\(inbox)/bad/a.csv", "2026-11-25T19:00:00+07:00")
        try FileManager.default.copyItem(atPath: dated, toPath: "\(inbox)/bad/copy-of-a.csv")
        try touch("\(inbox)/bad/copy-of-a.csv", "2026-11-26T19:00:00+07:00")
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)

        func rejectFiles(_ day: String) throws -> [String] {
            try readCSVTable("\(out)/exports/\(day)/rejects.csv").compactMap { $0["file"] }
        }
        XCTAssertEqual(try rejectFiles("2026-11-24"), ["bad/empty-a.csv"])
        XCTAssertEqual(try rejectFiles("2026-11-26"), ["bad/empty-b.csv"])
        func members(_ day: String) throws -> Set<String> {
            let r = try runProcess("/bin/tar", ["-tzf", "\(out)/archive/2026/11/\(day).tar.gz"])
            return Set(r.stdout.split(separator: "\n").map(String.init)).subtracting(["MANIFEST.sha256", "manifest.json"])
        }
        XCTAssertEqual(try members("2026-11-24"), ["bad/empty-a.csv"])
        XCTAssertEqual(try members("2026-11-25"), ["bad/a.csv", "bad/copy-of-a.csv"])
        XCTAssertEqual(try members("2026-11-26"), ["bad/empty-b.csv"])
        XCTAssertEqual(try dailyreports(["archive", "verify", "--out", out]).status, 0)
    }
}

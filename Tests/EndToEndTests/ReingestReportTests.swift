import Foundation
import XCTest

/// Issue #14 item 4: after a registry change, `run` says which dates kept rows may change, `--dry-run --reingest`
/// lists the differences and the files, and `--reingest` says per date what changed.
final class ReingestReportTests: XCTestCase {
    func testARenamedCommuneIsNamedByRunDryRunAndReingest() throws {
        let dir = try TempDir("reingest-report")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        // 2026-11-23/46/19815.csv names its unit only ("An Cựu"): a rename makes its rows unknown_unit.
        let units = try editedSampleRegistry("units.csv", in: dir) { $0.replacingOccurrences(of: "19815,Phường An Cựu,", with: "19815,Phường An Cựu Mới,") }
        let common = ["--units", units, "--inbox", inbox, "--out", out]

        let plan = try dailyreports(["backfill", "--from", "2026-11-23", "--to", "2026-11-23", "--dry-run", "--reingest"] + common)
        XCTAssertEqual(plan.status, 0, plan.both)
        XCTAssertTrue(plan.stdout.contains("đơn vị 19815: tên \"Phường An Cựu\" → \"Phường An Cựu Mới\""), plan.stdout)
        XCTAssertTrue(plan.stdout.contains("tệp đã lưu sẽ đọc lại ("), plan.stdout)
        XCTAssertTrue(plan.stdout.contains("  2026-11-23/46/19815.csv"), plan.stdout)
        XCTAssertNotNil(plan.stdout.range(of: #"sẽ đọc 0 tệp mới và đọc lại [1-9]\d* tệp đã lưu, [0-9.]+ MB"#,
                                          options: .regularExpression), "the kept files count in what it reads: \(plan.stdout)")
        XCTAssertTrue(plan.stdout.contains("ước tính thời gian: ~"), "recent runs give a throughput: \(plan.stdout)")

        let run = try dailyreports(["run", "--date", "2026-11-27"] + common)
        XCTAssertEqual(run.status, 0, run.both)
        XCTAssertTrue(run.stdout.contains("danh mục đã thay đổi kể từ lần chạy trước (1 đơn vị)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("có thể được chuẩn hoá khác đi"), run.stdout)
        XCTAssertTrue(run.stdout.contains("backfill --dry-run --reingest --from 2026-11-23"), run.stdout)

        let r = try dailyreports(["backfill", "--from", "2026-11-23", "--to", "2026-11-23", "--reingest"] + common)
        XCTAssertEqual(r.status, 0, r.both)
        let rejected = try readCSVTable("\(out)/exports/2026-11-23/rejects.csv")
            .filter { $0["file"] == "2026-11-23/46/19815.csv" && $0["reason"] == "unknown_unit" }
        XCTAssertEqual(rejected.count, 16, "every row of the name-only file")
        XCTAssertTrue(r.stdout.contains("2026-11-23: 16 dòng mới bị từ chối"), r.stdout)
        XCTAssertTrue(r.stdout.contains("0 dòng mới được nhận, 16 dòng mới bị từ chối"), r.stdout)
        XCTAssertTrue(r.stdout.contains("còn chờ 2026-11-24"), "later days are named: \(r.stdout)")
        let restated = try readCSVTable("\(out)/restatements.csv").filter { $0["report_date"] == "2026-11-23" }
        XCTAssertFalse(restated.isEmpty)
        XCTAssertEqual(Set(restated.map { $0["cause"] }), ["reingest"])
        // Nothing is duplicated, nothing lost: rows of the day are the other files' rows.
        let dupes = try sqlite("\(out)/warehouse.sqlite",
                               "SELECT COUNT(*) FROM (SELECT submission_id, line, procedure_code FROM report_rows GROUP BY 1, 2, 3 HAVING COUNT(*) > 1);")
        XCTAssertEqual(dupes.first?.first, "0")
    }

    /// The notice names only the dates whose kept rejects the change may resolve: a unit added with code 88888
    /// names 2026-11-26 (a row rejected for 88888), not 2026-11-27 (rejects naming other units); a unit added
    /// as "Phường Không Tồn Tại" names 2026-11-27 (a row rejected for that name), not 2026-11-26.
    func testTheRegistryNoticeNamesOnlyTheDatesTheChangeMayResolve() throws {
        let dir = try TempDir("registry-notice")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        try """
            report_date,unit_code,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,returned,pending_on_time,pending_overdue,submitted_at
            2026-11-26,88888,1.000101,4,1,2,0,0,0,0,2026-11-26T15:00:00+07:00

            """.write(toFile: "\(inbox)/2026-11-26/01/88888.csv", atomically: true, encoding: .utf8)
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        let unknown = try sqlite("\(out)/warehouse.sqlite",
                                 "SELECT DISTINCT report_date FROM rejects WHERE reason = 'unknown_unit' ORDER BY 1;").map { $0[0] }
        XCTAssertEqual(unknown, ["2026-11-26", "2026-11-27"], "both dates hold unknown_unit rejects")

        let added = try editedSampleRegistry("units.csv", in: dir) { $0 + "88888,Xã Thử Nghiệm,commune,01,xã,,2025-07-01,\n" }
        let first = try dailyreports(["run", "--date", "2026-11-27", "--units", added, "--inbox", inbox, "--out", out])
        XCTAssertEqual(first.status, 0, first.both)
        XCTAssertTrue(first.stdout.contains("danh mục đã thay đổi kể từ lần chạy trước (1 đơn vị): các dòng đã lưu của 1 ngày (2026-11-26)"),
                      first.stdout)
        XCTAssertTrue(first.stdout.contains("backfill --dry-run --reingest --from 2026-11-26 --to 2026-11-26"), first.stdout)

        let named = dir.path("units-named.csv")
        try (try String(contentsOfFile: added, encoding: .utf8) + "88889,Phường Không Tồn Tại,commune,01,phường,,2025-07-01,\n")
            .write(toFile: named, atomically: true, encoding: .utf8)
        let second = try dailyreports(["run", "--date", "2026-11-27", "--units", named, "--inbox", inbox, "--out", out, "--lang", "en"])
        XCTAssertEqual(second.status, 0, second.both)
        XCTAssertTrue(second.stdout.contains("the registries changed since the last run (1 unit(s)): kept rows of 1 date(s) (2026-11-27)"),
                      second.stdout)

        // A registry edit no kept row or reject names: no notice at all.
        let unrelated = dir.path("units-unrelated.csv")
        try (try String(contentsOfFile: named, encoding: .utf8) + "88890,Xã Không Ai Gửi,commune,01,xã,,2025-07-01,\n")
            .write(toFile: unrelated, atomically: true, encoding: .utf8)
        let third = try dailyreports(["run", "--date", "2026-11-27", "--units", unrelated, "--inbox", inbox, "--out", out])
        XCTAssertEqual(third.status, 0, third.both)
        XCTAssertFalse(third.stdout.contains("danh mục đã thay đổi"), third.stdout)
    }

    /// Issue #17 items 1, 5 and 7: the summary line counts the days, summary.json records the version,
    /// and the dry run says how much it would read.
    func testSummaryLineVersionAndDryRunEstimate() throws {
        let dir = try TempDir("summary-line")
        let (out, result) = try ownSampleRun(in: dir)
        XCTAssertTrue(result.stdout.contains("đã xuất 6 ngày (2025-06-30 … 2026-11-27)"), result.stdout)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/exports/2026-11-27/summary.json")))
        let run = try XCTUnwrap((summary as? [String: Any])?["run"] as? [String: Any])
        XCTAssertTrue((run["version"] as? String)?.hasPrefix("1.") == true, "\(run)")
        let dryRun = ["backfill", "--from", "2026-11-23", "--to", "2026-11-27", "--dry-run", "--inbox", sampleInbox.path, "--out", out]
        let plan = try dailyreports(dryRun)
        XCTAssertEqual(plan.status, 0, plan.both)
        XCTAssertNotNil(plan.stdout.range(of: #"sẽ đọc \d+ tệp mới, [0-9.]+ MB, ~\d+ dòng"#, options: .regularExpression), plan.stdout)
        XCTAssertTrue(plan.stdout.contains("ước tính thời gian: ~"), plan.stdout)
        XCTAssertTrue(plan.stdout.hasPrefix("kế hoạch: backfill 2026-11-23 … 2026-11-27 vào "), plan.stdout)
        let en = try dailyreports(dryRun + ["--lang", "en"])
        XCTAssertEqual(en.status, 0, en.both)
        XCTAssertNotNil(en.stdout.range(of: #"would read \d+ new file\(s\), [0-9.]+ MB, ~\d+ row\(s\)"#, options: .regularExpression), en.stdout)
        XCTAssertTrue(en.stdout.contains("estimated time: ~"), en.stdout)
        XCTAssertTrue(en.stdout.hasPrefix("plan: backfill 2026-11-23 … 2026-11-27 into "), en.stdout)
    }

    /// A commune moved to another province changes the provinces' figures with no new data: restated with cause
    /// registry_change (issue #17 item 4).
    func testAMovedCommuneRestatesWithCauseRegistryChange() throws {
        let dir = try TempDir("registry-change")
        let inbox = dir.path("inbox"), out = dir.path("out")
        try stageInbox(inbox)
        try runNightly(date: "2026-11-27", inbox: inbox, out: out)
        let units = try editedSampleRegistry("units.csv", in: dir) { $0.replacingOccurrences(of: "00070,Phường Hoàn Kiếm,commune,01,", with: "00070,Phường Hoàn Kiếm,commune,46,") }
        let r = try dailyreports(["run", "--date", "2026-11-27", "--units", units, "--inbox", inbox, "--out", out])
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertTrue(r.stdout.contains("ngày bị tính lại: 2026-11-27"), r.stdout)
        let restated = try readCSVTable("\(out)/restatements.csv")
        XCTAssertTrue(restated.contains { $0["scope_code"] == "01" && $0["figure"] == "expected_reports" }, "\(restated)")
        XCTAssertEqual(Set(restated.map { $0["cause"] }), ["registry_change"], "\(restated)")
    }

    /// The summary line a person reads is Vietnamese by default, and `--lang en` gives the English one with the same
    /// figures; the machine-read counts do not change.
    func testTheSummaryLineIsVietnameseByDefaultAndEnglishWithLangEn() throws {
        let dir = try TempDir("summary-language")
        let inbox = dir.path("inbox")
        try stageInbox(inbox)
        let vi = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", dir.path("vi")])
        let en = try dailyreports(["run", "--date", "2026-11-27", "--inbox", inbox, "--out", dir.path("en"), "--lang", "en"])
        XCTAssertEqual(vi.status, 0, vi.both)
        XCTAssertEqual(en.status, 0, en.both)
        XCTAssertEqual(en.stdout, "2026-11-27: 141 new file(s), 1779 row(s) accepted, 50 rejected, 1 duplicate(s) skipped; "
                       + "exported 6 days (2025-06-30 … 2026-11-27) to \(dir.path("en"))/exports; 3331 missing, 0 late, 0 finding(s)\n")
        XCTAssertEqual(vi.stdout, "2026-11-27: 141 tệp mới, 1779 dòng được nhận, 50 dòng bị từ chối, bỏ qua 1 tệp trùng lặp; "
                       + "đã xuất 6 ngày (2025-06-30 … 2026-11-27) vào \(dir.path("vi"))/exports; 3331 thiếu báo cáo, 0 nộp muộn, 0 bất thường\n")
        XCTAssertFalse(vi.stdout.contains("new file"), vi.stdout)
        XCTAssertFalse(en.stdout.contains("tệp mới"), en.stdout)
    }
}

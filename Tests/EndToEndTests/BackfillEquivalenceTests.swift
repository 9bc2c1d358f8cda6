import Foundation
import XCTest

/// Contract §4: the five CSV files of a date are byte-identical however the date was reached.
/// (a) five nightly runs, each over an inbox holding only what had arrived by that night, versus
/// (b) one `backfill --from 2026-11-23 --to 2026-11-27` over the whole staged inbox.
final class BackfillEquivalenceTests: XCTestCase {
    private static let days = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"]

    func testNightlyRunsEqualOneBackfill() throws {
        let dir = try TempDir("backfill-eq")
        let staged = dir.path("staged")
        try stageInbox(staged)

        // (a) One inbox folder that grows night by night; `cp -a` keeps the staged received times.
        let nightlyInbox = dir.path("nightly-inbox"), nightlyOut = dir.path("nightly-out")
        try FileManager.default.createDirectory(atPath: nightlyInbox, withIntermediateDirectories: true)
        for day in Self.days {
            var arriving = [day]
            // bad/ and resent/ were received on 2026-11-27 at 19:30 (scripts/stage-sample-inbox).
            if day == Self.days.last { arriving += ["bad", "resent"] }
            for folder in arriving { try copyFolder("\(staged)/\(folder)", to: "\(nightlyInbox)/\(folder)") }
            try runNightly(date: day, inbox: nightlyInbox, out: nightlyOut)
        }

        // (b) One backfill over everything into a fresh output folder.
        let backfillOut = dir.path("backfill-out")
        let b = try dailyreports(["backfill", "--from", Self.days[0], "--to", Self.days.last!, "--inbox", staged, "--out", backfillOut])
        XCTAssertEqual(b.status, 0, "backfill failed:\n\(b.both)")
        guard b.status == 0 else { return }

        let nightly = try snapshotCSVs(nightlyOut), backfill = try snapshotCSVs(backfillOut)
        for day in Self.days {
            XCTAssertNotNil(nightly[day], "the nightly runs exported \(day)")
            XCTAssertNotNil(backfill[day], "the backfill exported \(day)")
        }
        // Every date either way exported (2025-06-30 too: bad/inactive_unit.csv's rejected rows carry it).
        assertSameExports(backfill, nightly, "backfill (got) vs nightly runs (expected)")

        // The warehouse: the same submissions, every accepted row (superseded ones too), rejects and findings.
        let queries: [(String, String)] = [
            ("submissions", "SELECT path, sha256, size, received_at, status, coalesce(duplicate_of, '') FROM submissions ORDER BY path, sha256"),
            ("report_rows", """
                SELECT s.path, r.line, r.report_date, r.unit_code, r.procedure_code, r.received_online, r.received_offline,
                       r.resolved_on_time, r.resolved_late, r.returned, r.pending_on_time, r.pending_overdue, r.submitted_at,
                       r.reporter_name, r.reporter_email, r.reporter_phone, r.note
                FROM report_rows r JOIN submissions s ON s.id = r.submission_id ORDER BY 1, 2, 3, 4, 5
                """),
            ("unit_reports", """
                SELECT s.path, u.report_date, u.unit_code, u.submitted_at, u.line
                FROM unit_reports u JOIN submissions s ON s.id = u.submission_id ORDER BY 1, 2, 3, 4, 5
                """),
            ("rejects", "SELECT file, line, reason, coalesce(report_date, ''), detail FROM rejects ORDER BY 1, 2, 3, 4"),
            ("findings", """
                SELECT report_date, unit_code, procedure_code, rule, metric, value, expected, score, detail FROM findings
                ORDER BY 1, 2, 3, 4, 5
                """),
            ("day_snapshots", "SELECT report_date, hex(counts) FROM day_snapshots ORDER BY 1"),
            ("pending_dates", "SELECT report_date, figures FROM pending_dates ORDER BY 1"),
        ]
        for (table, sql) in queries {
            let a = try sqlite("\(nightlyOut)/warehouse.sqlite", sql).map { $0.joined(separator: "|") }
            let c = try sqlite("\(backfillOut)/warehouse.sqlite", sql).map { $0.joined(separator: "|") }
            if a != c {
                let onlyNightly = Set(a).subtracting(c).sorted().prefix(5), onlyBackfill = Set(c).subtracting(a).sorted().prefix(5)
                XCTFail("\(table): \(a.count) rows after the nightly runs, \(c.count) after the backfill; "
                        + "only nightly: \(Array(onlyNightly)); only backfill: \(Array(onlyBackfill))")
            }
        }
        // The winning rows of each date: the rows the exports are made of, counted by date.
        let winners = "SELECT report_date, count(*) FROM (SELECT DISTINCT report_date, unit_code, procedure_code FROM report_rows) GROUP BY 1 ORDER BY 1"
        XCTAssertEqual(try sqlite("\(backfillOut)/warehouse.sqlite", winners), try sqlite("\(nightlyOut)/warehouse.sqlite", winners),
                       "(date, unit, procedure) keys per date")

        // Archives: the same dates, the same members.
        for out in [nightlyOut, backfillOut] {
            let v = try dailyreports(["archive", "verify", "--out", out])
            XCTAssertEqual(v.status, 0, "archive verify --out \(out):\n\(v.both)")
        }
        XCTAssertEqual(try archiveListings(backfillOut), try archiveListings(nightlyOut), "archives: files and tar -tzf listings")
    }
}

/// archive path relative to OUT → sorted `tar -tzf` listing.
private func archiveListings(_ out: String) throws -> [String: [String]] {
    var result: [String: [String]] = [:]
    guard let walker = FileManager.default.enumerator(atPath: "\(out)/archive") else { return [:] }
    for case let rel as String in walker where rel.hasSuffix(".tar.gz") {
        let r = try runProcess("/usr/bin/tar", ["-tzf", "\(out)/archive/\(rel)"])
        XCTAssertEqual(r.status, 0, "tar -tzf \(rel): \(r.stderr)")
        result[rel] = r.stdout.split(separator: "\n").map(String.init).sorted()
    }
    return result
}

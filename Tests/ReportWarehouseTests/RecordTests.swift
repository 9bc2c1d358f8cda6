import ReportModel
@testable import ReportWarehouse
import XCTest

final class RecordTests: XCTestCase {
    var wh: Warehouse!
    var run: Int64 = 0

    override func setUpWithError() throws {
        (wh, _) = try makeWarehouse(self)
        run = try wh.beginRun(command: "run", arguments: [], startedAt: at("2026-11-28T01:00:00"))
    }

    private func count(_ table: String) throws -> Int {
        let s = try wh.db.prepare("SELECT count(*) FROM \(table)")
        defer { s.reset() }
        _ = try s.step()
        return s.int(0)
    }

    func testRejectsByDate() throws {
        let sub = submission("mixed.csv", received: at("2026-11-27T17:00:00"), status: .partial, dates: [day1, day2])
        try wh.record(submission: sub, rows: [row(submitted: at("2026-11-27T17:00:00"))], unitReports: [], rejects: [
            Reject(file: "mixed.csv", line: 5, reason: .unknownUnit, detail: "no unit has code 99999", raw: "x", reportDate: day2),
            Reject(file: "mixed.csv", line: 3, reason: .badCount, detail: "-1", raw: "y", reportDate: day1),
            Reject(file: "mixed.csv", line: 9, reason: .unterminatedQuote, detail: "tail", raw: "\"…", reportDate: nil),
        ], notes: [Note(file: "mixed.csv", line: 1, kind: "unknown_column", detail: "ghi_chu_2")], runId: run)
        try wh.record(submission: submission("bad.csv", received: at("2026-11-28T09:00:00"), status: .rejected, dates: [day1]),
                      rows: [], unitReports: [], rejects: [
                          Reject(file: "bad.csv", line: 0, reason: .emptyFile, detail: "", raw: ""),
                      ], notes: [], runId: run)
        XCTAssertEqual(try wh.rejects(on: day2).map { "\($0.file):\($0.line) \($0.reason.rawValue)" },
                       ["mixed.csv:5 unknown_unit", "mixed.csv:9 unterminated_quote"])
        XCTAssertEqual(try wh.rejects(on: day1).map { "\($0.file):\($0.line) \($0.reason.rawValue)" },
                       ["bad.csv:0 empty_file", "mixed.csv:3 bad_count", "mixed.csv:9 unterminated_quote"])
        XCTAssertEqual(try wh.rejects(on: day1)[1].reportDate, day1)
        XCTAssertEqual(try wh.rejects(on: day2)[1].reportDate, nil)
        XCTAssertEqual(try wh.rejects(on: Day(iso: "2026-11-30")!), [])
        XCTAssertEqual(try wh.submissions(on: day1).map(\.path), ["bad.csv", "mixed.csv"])
        XCTAssertEqual(try wh.submissions(on: day1)[1].reportDates, [day1, day2])
        XCTAssertEqual(try wh.submissions(on: day1)[1].status, .partial)
        XCTAssertEqual(try wh.notes(file: "mixed.csv").map(\.kind), ["unknown_column"])
    }

    func testKnownFileAndFirstSubmission() throws {
        XCTAssertNil(try wh.knownFile(path: "a.csv"))
        XCTAssertNil(try wh.firstSubmission(sha256: "abc"))
        var first = submission("a.csv", received: at("2026-11-27T17:00:00"), sha: "abc", status: .rejected, dates: [day2])
        first.size = 42
        try wh.record(submission: first, rows: [], unitReports: [], rejects: [
            Reject(file: "a.csv", line: 0, reason: .badJSON, detail: "unexpected end", raw: "{", reportDate: nil),
        ], notes: [], runId: run)
        var dup = submission("copy.csv", received: at("2026-11-27T18:00:00"), sha: "abc", status: .duplicate)
        dup.duplicateOf = "a.csv"
        try wh.record(submission: dup, rows: [], unitReports: [], rejects: [],
                      notes: [Note(file: "copy.csv", line: 0, kind: "duplicate", detail: "a.csv")], runId: run)
        // a.csv changed in place: a new submission at the same path.
        var changed = submission("a.csv", received: at("2026-11-27T19:00:00"), sha: "def", dates: [day2])
        changed.size = 77
        try wh.record(submission: changed, rows: [row(submitted: at("2026-11-27T19:00:00"))], unitReports: [], rejects: [],
                      notes: [], runId: run)

        let k = try XCTUnwrap(try wh.knownFile(path: "a.csv"))
        XCTAssertEqual(k, KnownFile(size: 77, mtimeNanos: changed.mtimeNanos, sha256: "def", status: .accepted))
        XCTAssertEqual(try wh.knownFile(path: "copy.csv")?.status, .duplicate)
        XCTAssertEqual(try wh.fileStamps().count, 2)
        XCTAssertEqual(try wh.fileStamps()["a.csv"], FileStamp(size: 77, mtimeNanos: changed.mtimeNanos))

        let f = try XCTUnwrap(try wh.firstSubmission(sha256: "abc"))
        XCTAssertEqual(f.path, "a.csv")
        XCTAssertEqual(f.status, .rejected)
        XCTAssertEqual(f.fileReject?.reason, .badJSON)
        XCTAssertEqual(f.fileReject?.detail, "unexpected end")
        XCTAssertEqual(f.reportDates, [day2])
        XCTAssertNil(try wh.firstSubmission(sha256: "def")?.fileReject)
    }

    func testBatchIsOneTransactionRolledBackOnError() throws {
        let good = (submission("good.csv", received: at("2026-11-27T17:00:00")),
                    [row(submitted: at("2026-11-27T17:00:00"))], [unitReport(submitted: at("2026-11-27T17:00:00"))],
                    [Reject](), [Note]())
        let bad = (submission("bad.csv", received: at("2026-11-27T17:00:00")),
                   [row(online: -1, submitted: at("2026-11-27T17:00:00"))], [UnitReport](), [Reject](), [Note]())
        XCTAssertThrowsError(try wh.recordBatch([good, bad], runId: run)) { e in
            XCTAssertEqual((e as? ReportError)?.code, .internal)
            XCTAssertNotNil((e as? ReportError)?.cause)
        }
        for t in ["submissions", "submission_dates", "report_rows", "unit_reports", "rejects", "notes"] {
            XCTAssertEqual(try count(t), 0, t)
        }
        // The connection is usable afterwards, and the same batch without the bad file lands.
        XCTAssertEqual(try wh.recordBatch([good], runId: run).count, 1)
        XCTAssertEqual(try count("report_rows"), 1)
    }

    func testTransactionRollsBackOnThrow() throws {
        struct Boom: Error {}
        XCTAssertThrowsError(try wh.transaction {
            try wh.record(submission: submission("a.csv", received: at("2026-11-27T17:00:00")),
                          rows: [row(submitted: at("2026-11-27T17:00:00"))], unitReports: [], rejects: [], notes: [], runId: run)
            try wh.replaceFindings([], on: day2, runId: run)
            throw Boom()
        })
        XCTAssertEqual(try count("submissions"), 0)
        XCTAssertEqual(try count("report_rows"), 0)
        // A nested failure undoes only the inner work.
        try wh.transaction {
            try wh.record(submission: submission("a.csv", received: at("2026-11-27T17:00:00")),
                          rows: [], unitReports: [], rejects: [], notes: [], runId: run)
            _ = try? wh.transaction { () throws -> Int in
                try wh.record(submission: submission("b.csv", received: at("2026-11-27T17:00:00")),
                              rows: [], unitReports: [], rejects: [], notes: [], runId: run)
                throw Boom()
            }
        }
        XCTAssertEqual(try count("submissions"), 1)
    }

    func testFindingsReplace() throws {
        func finding(_ unit: String, _ proc: String, _ rule: CheckRule, _ metric: String, day: Day = day2) -> Finding {
            Finding(reportDate: day, unitCode: unit, procedureCode: proc, rule: rule, metric: metric, value: "12",
                    expected: "3", score: "4.5", detail: "d")
        }
        try wh.replaceFindings([finding("00073", "1.000101", .outlier, "received"),
                                finding("00070", "", .repeatedReport, "report"),
                                finding("00070", "1.000101", .outlier, "resolved"),
                                finding("00070", "1.000101", .balanceMismatch, "pending")], on: day2, runId: run)
        try wh.replaceFindings([finding("00070", "", .unregisteredReporter, "reporter", day: day1)], on: day1, runId: run)
        XCTAssertEqual(try wh.findings(on: day2).map { "\($0.unitCode)/\($0.procedureCode)/\($0.rule.rawValue)/\($0.metric)" },
                       ["00070//repeated_report/report", "00070/1.000101/balance_mismatch/pending",
                        "00070/1.000101/outlier/resolved", "00073/1.000101/outlier/received"])
        let run2 = try wh.beginRun(command: "run", arguments: [], startedAt: at("2026-11-29T01:00:00"))
        try wh.replaceFindings([finding("00075", "1.000101", .outlier, "received")], on: day2, runId: run2)
        XCTAssertEqual(try wh.findings(on: day2), [finding("00075", "1.000101", .outlier, "received")])
        XCTAssertEqual(try wh.findings(on: day1).count, 1, "other dates untouched")
        XCTAssertThrowsError(try wh.replaceFindings([finding("00070", "", .outlier, "x", day: day1)], on: day2, runId: run2))
    }

    func testPublishedAndRestatements() throws {
        XCTAssertEqual(try wh.publishedHashes(on: day2), [:])
        try wh.setPublished(day: day2, name: "rejects.csv", sha256: "h1", runId: run)
        try wh.setPublished(day: day2, name: "national_summary.csv", sha256: "h2", runId: run)
        try wh.setPublished(day: day2, name: "rejects.csv", sha256: "h3", runId: run)
        XCTAssertEqual(try wh.publishedHashes(on: day2), ["rejects.csv": "h3", "national_summary.csv": "h2"])
        let r = Restatement(at: at("2026-11-29T01:00:00"), reportDate: day2, scope: "VN", figure: "received_reports",
                            oldValue: "3000", newValue: "3001", cause: Restatement.Cause.correction.rawValue)
        try wh.recordRestatement(r, runId: run)
        var recorded = r
        recorded.runId = run
        XCTAssertEqual(try wh.restatements(on: day2), [recorded], "the run and the cause are kept")
    }
}

import ReportModel
import ReportWarehouse
import XCTest

final class SupersessionTests: XCTestCase {
    var wh: Warehouse!
    var run: Int64 = 0

    override func setUpWithError() throws {
        (wh, _) = try makeWarehouse(self)
        run = try wh.beginRun(command: "run", arguments: [], startedAt: at("2026-11-28T01:00:00"))
    }

    private func put(_ path: String, received: String, rows: [ReportRow]) throws {
        try wh.record(submission: submission(path, received: at(received)), rows: rows,
                      unitReports: rows.map { unitReport($0.reportDate, unit: $0.unitCode, submitted: $0.submittedAt, line: $0.line) },
                      rejects: [], notes: [], runId: run)
    }

    private func winner(_ day: Day = day2) throws -> StoredRow {
        let w = try wh.winningRows(on: day)
        XCTAssertEqual(w.count, 1)
        try assertCountsPickTheSameWinners(day)
        return try XCTUnwrap(w.first)
    }

    /// `winningCounts` (no join, ties broken in code) picks what `winningRows` (SQL's order) picks.
    private func assertCountsPickTheSameWinners(_ day: Day, file: StaticString = #filePath, line: UInt = #line) throws {
        let rows = try wh.winningRows(on: day).map { "\($0.row.unitCode) \($0.row.procedureCode) \($0.row.counts)" }
        let counts = try wh.winningCounts(on: day).map { "\($0.unit) \($0.procedure) \($0.counts)" }
        XCTAssertEqual(counts, rows, file: file, line: line)
    }

    func testEveryTieBreakPicksTheSameWinnerInCountsAsInRows() throws {
        let t = at("2026-11-27T17:00:00")
        // Each procedure's rows tie one step further down the order: submitted_at, received_at, path, line, submission.
        try put("b/x.csv", received: "2026-11-27T17:10:00", rows: [
            row(procedure: "1.000001", online: 1, submitted: t, line: 2),
            row(procedure: "1.000002", online: 1, submitted: t, line: 3),
            row(procedure: "1.000003", online: 1, submitted: t, line: 4),
            row(procedure: "1.000004", online: 1, submitted: t, line: 5),
            row(procedure: "1.000004", online: 2, submitted: t, line: 9),
        ])
        try put("a/x.csv", received: "2026-11-27T17:20:00", rows: [
            row(procedure: "1.000001", online: 3, submitted: at("2026-11-27T16:00:00"), line: 2),
            row(procedure: "1.000002", online: 4, submitted: t, line: 3),
        ])
        try put("c/ả.csv", received: "2026-11-27T17:10:00", rows: [row(procedure: "1.000003", online: 5, submitted: t, line: 1)])
        try put("b/x.csv", received: "2026-11-27T17:10:00", rows: [row(procedure: "1.000004", online: 6, submitted: t, line: 9)])
        try assertCountsPickTheSameWinners(day2)
        XCTAssertEqual(try wh.winningCounts(on: day2).map(\.counts.receivedOnline), [1, 4, 5, 6])
    }

    func testLatestSubmittedAtWinsEvenIfReceivedEarlier() throws {
        try put("b.csv", received: "2026-11-27T18:00:00", rows: [row(online: 2, submitted: at("2026-11-27T17:30:00"))])
        try put("a.csv", received: "2026-11-27T17:45:00", rows: [row(online: 1, submitted: at("2026-11-27T17:40:00"))])
        let w = try winner()
        XCTAssertEqual(w.row.counts.receivedOnline, 1)
        XCTAssertEqual(w.submissionPath, "a.csv")
        XCTAssertEqual(w.receivedAt, at("2026-11-27T17:45:00"))
        XCTAssertEqual(w.row.reporter.fullName, "Nguyễn Văn A")
        XCTAssertEqual(w.row.note, "ghi chú")
        XCTAssertEqual(try wh.allRows(on: day2).count, 2, "superseded rows stay in history")
    }

    func testTieOnSubmittedAtGoesToLaterReceivedAt() throws {
        let t = at("2026-11-27T17:00:00")
        try put("z.csv", received: "2026-11-27T17:10:00", rows: [row(online: 1, submitted: t)])
        try put("a.csv", received: "2026-11-27T17:20:00", rows: [row(online: 2, submitted: t)])
        XCTAssertEqual(try winner().submissionPath, "a.csv")
    }

    func testTieOnReceivedAtGoesToGreaterPath() throws {
        let t = at("2026-11-27T17:00:00")
        try put("b/report.csv", received: "2026-11-27T17:10:00", rows: [row(online: 2, submitted: t)])
        try put("a/report.csv", received: "2026-11-27T17:10:00", rows: [row(online: 1, submitted: t)])
        XCTAssertEqual(try winner().submissionPath, "b/report.csv")
        XCTAssertEqual(try winner().row.counts.receivedOnline, 2)
    }

    func testTieOnPathGoesToLaterLine() throws {
        let t = at("2026-11-27T17:00:00")
        try put("a.csv", received: "2026-11-27T17:10:00",
                rows: [row(online: 7, submitted: t, line: 9), row(online: 3, submitted: t, line: 4)])
        let w = try winner()
        XCTAssertEqual(w.row.line, 9)
        XCTAssertEqual(w.row.counts.receivedOnline, 7)
    }

    func testKeysAreIndependentAndSorted() throws {
        let t = at("2026-11-27T17:00:00")
        try put("a.csv", received: "2026-11-27T17:10:00", rows: [
            row(unit: "00073", procedure: "1.000101", submitted: t, line: 2),
            row(unit: "00070", procedure: "2.000001", submitted: t, line: 3),
            row(unit: "00070", procedure: "1.000101", submitted: t, line: 4),
            row(day1, unit: "00070", procedure: "1.000101", submitted: t, line: 5),
        ])
        try put("b.csv", received: "2026-11-27T17:20:00", rows: [
            row(unit: "00070", procedure: "2.000001", online: 9, submitted: at("2026-11-27T18:00:00"), line: 2),
        ])
        let w = try wh.winningRows(on: day2)
        XCTAssertEqual(w.map { "\($0.row.unitCode) \($0.row.procedureCode) \($0.submissionPath)" },
                       ["00070 1.000101 a.csv", "00070 2.000001 b.csv", "00073 1.000101 a.csv"])
        let range = try wh.winningRows(from: day1, through: day2)
        XCTAssertEqual(range.map(\.row.reportDate), [day1, day2, day2, day2])
        XCTAssertEqual(try wh.winningRows(from: day2, through: day1), [])
        XCTAssertEqual(try wh.datesWithData(), [day1, day2])
    }

    func testFirstReportsCountsSupersededEarlierSubmission() throws {
        try put("early.csv", received: "2026-11-28T09:00:00", rows: [row(submitted: at("2026-11-28T09:00:00"))])
        try put("late.csv", received: "2026-11-28T11:00:00", rows: [row(online: 5, submitted: at("2026-11-28T11:00:00"))])
        try put("other.csv", received: "2026-11-28T12:00:00",
                rows: [row(unit: "00073", submitted: at("2026-11-28T12:00:00"))])
        XCTAssertEqual(try winner(day2, unit: "00070").submissionPath, "late.csv")
        XCTAssertEqual(try wh.firstReports(on: day2),
                       ["00070": at("2026-11-28T09:00:00"), "00073": at("2026-11-28T12:00:00")])
        XCTAssertEqual(try wh.unitReports(on: day2).map(\.submittedAt),
                       [at("2026-11-28T09:00:00"), at("2026-11-28T11:00:00"), at("2026-11-28T12:00:00")])
        XCTAssertEqual(try wh.firstReports(on: day1), [:])
    }

    func testEmptyEnvelopeIsAReportWithoutRows() throws {
        try wh.record(submission: submission("env.json", received: at("2026-11-27T17:00:00")), rows: [],
                      unitReports: [unitReport(submitted: at("2026-11-27T16:00:00"), line: 1)], rejects: [], notes: [],
                      runId: run)
        XCTAssertEqual(try wh.winningRows(on: day2), [])
        XCTAssertEqual(try wh.firstReports(on: day2), ["00070": at("2026-11-27T16:00:00")])
        XCTAssertEqual(try wh.submissions(on: day2).map(\.path), ["env.json"], "the envelope's date joins the submission's dates")
    }

    private func winner(_ day: Day, unit: String) throws -> StoredRow {
        try XCTUnwrap(try wh.winningRows(on: day).first { $0.row.unitCode == unit })
    }
}

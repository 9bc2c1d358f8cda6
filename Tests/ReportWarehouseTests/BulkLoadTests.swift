import Foundation
import ReportModel
import ReportWarehouse
import XCTest

/// A national day: ~3,300 files, ~50,000 rows, recorded in one transaction.
/// Full size when `WAREHOUSE_BENCH=1` (run it in release: `swift test -c release --filter BulkLoad`); a tenth otherwise.
final class BulkLoadTests: XCTestCase {
    func testBulkLoadOneDay() throws {
        let full = ProcessInfo.processInfo.environment["WAREHOUSE_BENCH"] == "1"
        // Best of three in bench mode: the machine is shared, so single timings are noisy.
        for _ in 0..<(full ? 3 : 1) { try loadOneDay(full: full) }
    }

    private func loadOneDay(full: Bool) throws {
        let files = full ? 3_300 : 330
        let rowsTotal = full ? 50_000 : 5_000
        let (wh, _) = try makeWarehouse(self)
        let run = try wh.beginRun(command: "bench", arguments: [], startedAt: at("2026-11-28T01:00:00"))
        let day = day2
        let received = at("2026-11-27T17:00:00")
        var items: [SubmissionRecord] = []
        items.reserveCapacity(files)
        var made = 0
        for f in 0..<files {
            let unit = String(format: "%05d", f + 1)
            let n = (rowsTotal - made) / (files - f)
            let path = "2026-11-27/\(unit)/bao-cao.csv"
            let t = Timestamp(seconds: received.seconds + Int64(f))
            let rows = (0..<n).map { i in
                ReportRow(reportDate: day, unitCode: unit, procedureCode: String(format: "1.%06d", i + 1),
                          counts: Counts(receivedOnline: i, receivedOffline: 1, resolvedOnTime: 2, resolvedLate: 0,
                                         returned: 0, pendingOnTime: 5, pendingOverdue: 1),
                          submittedAt: t, line: i + 2,
                          reporter: Reporter(fullName: "Nguyễn Văn An", email: "an.\(unit)@example.gov.vn", phone: "0912345678"),
                          note: i % 10 == 0 ? "Ghi chú về hồ sơ" : "")
            }
            made += n
            let rejects = f % 20 == 0
                ? [Reject(file: path, line: n + 2, reason: .unknownProcedure, detail: "no procedure 9.999999",
                          raw: "2026-11-27,\(unit),9.999999,1,2,3,4,5,6,7", reportDate: day)]
                : []
            items.append((submission(path, received: t, status: rejects.isEmpty ? .accepted : .partial, dates: [day]),
                           rows, [unitReport(day, unit: unit, submitted: t)], rejects, []))
        }
        XCTAssertEqual(made, rowsTotal)

        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = threadCPUSeconds()
        try wh.recordBatch(items, runId: run)
        let cpu = threadCPUSeconds() - cpuStart
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9

        let qStart = DispatchTime.now().uptimeNanoseconds
        let winners = try wh.winningRows(on: day)
        let qSeconds = Double(DispatchTime.now().uptimeNanoseconds - qStart) / 1e9
        XCTAssertEqual(winners.count, rowsTotal)
        XCTAssertEqual(try wh.firstReports(on: day).count, files)
        print(String(format: "bulk load: %d rows in %d files in %.3f s = %.0f rows/s (CPU %.3f s = %.0f rows/s); winningRows(on:) %.3f s",
                     rowsTotal, files, seconds, Double(rowsTotal) / seconds, cpu, Double(rowsTotal) / cpu, qSeconds))
    }

    /// CPU time of this thread (the machine is shared: wall time includes other people's builds).
    private func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

import Foundation
import ReportModel
import ReportWarehouse
import XCTest

/// A fresh warehouse file in its own temporary folder, removed at the end of the test.
func makeWarehouse(_ test: XCTestCase, file: String = "warehouse.sqlite") throws -> (Warehouse, String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wh-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent(file).path
    return (try Warehouse(path: path), path)
}

let day1 = Day(iso: "2026-11-26")!
let day2 = Day(iso: "2026-11-27")!

func at(_ iso: String) -> Timestamp { Timestamp(parsing: iso)! }

func submission(_ path: String, received: Timestamp, sha: String? = nil, status: SubmissionStatus = .accepted,
                dates: [Day] = []) -> Submission {
    Submission(path: path, sha256: sha ?? "sha-" + path, size: 100, mtimeNanos: received.seconds * 1_000_000_000,
               receivedAt: received, encoding: "utf-8", format: "csv", status: status, reportDates: dates)
}

func row(_ day: Day = day2, unit: String = "00070", procedure: String = "1.000101", online: Int = 1,
         submitted: Timestamp, line: Int = 2) -> ReportRow {
    ReportRow(reportDate: day, unitCode: unit, procedureCode: procedure,
              counts: Counts(receivedOnline: online, receivedOffline: 2, resolvedOnTime: 3, resolvedLate: 4, returned: 5,
                             pendingOnTime: 6, pendingOverdue: 7),
              submittedAt: submitted, line: line,
              reporter: Reporter(fullName: "Nguyễn Văn A", email: "a@example.vn", phone: "0912345678"), note: "ghi chú")
}

func unitReport(_ day: Day = day2, unit: String = "00070", submitted: Timestamp, line: Int = 2) -> UnitReport {
    UnitReport(reportDate: day, unitCode: unit, submittedAt: submitted, line: line,
               reporter: Reporter(fullName: "Nguyễn Văn A", email: "a@example.vn", phone: "0912345678"))
}

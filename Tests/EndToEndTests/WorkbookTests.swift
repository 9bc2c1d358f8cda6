import Foundation
import XCTest

/// `report.xlsx` and `provinces/NN.xlsx` read back with a real reader (Debian `python3-openpyxl`, installed by
/// `scripts/setup-deps`; skipped when absent) and compared cell by cell with the CSVs by `scripts/check-workbook`.
final class WorkbookTests: XCTestCase {
    static let python = "/usr/bin/python3"

    /// The sample inbox run once for this class (the shared SampleRun's folder is removed by another class).
    final class Run: @unchecked Sendable {
        let dir: TempDir
        var inbox: String { dir.path("inbox") }
        var out: String { dir.path("out") }
        init() throws {
            dir = try TempDir("workbooks")
            try stageInbox(dir.path("inbox"))
            try runNightly(date: "2026-11-27", inbox: dir.path("inbox"), out: dir.path("out"))
        }
    }
    nonisolated(unsafe) static var shared: Run?
    static func sample() throws -> Run {
        if let shared { return shared }
        let r = try Run()
        shared = r
        return r
    }
    override class func tearDown() {
        shared = nil
        super.tearDown()
    }

    func requireOpenpyxl() throws {
        let r = try runProcess(Self.python, ["-c", "import openpyxl"])
        if r.status != 0 { throw XCTSkip("python3-openpyxl is not installed (scripts/setup-deps installs it)") }
    }

    func check(_ out: String, _ date: String) throws -> ProcessResult {
        try runProcess(Self.python, [packageRoot.appendingPathComponent("scripts/check-workbook").path,
                                     "\(out)/exports/\(date)", packageRoot.appendingPathComponent("SampleInputs/registries/units.csv").path])
    }

    /// Every date of the sample: the nation's workbook and the 34 provinces' equal the CSVs.
    func testWorkbooksEqualTheCSVs() throws {
        try requireOpenpyxl()
        let run = try Self.sample()
        for date in ["2026-11-24", "2026-11-26", "2026-11-27"] {
            let r = try check(run.out, date)
            XCTAssertEqual(r.status, 0, "\(date):\n\(r.both)")
            XCTAssertTrue(r.stdout.contains("34 province workbooks"), r.stdout)
        }
        // 2026-11-26 has a late unit and findings in Hà Nội's workbook.
        let r = try check(run.out, "2026-11-26")
        XCTAssertTrue(r.stdout.contains("report.xlsx Báo cáo muộn: 1 units"), r.stdout)
        XCTAssertTrue(r.stdout.contains("report.xlsx Bất thường: 2 rows"), r.stdout)
    }

    /// With `--lang en` the workbooks have English sheet names and titles, and still equal the CSVs cell by cell.
    func testEnglishWorkbooksEqualTheCSVs() throws {
        try requireOpenpyxl()
        let run = try Self.sample()
        let dir = try TempDir("workbook-en")
        let r = try dailyreports(["backfill", "--from", "2026-11-26", "--to", "2026-11-26", "--inbox", run.inbox,
                                  "--out", dir.path("out"), "--lang", "en"])
        XCTAssertEqual(r.status, 0, r.both)
        let names = try runProcess(Self.python, ["-c", "import openpyxl, sys; print(openpyxl.load_workbook(sys.argv[1]).sheetnames)",
                                                 dir.path("out/exports/2026-11-26/report.xlsx")])
        XCTAssertEqual(names.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
                       "['Summary', 'Procedures', 'Missing', 'Late', 'Findings', 'Rejects']")
        let c = try check(dir.path("out"), "2026-11-26")
        XCTAssertEqual(c.status, 0, c.both)
        XCTAssertTrue(c.stdout.contains("34 province workbooks"), c.stdout)
    }

    /// A rerun of the same figures writes the same workbook bytes (the creation time is the date's deadline).
    func testARerunWritesTheSameBytes() throws {
        let run = try Self.sample()
        let dir = try TempDir("workbook-rerun")
        try copyFolder(run.out, to: dir.path("out"))
        let before = try Data(contentsOf: URL(fileURLWithPath: dir.path("out/exports/2026-11-26/report.xlsx")))
        let province = try Data(contentsOf: URL(fileURLWithPath: dir.path("out/exports/2026-11-26/provinces/79.xlsx")))
        let r = try dailyreports(["backfill", "--from", "2026-11-26", "--to", "2026-11-26", "--inbox", run.inbox,
                                  "--out", dir.path("out")])
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir.path("out/exports/2026-11-26/report.xlsx"))), before)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir.path("out/exports/2026-11-26/provinces/79.xlsx"))), province)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path("out/exports/2026-11-26/provinces"))
        XCTAssertEqual(names.count, 34)
    }
}

import Foundation
import XCTest

// End-to-end tests drive the BUILT `dailyreports` binary with `Process`, over real
// files, a real SQLite warehouse and the real sample inbox. Nothing is mocked.

/// The package root, found from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let expectedRoot = packageRoot.appendingPathComponent("Tests/EndToEndTests/Expected")
let sampleInbox = packageRoot.appendingPathComponent("SampleInputs/inbox")

/// The five CSV files whose bytes must not depend on how a date was reached.
let csvExports = ["national_summary.csv", "procedure_summary.csv", "missing_reports.csv", "anomalies.csv", "rejects.csv"]

enum E2EError: Error, CustomStringConvertible {
    case setup(String)
    var description: String { if case .setup(let s) = self { return s }; return "" }
}

/// The `dailyreports` binary built next to this test bundle (same scratch path), or a clear failure.
let dailyreportsBinary: Result<String, E2EError> = {
    var candidates: [String] = []
    // On Linux the xctest runner lives in the products folder (e.g. `.build-e2e/debug`).
    candidates.append(Bundle.main.bundleURL.appendingPathComponent("dailyreports").path)
    let arg0 = URL(fileURLWithPath: CommandLine.arguments[0])
    candidates.append(arg0.deletingLastPathComponent().appendingPathComponent("dailyreports").path)
    // macOS: the runner is inside `X.xctest/Contents/MacOS`; the products folder is above the bundle.
    for b in Bundle.allBundles where b.bundlePath.hasSuffix(".xctest") {
        candidates.append(b.bundleURL.deletingLastPathComponent().appendingPathComponent("dailyreports").path)
    }
    for c in candidates where FileManager.default.isExecutableFile(atPath: c) { return .success(c) }
    return .failure(.setup("""
        the dailyreports binary was not found next to the test runner (looked at: \(candidates.joined(separator: ", "))). \
        Build it with the tests in the same scratch path: swift build --build-tests --scratch-path .build-e2e
        """))
}()

func binary() throws -> String { try dailyreportsBinary.get() }

/// A fresh folder under the system temp folder, removed when released.
final class TempDir: @unchecked Sendable {
    let url: URL
    init(_ label: String = "e2e") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("EndToEndTests-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ rel: String) -> String { url.appendingPathComponent(rel).path }
}

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var both: String { stdout + stderr }
}

/// Runs `executable` with `arguments`, cwd = the package root, output through files (no pipe deadlock).
@discardableResult
func runProcess(_ executable: String, _ arguments: [String], cwd: URL = packageRoot) throws -> ProcessResult {
    let dir = try TempDir("proc")
    let outURL = dir.url.appendingPathComponent("out"), errURL = dir.url.appendingPathComponent("err")
    try Data().write(to: outURL)
    try Data().write(to: errURL)
    let outH = try FileHandle(forWritingTo: outURL), errH = try FileHandle(forWritingTo: errURL)
    defer { try? outH.close(); try? errH.close() }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    p.currentDirectoryURL = cwd
    p.standardInput = FileHandle.nullDevice
    p.standardOutput = outH
    p.standardError = errH
    try p.run()
    p.waitUntilExit()
    return ProcessResult(status: p.terminationStatus,
                         stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                         stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// `dailyreports ARGS…` from the package root (so `Pipelines/national-daily.yaml` is the default).
@discardableResult
func dailyreports(_ arguments: [String]) throws -> ProcessResult {
    try runProcess(try binary(), arguments)
}

/// `dailyreports run --date D --inbox INBOX --out OUT`, which must exit 0.
@discardableResult
func runNightly(date: String, inbox: String, out: String, file: StaticString = #filePath, line: UInt = #line) throws -> ProcessResult {
    let r = try dailyreports(["run", "--date", date, "--inbox", inbox, "--out", out])
    XCTAssertEqual(r.status, 0, "run --date \(date) failed:\n\(r.both)", file: file, line: line)
    if r.status != 0 { throw E2EError.setup("run --date \(date) exited \(r.status): \(r.both)") }
    return r
}

/// `scripts/stage-sample-inbox DEST`.
func stageInbox(_ dest: String) throws {
    let r = try runProcess("/bin/bash", [packageRoot.appendingPathComponent("scripts/stage-sample-inbox").path, dest])
    guard r.status == 0 else { throw E2EError.setup("stage-sample-inbox failed: \(r.both)") }
}

/// A copy of the sample registry `name` (e.g. "units.csv") edited by `edit`, written into `dir`; its path.
/// Throws when the edit changes nothing, so a test never runs against the registry it meant to change.
func editedSampleRegistry(_ name: String, in dir: TempDir, _ edit: (String) -> String) throws -> String {
    let original = try String(contentsOfFile: packageRoot.appendingPathComponent("SampleInputs/registries/\(name)").path,
                              encoding: .utf8)
    let edited = edit(original)
    guard edited != original else { throw E2EError.setup("the edit of SampleInputs/registries/\(name) changed nothing") }
    let path = dir.path(name)
    try edited.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// Sets a file's modification time, like `touch -d`.
func touch(_ path: String, _ isoTime: String) throws {
    let r = try runProcess("/usr/bin/touch", ["-d", isoTime, path])
    guard r.status == 0 else { throw E2EError.setup("touch failed: \(r.both)") }
}

/// An inbox folder `INBOX/2026-11-27/01` holding sample files of that folder under new names (`(from, to)`), each
/// touched to `time` when one is given (else their times are the copy's, as an upload's being written now).
func sampleUploads(_ names: [(from: String, to: String)], inbox: String, touchedAt time: String? = nil) throws -> String {
    let folder = "\(inbox)/2026-11-27/01"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let src = sampleInbox.appendingPathComponent("2026-11-27/01")
    for (from, to) in names {
        try FileManager.default.copyItem(atPath: src.appendingPathComponent(from).path, toPath: "\(folder)/\(to)")
        if let time { try touch("\(folder)/\(to)", time) }
    }
    return folder
}

/// The exported dates (folder names under OUT/exports), sorted.
func exportedDates(_ out: String) throws -> [String] {
    // Report days only: `periods/` holds the period reports (contract §6).
    try FileManager.default.contentsOfDirectory(atPath: out + "/exports").filter { !$0.hasPrefix(".") && $0 != "periods" }.sorted()
}

/// date → file name → bytes, for the five CSV files of every exported date.
typealias ExportSnapshot = [String: [String: Data]]

func snapshotCSVs(_ out: String) throws -> ExportSnapshot {
    var s: ExportSnapshot = [:]
    for date in try exportedDates(out) {
        var files: [String: Data] = [:]
        for name in csvExports {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: "\(out)/exports/\(date)/\(name)"))
        }
        s[date] = files
    }
    return s
}

/// Where two byte strings first differ, as readable lines.
func firstDifference(_ a: Data, _ b: Data) -> String {
    // Split the bytes on LF (a Swift String would keep CRLF together as one Character).
    func lines(_ d: Data) -> [String] { d.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) } }
    let la = lines(a), lb = lines(b)
    for i in 0..<max(la.count, lb.count) {
        let x = i < la.count ? la[i] : "<end of file>", y = i < lb.count ? lb[i] : "<end of file>"
        if x != y { return "line \(i + 1):\n  got:      \(x.debugDescription)\n  expected: \(y.debugDescription)" }
    }
    return "same lines, different bytes (\(a.count) vs \(b.count))"
}

/// Asserts two snapshots are byte-identical, date by date and file by file.
func assertSameExports(_ got: ExportSnapshot, _ expected: ExportSnapshot, _ what: String,
                       file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(got.keys.sorted(), expected.keys.sorted(), "\(what): exported dates differ", file: file, line: line)
    for date in expected.keys.sorted() {
        guard let g = got[date], let e = expected[date] else { continue }
        for name in csvExports where g[name] != e[name] {
            XCTFail("\(what): \(date)/\(name) differs at \(firstDifference(g[name] ?? Data(), e[name] ?? Data()))",
                    file: file, line: line)
        }
    }
}

/// RFC 4180 records of a CSV text (quotes, doubled quotes, CRLF inside quotes).
func parseCSV(_ data: Data) -> [[String]] {
    let text = String(decoding: data, as: UTF8.self)
    var records: [[String]] = [], record: [String] = [], field = ""
    var inQuotes = false, fieldStarted = false
    var it = Array(text.unicodeScalars).makeIterator()
    var pending: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? { if let p = pending { pending = nil; return p }; return it.next() }
    while let c = next() {
        if inQuotes {
            if c == "\"" {
                if let n = next() {
                    if n == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = n }
                } else { inQuotes = false }
            } else { field.unicodeScalars.append(c) }
        } else if c == "\"" && field.isEmpty {
            inQuotes = true; fieldStarted = true
        } else if c == "," {
            record.append(field); field = ""; fieldStarted = true
        } else if c == "\r" || c == "\n" {
            if c == "\r", let n = next(), n != "\n" { pending = n }
            if fieldStarted || !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
            record = []; field = ""; fieldStarted = false
        } else { field.unicodeScalars.append(c); fieldStarted = true }
    }
    if fieldStarted || !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
}

/// A CSV file as dictionaries keyed by its header.
func readCSVTable(_ path: String) throws -> [[String: String]] {
    let recs = parseCSV(try Data(contentsOf: URL(fileURLWithPath: path)))
    guard let header = recs.first else { return [] }
    return recs.dropFirst().map { r in
        var d: [String: String] = [:]
        for (i, h) in header.enumerated() { d[h] = i < r.count ? r[i] : "" }
        return d
    }
}

/// `sqlite3 -readonly DB SQL` rows, `|`-separated.
func sqlite(_ db: String, _ sql: String) throws -> [[String]] {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else {
        throw XCTSkip("/usr/bin/sqlite3 is not installed")
    }
    let r = try runProcess("/usr/bin/sqlite3", ["-readonly", "-batch", db, sql])
    guard r.status == 0 else { throw E2EError.setup("sqlite3 failed (\(r.status)): \(r.stderr)\nSQL: \(sql)") }
    return r.stdout.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
}

/// Copies a folder (`cp -a`), e.g. a finished output folder to run again without disturbing the shared one.
func copyFolder(_ from: String, to: String) throws {
    let r = try runProcess("/bin/cp", ["-a", from, to])
    guard r.status == 0 else { throw E2EError.setup("cp -a failed: \(r.both)") }
}

/// A run of its own over the staged sample inbox, `--date 2026-11-27`, in `dir` (for suites that run after
/// NightlyRunEndToEndTests removed the shared one): returns the output folder and what the run printed.
func ownSampleRun(in dir: TempDir) throws -> (out: String, result: ProcessResult) {
    try stageInbox(dir.path("inbox"))
    let r = try runNightly(date: "2026-11-27", inbox: dir.path("inbox"), out: dir.path("out"))
    return (dir.path("out"), r)
}

/// The sample inbox over two nights in `dir` (inbox `dir/inbox`, output `dir/out`): night 1 (`run --date 2026-11-25`)
/// sees the inbox up to 2026-11-25; night 2 (`--date 2026-11-27`) the rest, plus a late correction of 00070's
/// 2026-11-24 report that restates that day. `betweenNights` runs after night 1.
func runTwoSampleNights(in dir: TempDir, betweenNights: () throws -> Void = {}) throws {
    let staged = dir.path("staged"), inbox = dir.path("inbox")
    try stageInbox(staged)
    let fm = FileManager.default
    try fm.createDirectory(atPath: inbox, withIntermediateDirectories: true)
    let later = ["2026-11-26", "2026-11-27", "bad", "resent"]
    for name in try fm.contentsOfDirectory(atPath: staged) where !later.contains(name) && name != "MANIFEST.md" {
        try fm.moveItem(atPath: "\(staged)/\(name)", toPath: "\(inbox)/\(name)")
    }
    try runNightly(date: "2026-11-25", inbox: inbox, out: dir.path("out"))
    try betweenNights()
    for name in later { try fm.moveItem(atPath: "\(staged)/\(name)", toPath: "\(inbox)/\(name)") }
    let fix = "\(inbox)/2026-11-26/01/00070-sua-2026-11-24.csv"
    try """
        report_date,unit_code,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,returned,pending_on_time,pending_overdue,submitted_at
        2026-11-24,00070,1.000101,40,1,2,0,0,0,0,2026-11-26T15:00:00+07:00

        """.write(toFile: fix, atomically: true, encoding: .utf8)
    try touch(fix, "2026-11-26T15:00:00+07:00")
    try runNightly(date: "2026-11-27", inbox: inbox, out: dir.path("out"))
}

/// One full run over the staged sample inbox, `--date 2026-11-27`, shared by the tests that only read it.
final class SampleRun: @unchecked Sendable {
    let dir: TempDir
    var inbox: String { dir.path("inbox") }
    var out: String { dir.path("out") }
    let result: ProcessResult
    /// The five CSV files of every exported date, as first published.
    let exports: ExportSnapshot

    private init() throws {
        dir = try TempDir("sample")
        SampleRun.createdFolder = dir.url
        try stageInbox(dir.path("inbox"))
        result = try runNightly(date: "2026-11-27", inbox: dir.path("inbox"), out: dir.path("out"))
        exports = try snapshotCSVs(dir.path("out"))
    }

    private static let shared: Result<SampleRun, Error> = Result { try SampleRun() }
    static func get() throws -> SampleRun { try shared.get() }

    /// The shared folder, once created (a static is never released, so its TempDir is removed by hand).
    nonisolated(unsafe) static var createdFolder: URL?
    static func removeFolder() {
        if let u = createdFolder { try? FileManager.default.removeItem(at: u) }
        createdFolder = nil
    }
}

/// A pipeline file `name` in `dir` naming the sample registries, followed by `settings` (YAML lines); returns its path.
func samplePipelineFile(in dir: TempDir, name: String = "pipeline.yaml", settings: String) throws -> String {
    let registries = packageRoot.appendingPathComponent("SampleInputs/registries").path
    let path = dir.path(name)
    try """
        registries:
          units: \(registries)/units.csv
          procedures: \(registries)/procedures.csv
          contacts: \(registries)/contacts.csv
          calendar: \(registries)/calendar.csv
        \(settings)

        """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

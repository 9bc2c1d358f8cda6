import Foundation
import XCTest
import ReportIngest
import ReportModel

/// The package root, found from this file's path (tests have no resources).
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sampleInputs = packageRoot.appendingPathComponent("SampleInputs")
let registriesDir = sampleInputs.appendingPathComponent("registries")

/// The real registries of SampleInputs, loaded once through RegistryLoader.
let sampleRegistries: Registries = {
    do {
        return try RegistryLoader.load(.init(units: registriesDir.appendingPathComponent("units.csv").path,
                                             procedures: registriesDir.appendingPathComponent("procedures.csv").path,
                                             contacts: registriesDir.appendingPathComponent("contacts.csv").path,
                                             calendar: registriesDir.appendingPathComponent("calendar.csv").path))
    } catch {
        fatalError("cannot load the sample registries: \(error)")
    }
}()

/// A fresh directory under the system temp folder.
final class TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ReportIngestTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `name` and returns the path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let u = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: u)
        return u.path
    }
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

func readBytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

/// Runs a real tool with `input` on stdin; returns its stdout. Output goes through files (no pipe deadlocks).
func runTool(_ executable: String, _ arguments: [String], input: [UInt8] = []) throws -> (status: Int32, out: [UInt8]) {
    let dir = try TempDir()
    let inURL = dir.url.appendingPathComponent("in"), outURL = dir.url.appendingPathComponent("out")
    try Data(input).write(to: inURL)
    try Data().write(to: outURL)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    let inH = try FileHandle(forReadingFrom: inURL), outH = try FileHandle(forWritingTo: outURL)
    defer { try? inH.close(); try? outH.close() }
    p.standardInput = inH
    p.standardOutput = outH
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    return (p.terminationStatus, Array(try Data(contentsOf: outURL)))
}

/// `gzip -c` of `bytes`, by the real /bin/gzip.
func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let r = try runTool("/bin/gzip", ["-c", "-n"], input: bytes)
    precondition(r.status == 0, "gzip failed")
    return r.out
}

/// `iconv -f UTF-8 -t CP1258` of `text`, by the real iconv.
func cp1258(_ text: String) throws -> [UInt8] {
    let r = try runTool("/usr/bin/iconv", ["-f", "UTF-8", "-t", "CP1258"], input: Array(text.utf8))
    precondition(r.status == 0, "iconv failed")
    return r.out
}

/// The instant `text` (ISO 8601).
func ts(_ text: String) -> Timestamp { Timestamp(parsing: text)! }

/// Ingests `bytes` written to a real file named `name` in a temp dir, reading it back from disk.
func ingestFile(_ name: String, _ bytes: [UInt8], receivedAt: Timestamp = ts("2026-11-27T19:00:00+07:00"),
                sizeLimit: Int = 64 << 20, registries: Registries = sampleRegistries) throws -> FileOutcome {
    let dir = try TempDir()
    let path = try dir.write(name, bytes)
    return FileIngester(registries: registries, sizeLimit: sizeLimit).ingest(try readBytes(path), file: name, receivedAt: receivedAt)
}
func ingestFile(_ name: String, _ text: String, receivedAt: Timestamp = ts("2026-11-27T19:00:00+07:00")) throws -> FileOutcome {
    try ingestFile(name, Array(text.utf8), receivedAt: receivedAt)
}

/// (line, reason) of every reject, in order.
func rejectList(_ o: FileOutcome) -> [String] { o.rejects.map { "\($0.line):\($0.reason.rawValue)" } }

/// The canonical header and a good row for unit 00070 (a phường of Hà Nội), report date 2026-11-27.
let canonicalHeader = "report_date,unit_code,unit_name,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,returned,pending_on_time,pending_overdue,submitted_at,note"
func goodRow(_ procedure: String = "1.000101", note: String = "", counts: String = "1,0,1,0,0,2,0") -> String {
    "2026-11-27,00070,,\(procedure),\(counts),2026-11-27T19:00:00+07:00,\(note)"
}

/// A deterministic random generator (SplitMix64), so a failing case can be reproduced.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

import Foundation
import XCTest
import ReportIngest
import ReportModel

/// Runs FileIngester over the whole sample inbox and compares with SampleInputs/inbox-expected-rejects.csv and the MANIFEST.
///
/// The inbox is staged by `scripts/stage-sample-inbox` into a temp dir (git keeps no modification times; the
/// script gives each file its received time), and each file's received time is its mtime there.
///
/// Duplicates are a pipeline rule, not FileIngester's: files are taken in received order (then path); a file whose
/// bytes equal an earlier file that yielded rows or reports is skipped as a duplicate (as the pipeline does), and
/// must be exactly `resent/2026-11-24-01-00070.csv`. A byte-copy of a file rejected whole is ingested again on
/// its own merits (FileIngester has no memory), which must give the same reason (`resent/bad_json-again.json`).
final class SampleInboxTests: XCTestCase {
    struct Result {
        var rejects: Set<String> = []
        var accepted = 0
        var duplicates: [String] = []
        var perFile: [String: (accepted: Int, rejected: Int, fileReject: Bool)] = [:]
        var outcomes: [String: FileOutcome] = [:]
        var files = 0
    }

    static let result: Result = {
        do { return try run() } catch { fatalError("cannot run the sample inbox: \(error)") }
    }()

    static func run() throws -> Result {
        let dir = try TempDir()
        let staged = dir.url.appendingPathComponent("inbox")
        let script = packageRoot.appendingPathComponent("scripts/stage-sample-inbox").path
        let r = try runTool("/bin/bash", [script, staged.path])
        precondition(r.status == 0, "stage-sample-inbox failed")
        let fm = FileManager.default
        var files: [(path: String, mtime: Date)] = []
        let e = fm.enumerator(atPath: staged.path)!
        while let rel = e.nextObject() as? String {
            let full = staged.appendingPathComponent(rel).path
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue, FileIngester.format(of: rel) != nil else { continue }
            let attrs = try fm.attributesOfItem(atPath: full)
            files.append((rel, attrs[.modificationDate] as! Date))
        }
        files.sort { ($0.mtime, $0.path) < ($1.mtime, $1.path) }
        let ingester = FileIngester(registries: sampleRegistries)
        var result = Result()
        var seen: [[UInt8]: (path: String, yielded: Bool)] = [:]
        for f in files {
            let bytes = try readBytes(staged.appendingPathComponent(f.path).path)
            let received = Timestamp(seconds: Int64(f.mtime.timeIntervalSince1970.rounded(.down)))
            let outcome = ingester.ingest(bytes, file: f.path, receivedAt: received)
            result.outcomes[f.path] = outcome
            let yielded = !outcome.rows.isEmpty || !outcome.unitReports.isEmpty
            if let first = seen[bytes], first.yielded {
                result.duplicates.append(f.path)
                continue
            }
            if seen[bytes] == nil { seen[bytes] = (f.path, yielded) }
            for j in outcome.rejects { result.rejects.insert("\(j.file),\(j.line),\(j.reason.rawValue)") }
            result.accepted += outcome.rows.count
            result.perFile[f.path] = (outcome.rows.count, outcome.rejects.count, outcome.fileReject != nil)
            result.files += 1
        }
        return result
    }

    func expectedRejects() throws -> Set<String> {
        let text = try String(contentsOf: sampleInputs.appendingPathComponent("inbox-expected-rejects.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        XCTAssertEqual(lines.first, "file,line,reason")
        return Set(lines.dropFirst())
    }

    /// `| \`file\` | … | accepted | rejected |` rows of the MANIFEST's file table.
    func manifestFiles() throws -> [String: (accepted: Int, rejected: String)] {
        let text = try String(contentsOf: sampleInputs.appendingPathComponent("inbox-MANIFEST.md"), encoding: .utf8)
        let re = try NSRegularExpression(pattern: "^\\| `([^`]+)` \\| .* \\| (\\d+) \\| (\\d+|file) \\|$", options: [.anchorsMatchLines])
        var out: [String: (Int, String)] = [:]
        let ns = text as NSString
        for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out[ns.substring(with: m.range(at: 1))] = (Int(ns.substring(with: m.range(at: 2)))!, ns.substring(with: m.range(at: 3)))
        }
        return out
    }

    func manifestTotal(_ label: String) throws -> Int {
        let text = try String(contentsOf: sampleInputs.appendingPathComponent("inbox-MANIFEST.md"), encoding: .utf8)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("| " + label) })
        let digits = line.split(separator: "|").last!.filter(\.isNumber)
        return try XCTUnwrap(Int(digits))
    }

    /// The exact comparison with inbox-expected-rejects.csv: file, line and reason of every reject.
    /// Lines (docs/DECISIONS.md): `missing_header` carries the header's line, `bad_json` the line of the syntax
    /// error, `unterminated_quote` the line of the record whose quote never closes; `unreadable_encoding`,
    /// `empty_file` and `too_large` carry 0.
    func testRejectsMatchExpectationExactly() throws {
        let expected = try expectedRejects()
        let got = Self.result.rejects
        XCTAssertEqual(expected.count, 50)
        XCTAssertEqual(got.subtracting(expected).sorted(), [], "rejected by the code, not expected")
        XCTAssertEqual(expected.subtracting(got).sorted(), [], "expected, not rejected by the code")
        XCTAssertEqual(got.count, try manifestTotal("reject records in total"))
    }

    func testWholeFileRejectLines() throws {
        let o = Self.result.outcomes
        func lines(_ file: String) -> [String] { (o[file]?.rejects ?? []).map { "\($0.line):\($0.reason.rawValue)" } }
        XCTAssertEqual(lines("bad/missing_header.csv"), ["1:missing_header"], "the header's line")
        XCTAssertEqual(lines("bad/missing_header_no_unit.csv"), ["1:missing_header"], "the header's line")
        XCTAssertEqual(lines("bad/bad_json.json"), ["4:bad_json"], "the line of the syntax error")
        XCTAssertEqual(lines("resent/bad_json-again.json"), ["4:bad_json"], "the line of the syntax error")
        XCTAssertEqual(lines("bad/unterminated_quote.csv"), ["5:unterminated_quote"], "the line the quote opens on")
        XCTAssertEqual(lines("bad/corrupt.csv.gz"), ["0:unreadable_encoding"])
        XCTAssertEqual(lines("bad/nul_bytes.csv"), ["0:unreadable_encoding"])
        XCTAssertEqual(lines("bad/unreadable_encoding.csv"), ["0:unreadable_encoding"])
        XCTAssertEqual(lines("bad/empty_file.csv"), ["0:empty_file"])
    }

    func testAcceptedRowTotalMatchesManifestExactly() throws {
        XCTAssertEqual(Self.result.accepted, try manifestTotal("rows/items accepted"))
        XCTAssertEqual(Self.result.accepted, 1779)
        XCTAssertEqual(Self.result.rejects.count, try manifestTotal("reject records in total"))
        XCTAssertEqual(Self.result.files, try manifestTotal("files |") - 1, "every file but the duplicate ingested")
    }

    func testDuplicates() throws {
        XCTAssertEqual(Self.result.duplicates, ["resent/2026-11-24-01-00070.csv"])
        // FileIngester alone ingests a duplicate of a good file like the original.
        let dup = try XCTUnwrap(Self.result.outcomes["resent/2026-11-24-01-00070.csv"])
        let original = try XCTUnwrap(Self.result.outcomes["2026-11-24/01/00070.csv"])
        XCTAssertEqual(dup.rows.count, 16)
        XCTAssertEqual(dup.rows.map(\.counts), original.rows.map(\.counts))
        // A copy of a file rejected whole is rejected again for the same reason.
        XCTAssertEqual(Self.result.outcomes["resent/bad_json-again.json"]?.rejects.map(\.reason),
                       Self.result.outcomes["bad/bad_json.json"]?.rejects.map(\.reason))
    }

    func testPerFileCountsMatchManifest() throws {
        let manifest = try manifestFiles()
        XCTAssertEqual(manifest.count, try manifestTotal("files |"), "the table lists each submission")
        var mismatches: [String] = []
        for (file, m) in manifest.sorted(by: { $0.key < $1.key }) {
            if Self.result.duplicates.contains(file) { continue }
            guard let got = Self.result.perFile[file] else { mismatches.append("\(file): not ingested"); continue }
            if got.accepted != m.accepted { mismatches.append("\(file): \(got.accepted) rows accepted, manifest \(m.accepted)") }
            if m.rejected == "file" {
                if got.rejected != 1 || !got.fileReject { mismatches.append("\(file): expected one whole-file reject, got \(got.rejected)") }
            } else if got.rejected != Int(m.rejected)! {
                mismatches.append("\(file): \(got.rejected) rejects, manifest \(m.rejected)")
            }
        }
        XCTAssertEqual(mismatches, [])
    }

    func testNotesAndSpecialFiles() throws {
        let o = Self.result.outcomes
        let stt = try XCTUnwrap(o["2026-11-23/79/27664.csv"])
        XCTAssertEqual(stt.notes.filter { $0.kind == "unknown_column" }.count, 1)
        XCTAssertEqual(o.values.flatMap(\.notes).filter { $0.kind == "unknown_column" }.count, 1, "only 27664.csv has an unknown column")
        XCTAssertEqual(o["2026-11-26/46/20179.json"]?.unitReports.map(\.unitCode), ["20179"])
        XCTAssertEqual(o["2026-11-24/46/19813-19815.json"]?.unitReports.map(\.unitCode).sorted(), ["19813", "19815"])
        XCTAssertEqual(o["2026-11-24/01/00008.csv"]?.rows.map(\.unitCode).first, "00008")
        XCTAssertEqual(o["2026-11-23/01/00004.csv"]?.rows.allSatisfy { $0.unitCode == "00004" }, true)
        XCTAssertEqual(o["2026-11-23/46/46.csv"]?.rows.allSatisfy { $0.unitCode == "46" }, true)
        XCTAssertEqual(o["2026-11-23/01/00235.csv"]?.encoding, "cp1258")
        XCTAssertEqual(o["2026-11-23/01/00025.csv"]?.encoding, "utf-16le")
        XCTAssertEqual(o["2026-11-23/01/00256.csv"]?.encoding, "utf-16be")
        XCTAssertEqual(o["2026-11-23/01/00008.csv"]?.encoding, "utf-8-bom")
        XCTAssertEqual(o["2026-11-25/01/00070.csv.gz"]?.encoding, "utf-8+gzip")
        XCTAssertEqual(o["2026-11-23/79/26506.csv"]?.rows.map(\.line).prefix(2), [2, 4], "row 1 spans lines 2–3")
        XCTAssertEqual(o["2026-11-27/79/26737.csv"]?.rows.first?.line, 3, "the header is line 2")
        XCTAssertEqual(o["bad/unterminated_quote.csv"]?.rows.map(\.procedureCode), ["1.000901", "1.001001", "1.000802"])
        XCTAssertEqual(o["bad/unterminated_quote.csv"]?.rows.map(\.line), [2, 3, 4])
        XCTAssertEqual(o["2026-11-23/79/79.csv"]?.rows.first?.counts.array, [1306, 560, 1257, 80, 53, 1156, 128], "`1.306` is 1306")
    }
}

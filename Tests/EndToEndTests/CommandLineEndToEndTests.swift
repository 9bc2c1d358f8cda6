import Foundation
import XCTest

/// Exit codes and `validate`, through the built binary.
final class CommandLineEndToEndTests: XCTestCase {

    // MARK: 9. Exit codes

    func testABadDateIsAUsageError() throws {
        let dir = try TempDir("baddate")
        for bad in ["2026-13-01", "27/11/2026", "yesterday", "2026-02-30"] {
            let r = try dailyreports(["run", "--date", bad, "--inbox", sampleInbox.path, "--out", dir.path("out")])
            XCTAssertEqual(r.status, 64, "--date \(bad): \(r.both)")
            XCTAssertTrue(r.stderr.contains("--date"), "the message names the flag: \(r.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("out/exports")), "nothing exported")
    }

    func testAMissingRegistryIsAUsageError() throws {
        let dir = try TempDir("noregistry")
        let missing = dir.path("no-such-units.csv")
        let r = try dailyreports(["run", "--date", "2026-11-27", "--inbox", sampleInbox.path, "--out", dir.path("out"),
                                  "--units", missing])
        XCTAssertEqual(r.status, 64, "--units \(missing): \(r.both)")
        XCTAssertTrue(r.stderr.contains("no-such-units.csv"), "the message names the missing file: \(r.stderr)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("out/exports")), "nothing exported")

        let v = try dailyreports(["validate", "--procedures", dir.path("none.csv"),
                                  sampleInbox.appendingPathComponent("2026-11-24/01/00004.csv").path])
        XCTAssertEqual(v.status, 64, "validate --procedures MISSING: \(v.both)")
    }

    // MARK: 9. validate

    /// `FILE,LINE,REASON` of each problem line of `validate`'s output, FILE relative to the sample inbox.
    func validateRejects(_ r: ProcessResult) -> [String] {
        let prefix = sampleInbox.path + "/"
        var got: [String] = []
        for line in r.stdout.split(separator: "\n").map(String.init) where line.hasPrefix(prefix) {
            // FILE:LINE: REASON: detail
            var parts = line.dropFirst(prefix.count).split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            if parts.count >= 2, ["(cả tệp)", "(whole file)"].contains(parts[1].trimmingCharacters(in: .whitespaces)) { parts[1] = "0" }
            guard parts.count >= 3, Int(parts[1]) != nil else { XCTFail("not FILE:LINE: REASON: \(line)"); continue }
            if ["cảnh báo", "warning"].contains(parts[2].trimmingCharacters(in: .whitespaces)) { continue }
            XCTAssertTrue(parts.count == 4 && !parts[3].trimmingCharacters(in: .whitespaces).isEmpty, "the line has a detail: \(line)")
            got.append("\(parts[0]),\(parts[1]),\(parts[2].trimmingCharacters(in: .whitespaces))")
        }
        return got
    }

    func expectedRejects(under folder: String) throws -> [String] {
        try String(contentsOf: packageRoot.appendingPathComponent("SampleInputs/inbox-expected-rejects.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map(String.init).filter { $0.hasPrefix(folder) }
    }

    /// `validate` over the files of `bad/` prints exactly the expected rejects of those files and exits 65.
    func testValidateBadFilesPrintsTheExpectedRejects() throws {
        let bad = sampleInbox.appendingPathComponent("bad")
        let names = try FileManager.default.contentsOfDirectory(atPath: bad.path).sorted()
        let r = try dailyreports(["validate"] + names.map { bad.appendingPathComponent($0).path })
        XCTAssertEqual(r.status, 65, r.both)
        let expected = try expectedRejects(under: "bad/")
        XCTAssertEqual(validateRejects(r).sorted(), expected.sorted(), "validate's rejects vs inbox-expected-rejects.csv (bad/)")
        // The unterminated quote's rows on lines 2–4 are accepted.
        XCTAssertTrue(r.stdout.contains("Tổng cộng: nhận 3 dòng, từ chối \(expected.count),"),
                      "summary line: \(r.stdout.split(separator: "\n").last ?? "")")
    }

    func testValidateUnterminatedQuote() throws {
        let r = try dailyreports(["validate", sampleInbox.appendingPathComponent("bad/unterminated_quote.csv").path])
        XCTAssertEqual(r.status, 65, r.both)
        XCTAssertEqual(validateRejects(r), ["bad/unterminated_quote.csv,5,unterminated_quote"])
        XCTAssertTrue(r.stdout.hasSuffix("Tổng cộng: nhận 3 dòng, từ chối 1, 0 cảnh báo\n"), r.stdout)
    }

    func testValidateAGoodFileAcceptsEveryRow() throws {
        let file = sampleInbox.appendingPathComponent("2026-11-24/01/00004.csv").path
        let r = try dailyreports(["validate", file])
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertTrue(r.stdout.hasSuffix("Tổng cộng: nhận 16 dòng, từ chối 0, 0 cảnh báo\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("  - 00004 Phường Ba Đình, ngày 2026-11-24 (Thứ Ba): 16 thủ tục;"), r.stdout)

        let json = sampleInbox.appendingPathComponent("2026-11-24/46/19813-19815.json").path
        let j = try dailyreports(["validate", json])
        XCTAssertEqual(j.status, 0, j.both)
        XCTAssertTrue(j.stdout.hasSuffix("Tổng cộng: nhận 32 dòng, từ chối 0, 0 cảnh báo\n"), j.stdout)
        let en = try dailyreports(["validate", "--lang", "en", json])
        XCTAssertTrue(en.stdout.hasSuffix("32 rows accepted, 0 rejected, 0 warnings\n"), en.stdout)
    }

    func testValidateWritesNothing() throws {
        let dir = try TempDir("validate-cwd")
        let file = sampleInbox.appendingPathComponent("2026-11-24/01/00004.csv").path
        let r = try runProcess(try binary(), ["validate", "--pipeline", packageRoot.appendingPathComponent("Pipelines/national-daily.yaml").path, file],
                               cwd: dir.url)
        XCTAssertEqual(r.status, 0, r.both)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.url.path), [], "validate wrote nothing in its folder")
    }
}

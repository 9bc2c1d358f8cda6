import Foundation
import XCTest

/// Under `set -o pipefail` a pipe into a reader that stops early fails the script at random.
///
/// `sort | head -3` lets `head` exit after three lines; when `sort` still has a second buffer to
/// write it dies of SIGPIPE, the pipeline's status is 141 and `set -e` ends the script. CI failed
/// that way once in `scripts/fuzz` (exit 141 after the fuzz build). Readers that consume all their
/// input (`sed -n 1p`, `tail`, `grep -m1` on a file) have no such race.
final class ScriptPipelineTests: XCTestCase {
    private static let earlyExitReader = try! NSRegularExpression(
        pattern: #"\|\s*(head\b|grep\s+(-[A-Za-z]*\s+)*-[A-Za-z]*q)"#)

    func testNoPipefailScriptPipesIntoAReaderThatStopsEarly() throws {
        let scripts = try scriptFiles()
        XCTAssertGreaterThan(scripts.count, 10, "scripts/ should hold the project's scripts")
        var offences: [String] = []
        for url in scripts {
            let text = try String(contentsOf: url, encoding: .utf8)
            guard text.contains("pipefail") else { continue }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = String(line).trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("#"), Self.matches(code) else { continue }
                offences.append("\(url.lastPathComponent):\(index + 1): \(code)")
            }
        }
        XCTAssertEqual(offences, [], "use `sed -n 1p` (reads all its input) instead of `head`")
    }

    func testTheRuleCatchesTheLineThatFailedCI() {
        XCTAssertTrue(Self.matches("some=$(find SampleInputs/inbox -name '*.csv' | sort | head -3)"))
        XCTAssertTrue(Self.matches("ls | grep -q x"))
        XCTAssertTrue(Self.matches("ls | grep -E -q x"))
        XCTAssertFalse(Self.matches("some=$(find SampleInputs/inbox -name '*.csv' | sort | sed -n 1,3p)"))
        XCTAssertFalse(Self.matches("x=$(printf '%s\\n' a b | sort -n | tail -1)"))
    }

    private static func matches(_ line: String) -> Bool {
        earlyExitReader.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }

    private func scriptFiles() throws -> [URL] {
        let dir = packageRoot.appendingPathComponent("scripts")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        return names.map { dir.appendingPathComponent($0) } + [packageRoot.appendingPathComponent(".ci/run")]
    }
}

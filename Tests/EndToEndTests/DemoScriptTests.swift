import Foundation
import XCTest

/// `scripts/demo` ends by telling a new operator where the exports are: its list must name every file a day's
/// export folder holds (it once left out the committee's workbooks).
final class DemoScriptTests: XCTestCase {
    func testTheDemoNamesEveryExportOfADay() throws {
        let demo = try String(contentsOf: packageRoot.appendingPathComponent("scripts/demo"), encoding: .utf8)
        let line = try XCTUnwrap(demo.split(separator: "\n").first { $0.contains("echo \"Exports:") }, "the Exports line")
        let listed = try XCTUnwrap(line.split(separator: "(").last?.split(separator: ")").first)
        let named = Set(listed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })

        let dir = try TempDir("demo-exports")
        try stageInbox(dir.path("inbox"))
        try runNightly(date: "2026-11-27", inbox: dir.path("inbox"), out: dir.path("out"))
        let day = dir.path("out/exports/2026-11-27")
        var exported = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: day) {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: "\(day)/\(name)", isDirectory: &isDirectory)
            // A folder of one file per province is named by its pattern.
            exported.insert(isDirectory.boolValue ? "\(name)/NN.xlsx" : name)
        }
        XCTAssertEqual(named, exported)
    }
}

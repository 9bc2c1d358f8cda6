import Foundation
import XCTest
import ReportModel
@testable import ReportExport

final class AtomicDirectoryTests: XCTestCase {
    private func listing(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func testPublishTwiceReplacesTheWholeFolder() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let final = dir.url.appendingPathComponent("exports/2026-11-27")
        try AtomicDirectory.publish(build: { tmp in
            try Data("old a".utf8).write(to: tmp.appendingPathComponent("a.csv"))
            try Data("old only".utf8).write(to: tmp.appendingPathComponent("gone.csv"))
            try FileManager.default.createDirectory(at: tmp.appendingPathComponent("sub"), withIntermediateDirectories: false)
            try Data("deep".utf8).write(to: tmp.appendingPathComponent("sub/deep.txt"))
        }, at: final)
        XCTAssertEqual(try listing(final), ["a.csv", "gone.csv", "sub"])

        try AtomicDirectory.publish(build: { tmp in
            XCTAssertEqual(tmp.deletingLastPathComponent().path, final.deletingLastPathComponent().path)
            try AtomicFile.write(Data("new a".utf8), to: tmp.appendingPathComponent("a.csv"))
            try AtomicFile.write(Data("new b".utf8), to: tmp.appendingPathComponent("b.csv"))
        }, at: final)
        XCTAssertEqual(try listing(final), ["a.csv", "b.csv"])
        XCTAssertEqual(try Data(contentsOf: final.appendingPathComponent("a.csv")), Data("new a".utf8))
        XCTAssertEqual(try Data(contentsOf: final.appendingPathComponent("b.csv")), Data("new b".utf8))
        // The old folder, swapped to the temp name, is gone too.
        XCTAssertEqual(try listing(final.deletingLastPathComponent()), ["2026-11-27"])
    }

    func testFailedBuildLeavesTheOldFolderAndNoTemp() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let final = dir.url.appendingPathComponent("2026-11-28")
        try AtomicDirectory.publish(build: { tmp in
            try Data("kept".utf8).write(to: tmp.appendingPathComponent("a.csv"))
        }, at: final)
        XCTAssertThrowsError(try AtomicDirectory.publish(build: { tmp in
            try Data("half".utf8).write(to: tmp.appendingPathComponent("a.csv"))
            throw ReportError(.dataError, "build failed")
        }, at: final)) { error in
            XCTAssertEqual((error as? ReportError)?.message, "build failed")
        }
        XCTAssertEqual(try Data(contentsOf: final.appendingPathComponent("a.csv")), Data("kept".utf8))
        XCTAssertEqual(try listing(dir.url), ["2026-11-28"])
    }

    func testStaleTempsOfDeadProcessesAreCleanedOnPublish() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        // A process that has exited gives a PID that is certainly dead now.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let deadPID = finished.processIdentifier

        let final = dir.url.appendingPathComponent("2026-11-29")
        let stale = dir.url.appendingPathComponent(".2026-11-29.tmp-\(deadPID)-12345")
        let strange = dir.url.appendingPathComponent(".2026-11-29.tmp-garbage")
        let live = dir.url.appendingPathComponent(".2026-11-29.tmp-1-777")  // PID 1 is always alive
        let otherDate = dir.url.appendingPathComponent(".2026-11-30.tmp-\(deadPID)-1")
        for folder in [stale, strange, live, otherDate] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("half"), withIntermediateDirectories: true)
        }

        try AtomicDirectory.publish(build: { tmp in
            try Data("x".utf8).write(to: tmp.appendingPathComponent("x.csv"))
        }, at: final)
        XCTAssertEqual(try listing(dir.url), [".2026-11-29.tmp-1-777", ".2026-11-30.tmp-\(deadPID)-1", "2026-11-29"])
        XCTAssertEqual(try listing(final), ["x.csv"])
    }
}

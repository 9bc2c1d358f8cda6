import Foundation
import XCTest
@testable import ReportExport
import ReportCompression

final class GzipWriterTests: XCTestCase {
    /// CSV-like bytes that do not compress to nothing.
    static func sampleCSV(bytes: Int) -> [UInt8] {
        var out: [UInt8] = Array("report_date,unit_code,unit_name,procedure_code,received_online\r\n".utf8)
        var seed: UInt64 = 42
        var row = 0
        while out.count < bytes {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            out += Array("2026-11-27,\(String(format: "%05d", row % 3321)),Phường Số \(seed >> 48),1.\(seed % 1000),\(seed >> 58)\r\n".utf8)
            row += 1
        }
        return Array(out.prefix(bytes))
    }

    private func checkWithGzip(_ compressed: [UInt8], equals original: [UInt8], in dir: TempDirectory,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let url = dir.url.appendingPathComponent("t-\(UUID().uuidString).gz")
        try AtomicFile.write(compressed, to: url)
        let test = try runTool("/bin/gzip", ["-t", url.path])
        XCTAssertEqual(test.status, 0, test.stderr, file: file, line: line)
        let cat = try runTool("/bin/zcat", [url.path])
        XCTAssertEqual(cat.status, 0, cat.stderr, file: file, line: line)
        XCTAssertEqual(Array(cat.stdout), original, file: file, line: line)
    }

    func testStreamingInChunksIsReadByGzip() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let input = Self.sampleCSV(bytes: 300_000)
        var output: [UInt8] = []
        var chunks = 0
        let writer = try GzipWriter(level: 9) { output += $0; chunks += 1 }
        var offset = 0
        while offset < input.count {
            let end = min(offset + 7_777, input.count)
            try writer.write(Array(input[offset..<end]))
            offset = end
        }
        try writer.finish()
        XCTAssertEqual(Array(output.prefix(2)), [0x1F, 0x8B])
        XCTAssertLessThan(output.count, input.count / 2)
        try checkWithGzip(output, equals: input, in: dir)
        XCTAssertEqual(try Gunzip.inflate(output, limit: .max), input)
    }

    func testEmptyInputAndLevels() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try checkWithGzip(try GzipWriter.compress([]), equals: [], in: dir)
        let input = Self.sampleCSV(bytes: 50_000)
        for level in [0, 1, 6, 9] {
            try checkWithGzip(try GzipWriter.compress(input, level: level), equals: input, in: dir)
        }
    }

    func testParallelMakesTwoMembersThatGzipReads() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let input = Self.sampleCSV(bytes: 3_000_001)
        let parallel = try GzipWriter.compressParallel(input, level: 6)
        try checkWithGzip(parallel, equals: input, in: dir)
        XCTAssertEqual(try Gunzip.inflate(parallel, limit: .max), input)
        // Two members: the concatenation of compressing each half alone, so the same on every machine.
        let half = input.count / 2
        let expected = try GzipWriter.compress(Array(input[..<half])) + GzipWriter.compress(Array(input[half...]))
        XCTAssertEqual(parallel, expected)
        // Small inputs stay one member.
        let small = Self.sampleCSV(bytes: 1000)
        XCTAssertEqual(try GzipWriter.compressParallel(small), try GzipWriter.compress(small))
    }

    func testGunzipRejectsCorruptTruncatedAndOversized() throws {
        let input = Self.sampleCSV(bytes: 100_000)
        let good = try GzipWriter.compress(input)
        XCTAssertThrowsError(try Gunzip.inflate(Array(good.dropLast(10)), limit: .max)) { XCTAssertEqual($0 as? GunzipError, .truncated) }
        var flipped = good
        flipped[good.count / 2] ^= 0xFF
        XCTAssertThrowsError(try Gunzip.inflate(flipped, limit: .max)) {
            guard case .corrupt = $0 as? GunzipError else { return XCTFail("expected .corrupt, got \($0)") }
        }
        XCTAssertThrowsError(try Gunzip.inflate(good, limit: 99_999)) { XCTAssertEqual($0 as? GunzipError, .tooLarge(limit: 99_999)) }
        XCTAssertEqual(try Gunzip.inflate(good, limit: 100_000), input)
    }
}

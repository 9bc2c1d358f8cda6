import Foundation
import XCTest
@testable import ReportExport
import ReportModel

/// Faults found in review (issue #11 item 6), each with the input that used to crash the process.
final class CodeFaultTests: XCTestCase {
    /// A level outside 0–9 made `deflateInit2` fail; the init freed its buffers and deinit freed them again
    /// (glibc aborted: "double free detected").
    func testAGzipLevelOutsideZeroToNineIsAnErrorNotADoubleFree() {
        for level in [-2, 10, 42, Int.max] {
            XCTAssertThrowsError(try GzipWriter(level: level) { _ in }, "level \(level)") { error in
                XCTAssertEqual((error as? ReportError)?.code, .internal)
            }
        }
        // The writer still works after those failures (the heap is intact).
        XCTAssertNoThrow(try GzipWriter.compress(Array("ok\n".utf8), level: 6))
    }

    /// A 512-byte ustar header with a valid checksum.
    private func header(name: String, size: Int, type: UInt8) -> [UInt8] {
        var h = [UInt8](repeating: 0, count: 512)
        func put(_ s: String, _ at: Int) { for (i, b) in s.utf8.enumerated() { h[at + i] = b } }
        put(name, 0)
        put("0000644", 100); put("0000000", 108); put("0000000", 116)
        put(String(format: "%011o", size), 124)
        put("00000000000", 136)
        h[156] = type
        put("ustar", 257); put("00", 263)
        for i in 148..<156 { h[i] = 0x20 }
        let sum = h.reduce(0) { $0 + Int($1) }
        put(String(format: "%06o", sum), 148)
        h[154] = 0
        return h
    }

    /// A pax `size` record of Int.max: `dataStart + size` overflowed (a trap) before it was compared.
    func testAPaxSizeNearIntMaxIsACorruptArchiveNotACrash() {
        let record = Array("28 size=9223372036854775807\n".utf8)
        XCTAssertEqual(record.count, 28)
        var tar = header(name: "PaxHeaders/a.csv", size: record.count, type: UInt8(ascii: "x"))
        tar += record + [UInt8](repeating: 0, count: 512 - record.count)
        tar += header(name: "a.csv", size: 0, type: UInt8(ascii: "0"))
        tar += [UInt8](repeating: 0, count: 1024)
        XCTAssertThrowsError(try TarReader.files(in: tar, location: "t.tar")) { error in
            XCTAssertEqual((error as? ReportError)?.code, .dataError)
            XCTAssertTrue("\(error)".contains("vượt quá cuối tệp lưu trữ"), "\(error)")
        }
    }
}

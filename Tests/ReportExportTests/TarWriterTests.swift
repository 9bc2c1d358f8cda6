import Foundation
import XCTest
@testable import ReportExport

final class TarWriterTests: XCTestCase {
    private func tarBytes(_ members: [(String, [UInt8], Int64)]) throws -> [UInt8] {
        var out: [UInt8] = []
        var writer = TarWriter { out.append(contentsOf: $0) }
        for (name, data, mtime) in members { try writer.append(name: name, data: data, mtime: mtime) }
        try writer.finish()
        return out
    }

    func testHeaderFieldsAndLayout() throws {
        let bytes = try tarBytes([("a.csv", Array("hello".utf8), 1_795_000_000)])
        XCTAssertEqual(bytes.count, 512 + 512 + 1024)
        let header = Array(bytes[0..<512])
        XCTAssertEqual(Array(header[0..<6]), Array("a.csv\0".utf8))
        XCTAssertEqual(Array(header[100..<108]), Array("0000644\0".utf8))
        XCTAssertEqual(Array(header[124..<136]), Array("00000000005\0".utf8))
        XCTAssertEqual(Array(header[136..<148]), Array((String(1_795_000_000, radix: 8) + "\0").utf8))
        XCTAssertEqual(header[156], UInt8(ascii: "0"))
        XCTAssertEqual(Array(header[257..<265]), Array("ustar\000".utf8))
        XCTAssertEqual(Array(header[265..<270]), Array("root\0".utf8))
        XCTAssertEqual(Array(header[297..<302]), Array("root\0".utf8))
        let sum = header.enumerated().reduce(0) { $0 + ((148..<156).contains($1.offset) ? 32 : Int($1.element)) }
        XCTAssertEqual(Array(header[148..<156]), Array(String(format: "%06o\0 ", sum).utf8))
        XCTAssertEqual(Array(bytes[512..<517]), Array("hello".utf8))
        XCTAssertTrue(bytes[517...].allSatisfy { $0 == 0 })
    }

    func testGNUTarListsAndExtractsLongAndVietnameseNames() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let longASCII = String(repeating: "d", count: 120) + "/" + String(repeating: "f", count: 90) + ".csv"
        let veryLong = (1...30).map { "segment\($0)" }.joined(separator: "/") + "/x.json"  // > 255 bytes
        let vietnamese = "inbox/Tỉnh Hòa Bình/Phường Hoàn Kiếm/báo cáo ngày.csv"
        let members: [(String, [UInt8], Int64)] = [
            ("plain.txt", Array("plain".utf8), 1_700_000_000),
            (longASCII, Array("long ascii".utf8), 1_700_000_001),
            (veryLong, Array(repeating: 7, count: 1000), 1_700_000_002),
            (vietnamese, Array("Mã đơn vị\n".utf8), 1_700_000_003),
            ("empty.csv", [], 0),
        ]
        XCTAssertGreaterThan(veryLong.utf8.count, 256)
        let archive = dir.url.appendingPathComponent("t.tar")
        try AtomicFile.write(try tarBytes(members), to: archive)

        let listing = try runTool("/bin/tar", ["-tvf", archive.path])
        XCTAssertEqual(listing.status, 0, listing.stderr)
        let lines = String(decoding: listing.stdout, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, members.count)
        for line in lines { XCTAssertTrue(line.hasPrefix("-rw-r--r-- root/root"), String(line)) }

        let out = dir.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        let extract = try runTool("/bin/tar", ["-xf", archive.path, "-C", out.path])
        XCTAssertEqual(extract.status, 0, extract.stderr)
        XCTAssertEqual(extract.stderr, "")
        for (name, data, mtime) in members {
            let path = out.appendingPathComponent(name).path
            XCTAssertEqual(FileManager.default.contents(atPath: path), Data(data), name)
            let date = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
            XCTAssertEqual(date.map { Int64($0.timeIntervalSince1970) }, mtime, name)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("PaxHeaders").path))
    }

    func testPaxRecordLengthCountsItself() {
        for count in [1, 85, 86, 93, 94, 95, 994, 995, 996] {
            let value = [UInt8](repeating: UInt8(ascii: "a"), count: count)
            let record = TarHeader.paxRecord("path", value)
            let prefix = record.prefix { $0 != 0x20 }
            XCTAssertEqual(Int(String(decoding: prefix, as: UTF8.self)), record.count, "value length \(count)")
            XCTAssertEqual(record.last, 0x0A)
        }
    }

    func testUstarSplitPrefersPrefixField() throws {
        let name = Array((String(repeating: "p", count: 150) + "/" + String(repeating: "n", count: 99)).utf8)
        let split = try XCTUnwrap(TarHeader.split(name))
        XCTAssertEqual(split.prefix.count, 150)
        XCTAssertEqual(split.name.count, 99)
        XCTAssertNil(TarHeader.split(Array(String(repeating: "x", count: 101).utf8)))
    }
}

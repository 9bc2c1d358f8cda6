import Foundation
import XCTest
import ReportIngest
import ReportModel

final class DecodingTests: XCTestCase {
    /// Vietnamese text with every kind of diacritic, including letters CP1258 can only write decomposed (ạ, ễ, ộ, ự).
    let sample = "Ngày báo cáo;Tên đơn vị;Ghi chú\n27/11/2026;Phường Hoàn Kiếm;Đã nhận hồ sơ, Thủy Xuân, Hòa Bình, Nguyễn Thị Phượng, ạ ễ ộ ự ỹ\n"

    func decode(_ bytes: [UInt8], name: String = "f.csv", limit: Int = 64 << 20) throws -> DecodedText {
        // Through a real file on disk.
        let dir = try TempDir()
        let path = try dir.write(name, bytes)
        return try TextDecoder(sizeLimit: limit).decode(try readBytes(path), name: name)
    }

    func failure(_ bytes: [UInt8], name: String = "f.csv", limit: Int = 64 << 20) throws -> DecodeFailure? {
        do { _ = try decode(bytes, name: name, limit: limit); return nil } catch let e as DecodeFailure { return e }
    }

    func text(_ d: DecodedText) -> String { String(decoding: d.bytes, as: UTF8.self) }

    func testUTF8() throws {
        let d = try decode(Array(sample.utf8))
        XCTAssertEqual(d.encoding, "utf-8")
        XCTAssertEqual(d.bytes, Array(sample.utf8))
    }

    func testUTF8NFDBecomesNFC() throws {
        let d = try decode(Array(sample.decomposedStringWithCanonicalMapping.utf8))
        XCTAssertEqual(d.bytes, Array(sample.precomposedStringWithCanonicalMapping.utf8))
    }

    func testUTF8BOM() throws {
        let d = try decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        XCTAssertEqual(d.encoding, "utf-8-bom")
        XCTAssertEqual(d.bytes, Array(sample.utf8), "the BOM is dropped")
    }

    func testUTF16LEAndBE() throws {
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for u in sample.utf16 {
            le += [UInt8(u & 0xFF), UInt8(u >> 8)]
            be += [UInt8(u >> 8), UInt8(u & 0xFF)]
        }
        let l = try decode(le), b = try decode(be)
        XCTAssertEqual(l.encoding, "utf-16le")
        XCTAssertEqual(b.encoding, "utf-16be")
        XCTAssertEqual(l.bytes, Array(sample.utf8))
        XCTAssertEqual(b.bytes, Array(sample.utf8))
        // A non-BMP character (surrogate pair) survives.
        var pair: [UInt8] = [0xFF, 0xFE]
        for u in "a😀b".utf16 { pair += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        XCTAssertEqual(text(try decode(pair)), "a😀b")
        // UTF-16 is full of NUL bytes: they are fine there.
        XCTAssertTrue(le.contains(0))
    }

    func testUTF16Broken() throws {
        XCTAssertEqual(try failure([0xFF, 0xFE, 0x41, 0x00, 0x42])?.reason, .unreadableEncoding, "odd length")
        XCTAssertEqual(try failure([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00])?.reason, .unreadableEncoding, "unpaired surrogate")
        XCTAssertEqual(try failure([0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00])?.reason, .unreadableEncoding, "NUL character")
    }

    func testCP1258() throws {
        let bytes = try cp1258(sample)
        XCTAssertNil(String(validating: bytes, as: UTF8.self), "the fixture must not be valid UTF-8")
        let d = try decode(bytes)
        XCTAssertEqual(d.encoding, "cp1258")
        XCTAssertEqual(text(d), sample.precomposedStringWithCanonicalMapping)
        XCTAssertEqual(d.bytes, Array(sample.precomposedStringWithCanonicalMapping.utf8))
    }

    /// Windows-1258 keeps the last base letter pending until it knows no tone mark follows.
    func testCP1258LastCharacterWithoutNewline() throws {
        for s in ["Hòa Bình", "Phường Hoàn Kiếm", "Đã nhận", "Ghi chú;Hoà"] {
            let d = try decode(try cp1258(s))
            XCTAssertEqual(text(d), s.precomposedStringWithCanonicalMapping, "CP1258 \"\(s)\" without a final line end")
        }
    }

    func testCP1258EndingWithLineEnd() throws {
        for s in ["Hòa Bình\n", "Phường Hoàn Kiếm\r\n", "Đã nhận;5\n"] {
            XCTAssertEqual(text(try decode(try cp1258(s))), s.precomposedStringWithCanonicalMapping)
        }
    }

    func testNULBytes() throws {
        var bytes = Array(sample.utf8)
        bytes.insert(0, at: 10)
        XCTAssertEqual(try failure(bytes)?.reason, .unreadableEncoding)
        XCTAssertEqual(try failure([0xEF, 0xBB, 0xBF] + bytes)?.reason, .unreadableEncoding, "NUL in UTF-8 with BOM")
        XCTAssertEqual(try failure(try gzip(bytes), name: "f.csv.gz")?.reason, .unreadableEncoding, "NUL inside a .gz")
    }

    /// A workbook sent as `.csv` or `.json` (or gzipped) is said to be one, with what to do; before, "byte NUL at offset
    /// 5" and advice to save it as .xlsx, which it already was. Still `unreadable_encoding`, never read as a workbook.
    func testAWorkbookUnderATextNameIsSaidToBeOne() throws {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00] + Array("[Content_Types].xml".utf8)
        for (bytes, name) in [(zip, "00070.csv"), (zip, "00070.json"), (try gzip(zip), "00070.csv.gz")] {
            let f = try XCTUnwrap(try failure(bytes, name: name), name)
            XCTAssertEqual(f.reason, .unreadableEncoding)
            XCTAssertTrue(f.detail.hasPrefix("tệp là sổ tính Excel (.xlsx) hoặc tệp nén zip"), f.detail)
            XCTAssertTrue(f.detail.contains("hãy đổi đuôi tệp thành .xlsx"), f.detail)
        }
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]
        XCTAssertTrue(try failure(ole)?.detail.hasPrefix("tệp là sổ tính Excel cũ (.xls) hoặc có mật khẩu") == true)
        // A NUL in other bytes is explained as before.
        XCTAssertTrue(try failure([0x50, 0x4B, 0x00, 0x00])?.detail.hasPrefix("có byte NUL ở vị trí 2") == true)
    }

    /// A Vietnamese UTF-8 file with one damaged byte is unreadable, not Windows-1258 mojibake.
    func testDamagedUTF8IsNotReadAsCP1258() throws {
        var bytes = Array(sample.utf8)
        bytes.insert(0xFF, at: 30)
        let f = try failure(bytes)
        XCTAssertEqual(f?.reason, .unreadableEncoding)
        XCTAssertEqual(f?.encoding, "utf-8")
        // Genuine Windows-1258 text of the same sample still decodes (it has no E1 BA/BB sequences).
        let cp = try cp1258(sample)
        XCTAssertEqual(text(try decode(cp)), sample)
    }

    func testInvalidBytes() throws {
        // 0x81, 0x8D, 0x90 are invalid UTF-8 and undefined in Windows-1258.
        for bad: [UInt8] in [[0x81], [0x8D], [0x90], [0x61, 0x81, 0x8D, 0x90]] {
            XCTAssertEqual(try failure(Array("report_date,x\n".utf8) + bad + [0x0A])?.reason, .unreadableEncoding, "\(bad)")
        }
    }

    func testGzipSingleAndMultiMember() throws {
        let a = Array("report_date,unit_code\n".utf8), b = Array("2026-11-27,00070\n".utf8)
        let single = try decode(try gzip(a + b), name: "x.csv.gz")
        XCTAssertEqual(single.bytes, a + b)
        XCTAssertEqual(single.encoding, "utf-8+gzip")
        let multi = try decode(try gzip(a) + gzip(b), name: "x.csv.gz")
        XCTAssertEqual(multi.bytes, a + b, "both members are read")
        let three = try decode(try gzip(a) + gzip(b) + gzip(b), name: "X.CSV.GZ")
        XCTAssertEqual(three.bytes, a + b + b)
        let bom = try decode(try gzip([0xEF, 0xBB, 0xBF] + a), name: "x.csv.gz")
        XCTAssertEqual(bom.encoding, "utf-8-bom+gzip")
        XCTAssertEqual(try decode(try gzip(try cp1258(sample)), name: "x.csv.gz").bytes, Array(sample.utf8))
    }

    func testCorruptGzip() throws {
        let whole = try gzip(Array(String(repeating: sample, count: 50).utf8))
        XCTAssertEqual(try failure(Array(whole.prefix(whole.count / 2)), name: "c.csv.gz")?.reason, .unreadableEncoding, "truncated")
        var flipped = whole
        flipped[whole.count / 2] ^= 0xFF
        flipped[whole.count / 2 + 1] ^= 0xFF
        XCTAssertEqual(try failure(flipped, name: "c.csv.gz")?.reason, .unreadableEncoding, "corrupt data")
        XCTAssertEqual(try failure(Array(sample.utf8), name: "c.csv.gz")?.reason, .unreadableEncoding, "not gzip at all")
        XCTAssertEqual(try failure(whole + [0x1F, 0x8B, 0x08], name: "c.csv.gz")?.reason, .unreadableEncoding, "a cut second member")
        var badCRC = whole
        badCRC[whole.count - 6] ^= 0x01
        XCTAssertEqual(try failure(badCRC, name: "c.csv.gz")?.reason, .unreadableEncoding, "wrong CRC")
        // And through FileIngester, as a whole-file reject at line 0.
        let o = try ingestFile("c.csv.gz", Array(whole.prefix(whole.count / 2)))
        XCTAssertEqual(rejectList(o), ["0:unreadable_encoding"])
    }

    func testGzipBomb() throws {
        // 200 MB of zeros, compressed by the real gzip (~200 KB).
        let dir = try TempDir()
        let zeros = dir.url.appendingPathComponent("zeros")
        let r = try runTool("/bin/sh", ["-c", "head -c 209715200 /dev/zero | /bin/gzip -c > '\(zeros.path)'"])
        XCTAssertEqual(r.status, 0)
        let bomb = try readBytes(zeros.path)
        XCTAssertLessThan(bomb.count, 1 << 20)
        let start = Date()
        XCTAssertEqual(try failure(bomb, name: "bomb.csv.gz", limit: 1 << 20)?.reason, .tooLarge)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "must stop at the limit, not inflate 200 MB")
        let o = FileIngester(registries: sampleRegistries, sizeLimit: 1 << 20)
            .ingest(bomb, file: "bomb.json.gz", receivedAt: ts("2026-11-27T19:00:00+07:00"))
        XCTAssertEqual(rejectList(o), ["0:too_large"])
    }

    func testSizeLimit() throws {
        let bytes = Array(String(repeating: "a", count: 1001).utf8)
        XCTAssertEqual(try failure(bytes, limit: 1000)?.reason, .tooLarge)
        XCTAssertNil(try failure(Array(bytes.prefix(1000)), limit: 1000))
        XCTAssertNil(try failure(try gzip(Array(bytes.prefix(1000))), name: "a.csv.gz", limit: 1000), "exactly the limit inflated")
        XCTAssertEqual(try failure(try gzip(bytes), name: "a.csv.gz", limit: 1000)?.reason, .tooLarge)
    }
}

import XCTest
import ReportModel
@testable import ReportIngest

final class DelimiterSniffTests: XCTestCase {
    func delimiter(_ line: String) -> Character {
        Character(UnicodeScalar(CSVReader.delimiter(of: Array(line.utf8)[...])))
    }

    func testMostFrequentOutsideQuotesWins() {
        XCTAssertEqual(delimiter("a,b,c;d"), ",")
        XCTAssertEqual(delimiter("a;b;c,d"), ";")
        XCTAssertEqual(delimiter("a\tb\tc;d,e"), "\t")
        XCTAssertEqual(delimiter("a;b\tc\td"), "\t")
    }

    func testDelimitersInsideQuotesAreIgnored() {
        XCTAssertEqual(delimiter("\"a,b,c,d\";e;f"), ";")
        XCTAssertEqual(delimiter("x\t\"1;2;3;4\"\ty,z"), "\t")
        // After the quote closes, counting resumes.
        XCTAssertEqual(delimiter("\"a;b\",c,d;e"), ",")
        // A sub-slice is read from its own start, not from the array's.
        let bytes = Array("a;b;c\nx,y".utf8)
        XCTAssertEqual(CSVReader.delimiter(of: bytes[6...]), UInt8(ascii: ","))
    }

    func testTiesPreferCommaThenSemicolon() {
        XCTAssertEqual(delimiter("a,b;c\td"), ",")
        XCTAssertEqual(delimiter("a;b\tc"), ";")
        XCTAssertEqual(delimiter("a,,b;;c"), ",")
        XCTAssertEqual(delimiter("no delimiter here"), ",")
        XCTAssertEqual(delimiter(""), ",")
        XCTAssertEqual(delimiter("\"a;b\tc\""), ",", "all of them quoted")
    }
}

final class HeaderMapTests: XCTestCase {
    let canonical = ["report_date", "unit_code", "procedure_code"] + Column.counts.map(\.canonicalName) + ["extra"]

    func testSameHeadersGiveTheSameMap() {
        let first = HeaderMap(headers: canonical)
        let second = HeaderMap(headers: canonical)
        XCTAssertEqual(first.columns, second.columns)
        XCTAssertEqual(first.unknown, second.unknown)
        XCTAssertEqual(first.columns, [.reportDate, .unitCode, .procedureCode] + Column.counts + [nil])
        XCTAssertEqual(first.unknown, ["extra"])
        XCTAssertEqual(first.missingRequired, [])
    }

    func testVietnameseHeaderMapsLikeCanonical() {
        let vietnamese = [Column.reportDate, .unitCode, .procedureCode].map(\.vietnameseName)
            + Column.counts.map(\.vietnameseName) + ["extra"]
        XCTAssertEqual(HeaderMap(headers: vietnamese).columns, HeaderMap(headers: canonical).columns)
        XCTAssertEqual(HeaderMap(headers: vietnamese).unknown, ["extra"])
        // Differently written, the same columns.
        let loose = ["NGÀY BÁO CÁO", "ma don vi", "Mã_thủ_tục"]
        XCTAssertEqual(HeaderMap(headers: loose).columns, [.reportDate, .unitCode, .procedureCode])
    }

    /// The memo holds 256 header lines and is then cleared: every map must stay right across that.
    func testManyDistinctHeadersStillMapCorrectly() {
        for round in 0..<2 {
            for i in 0..<600 {
                let headers = ["unit_code", "extra\(i)", "report_date", i % 2 == 0 ? "procedure_code" : "unit_code"]
                let map = HeaderMap(headers: headers)
                XCTAssertEqual(map.columns, [.unitCode, nil, .reportDate, i % 2 == 0 ? .procedureCode : nil],
                               "round \(round), header \(i)")
                XCTAssertEqual(map.unknown, ["extra\(i)"] + (i % 2 == 0 ? [] : ["unit_code"]), "round \(round), header \(i)")
            }
        }
    }

    /// NFC and NFD spellings of an unknown header are equal Strings: each must still get its own text back.
    func testUnknownHeaderTextKeepsTheFileBytes() {
        let nfc = "Ghi chú thêm", nfd = "Ghi chu\u{0301} thêm"
        XCTAssertEqual(nfc, nfd)
        XCTAssertEqual(Array(HeaderMap(headers: ["report_date", nfc]).unknown[0].utf8), Array(nfc.utf8))
        XCTAssertEqual(Array(HeaderMap(headers: ["report_date", nfd]).unknown[0].utf8), Array(nfd.utf8))
    }
}

/// The one-pass sniff of a file's first lines against the plain reading of its rule (each line on its own).
final class FirstLinesSniffTests: XCTestCase {
    /// The rule as written: among the first ten non-blank lines, the one with the most of its own delimiter.
    static func reference(_ bytes: [UInt8]) -> UInt8 {
        var best: (delimiter: UInt8, count: Int) = (0x2C, -1)
        var seen = 0
        for line in bytes.split(omittingEmptySubsequences: false, whereSeparator: { $0 == 0x0A || $0 == 0x0D }) where seen < 10 {
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            seen += 1
            let d = CSVReader.delimiter(of: line)
            let n = line.filter { $0 == d }.count
            if n > best.count { best = (d, n) }
        }
        return best.delimiter
    }

    func testAgreesWithTheRuleOnRandomFiles() {
        var rng = SplitMix64(seed: 20261202)
        let alphabet: [UInt8] = Array("a,;\t\" \n\r".utf8)
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0...80, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            XCTAssertEqual(CSVReader.delimiter(ofFirstLines: bytes), Self.reference(bytes), String(decoding: bytes, as: UTF8.self).debugDescription)
        }
    }

    func testATitleRowWithAStraySemicolonDoesNotDecide() {
        XCTAssertEqual(CSVReader.delimiter(ofFirstLines: Array("Báo cáo; ngày 27/11\n\na,b,c,d\n1,2,3,4\n".utf8)), UInt8(ascii: ","))
        XCTAssertEqual(CSVReader.delimiter(ofFirstLines: Array(" \t \r\nx;y;z\r\n".utf8)), UInt8(ascii: ";"))
        XCTAssertEqual(CSVReader.delimiter(ofFirstLines: []), UInt8(ascii: ","))
    }
}

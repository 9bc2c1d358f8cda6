import Foundation
import XCTest
@testable import ReportExport

final class CSVWriterTests: XCTestCase {
    func testHeaderAndRowsUseCRLFAndQuoteOnlyWhenNeeded() {
        var writer = CSVWriter(header: ["report_date", "scope_code", "scope_name", "count"])
        writer.append(row: [.text("2026-11-27"), .text("VN"), .text("Việt Nam"), .number(1234)])
        writer.append(row: [.text("a,b"), .text("say \"hi\""), .text("line\nbreak"), .empty])
        writer.append(row: [.text("cr\rhere"), .text(""), .number(-5), .text("plain")])
        let expected = "report_date,scope_code,scope_name,count\r\n"
            + "2026-11-27,VN,Việt Nam,1234\r\n"
            + "\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\r\n"
            + "\"cr\rhere\",,-5,plain\r\n"
        XCTAssertEqual(writer.bytes, Array(expected.utf8))
        XCTAssertEqual(writer.data, Data(expected.utf8))
    }

    func testNoByteOrderMark() {
        let writer = CSVWriter(header: ["x"])
        XCTAssertEqual(writer.bytes, Array("x\r\n".utf8))
    }

    func testUntrustedTextIsDefusedAgainstFormulas() {
        var writer = CSVWriter(header: ["raw"])
        for text in ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx", "ok=1", "", "'kept"] {
            writer.append(row: [.untrusted(text)])
        }
        let expected = "raw\r\n'=SUM(A1)\r\n'+1\r\n'-2\r\n'@cmd\r\n'\tx\r\n\"'\rx\"\r\nok=1\r\n\r\n'kept\r\n"
        XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), expected)
    }

    func testTrustedTextIsNotDefused() {
        var writer = CSVWriter(header: ["v"])
        writer.append(row: [.text("-3")])
        XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), "v\r\n-3\r\n")
    }

    func testTextIsWrittenInNFC() {
        let decomposed = "Hoa\u{0300}"  // "Hoà" spelled with a combining grave accent
        var writer = CSVWriter(header: ["Te\u{0302}\u{0309}n"])
        writer.append(row: [.text(decomposed)])
        writer.append(row: [.untrusted(decomposed)])
        XCTAssertEqual(writer.bytes, Array("Tển\r\nHoà\r\nHoà\r\n".utf8))
        XCTAssertEqual(writer.bytes, Array("T\u{1EC3}n\r\nHo\u{00E0}\r\nHo\u{00E0}\r\n".utf8))
    }

    func testWrittenFileReadsBackIdentically() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        var writer = CSVWriter(header: ["a", "b"])
        writer.append(row: [.untrusted("=1+1"), .text("Phường Hoàn Kiếm, Hà Nội")])
        let url = dir.url.appendingPathComponent("t.csv")
        try AtomicFile.write(writer.data, to: url)
        XCTAssertEqual(try Data(contentsOf: url), writer.data)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8),
                       "a,b\r\n'=1+1,\"Phường Hoàn Kiếm, Hà Nội\"\r\n")
    }
}

import Foundation
import XCTest
import ReportIngest
import ReportModel

final class CSVReaderTests: XCTestCase {
    func testDelimitersFromHeader() throws {
        for delim in [",", ";", "\t"] {
            let header = canonicalHeader.replacingOccurrences(of: ",", with: delim)
            let rows = [goodRow("1.000101"), goodRow("1.000102")].map { $0.replacingOccurrences(of: ",", with: delim) }
            let o = try ingestFile("d.csv", ([header] + rows).joined(separator: "\n") + "\n")
            XCTAssertEqual(rejectList(o), [], "delimiter \(delim.debugDescription)")
            XCTAssertEqual(o.rows.map(\.line), [2, 3])
            XCTAssertEqual(o.rows.map(\.procedureCode), ["1.000101", "1.000102"])
            XCTAssertEqual(o.rows.first?.counts, Counts(receivedOnline: 1, resolvedOnTime: 1, pendingOnTime: 2))
        }
        // `;` wins over the commas inside a header's quoted field and `,` thousands in cells.
        let semi = "report_date;\"unit_code, mã\";unit_code;procedure_code;received_online;received_offline;resolved_on_time;resolved_late;returned;pending_on_time;pending_overdue\n2026-11-27;x;00070;1.000101;1,234;0;0;0;0;0;0\n"
        let o = try ingestFile("s.csv", semi)
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.first?.counts.receivedOnline, 1234)
    }

    func testLineEnds() throws {
        for eol in ["\n", "\r\n", "\r"] {
            let text = [canonicalHeader, goodRow("1.000101"), goodRow("1.000102"), goodRow("1.000103")].joined(separator: eol)
            for ending in ["", eol] {
                let o = try ingestFile("e.csv", text + ending)
                XCTAssertEqual(rejectList(o), [], "eol \(eol.debugDescription)")
                XCTAssertEqual(o.rows.map(\.line), [2, 3, 4], "eol \(eol.debugDescription), final \(ending.debugDescription)")
            }
        }
    }

    func testQuotedFieldsAndPhysicalLines() throws {
        let lines = [
            canonicalHeader,                                          // 1
            goodRow("1.000101", note: "\"a, b\""),                    // 2
            goodRow("1.000102", note: "\"say \"\"hi\"\" now\""),      // 3
            goodRow("1.000103", note: "\"first\nsecond\nthird\""),    // 4–6
            goodRow("1.000104"),                                      // 7
            "",                                                       // 8
            "   ",                                                    // 9
            goodRow("1.000105", note: "\"x\r\ny\""),                  // 10–11
            goodRow("1.000106", note: "\"\""),                        // 12
        ]
        for eol in ["\n", "\r\n", "\r"] {
            let o = try ingestFile("q.csv", lines.joined(separator: eol) + eol)
            XCTAssertEqual(rejectList(o), [], "eol \(eol.debugDescription)")
            XCTAssertEqual(o.rows.map(\.line), [2, 3, 4, 7, 10, 12], "eol \(eol.debugDescription)")
            XCTAssertEqual(o.rows.map(\.note), ["a, b", "say \"hi\" now", "first\nsecond\nthird", "", "x\r\ny", ""])
        }
    }

    func testRecordsAPIGivesRawAndLines() {
        var got: [CSVRecord] = []
        let text = "a,b\n\n1,\"x\ny\"\n2,z\n"
        XCTAssertEqual(CSVReader.records(Array(text.utf8)) { got.append($0) }, .complete)
        XCTAssertEqual(got.map(\.line), [1, 3, 5])
        XCTAssertEqual(got.map(\.fields), [["a", "b"], ["1", "x\ny"], ["2", "z"]])
        XCTAssertEqual(got[1].raw, "1,\"x\ny\"")
        XCTAssertEqual(CSVReader.records([]) { _ in }, .empty)
        XCTAssertEqual(CSVReader.records(Array(" \n\t\n".utf8)) { _ in }, .empty)
    }

    func testUnterminatedQuote() throws {
        let text = [canonicalHeader,                                  // 1
                    goodRow("1.000901"),                               // 2
                    goodRow("1.001001"),                               // 3
                    goodRow("1.000802"),                               // 4
                    goodRow("1.000504", note: "\"never closed"),       // 5
                    goodRow("1.000503"),                               // 6
                    goodRow("1.000403")].joined(separator: "\n") + "\n" // 7
        let o = try ingestFile("u.csv", text)
        XCTAssertEqual(o.rows.map(\.line), [2, 3, 4])
        XCTAssertEqual(o.rows.map(\.procedureCode), ["1.000901", "1.001001", "1.000802"])
        XCTAssertEqual(rejectList(o), ["5:unterminated_quote"])
        XCTAssertTrue(o.rejects.first?.raw.hasPrefix("2026-11-27,00070,,1.000504") ?? false)
        XCTAssertEqual(o.status, .partial)
    }

    func testRaggedRowsOneByOne() throws {
        let text = [canonicalHeader,
                    goodRow("1.000101"),                                   // 2 ok
                    "2026-11-27,00070,,1.000102,1,0,1,0,0,2",              // 3 too few
                    goodRow("1.000103"),                                   // 4 ok
                    goodRow("1.000104") + ",extra",                        // 5 too many
                    "hôm qua,00070,,1.000105,1",                           // 6 too few + bad date: ragged wins
                    goodRow("1.000106", note: "\"multi\nline\"") + ",x",  // 7–8 too many
                    goodRow("1.000107")].joined(separator: "\n")           // 9 ok
        let o = try ingestFile("r.csv", text)
        XCTAssertEqual(rejectList(o), ["3:ragged_row", "5:ragged_row", "6:ragged_row", "7:ragged_row"])
        XCTAssertEqual(o.rows.map(\.line), [2, 4, 9])
        XCTAssertEqual(o.rowsRead, 7)
    }

    func testMissingHeader() throws {
        let noCounts = "report_date,unit_code,procedure_code,submitted_at\n2026-11-27,00070,1.000101,2026-11-27T19:00:00+07:00\n"
        let a = try ingestFile("m.csv", noCounts)
        XCTAssertEqual(rejectList(a), ["1:missing_header"], "a missing_header reject carries the header's line")
        XCTAssertEqual(a.rows, [])
        XCTAssertTrue(a.rejects[0].detail.contains("received_online"))
        let noUnit = "report_date,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,returned,pending_on_time,pending_overdue\n2026-11-27,1.000101,1,0,1,0,0,2,0\n"
        let b = try ingestFile("m2.csv", noUnit)
        XCTAssertEqual(rejectList(b), ["1:missing_header"])
        XCTAssertEqual(rejectList(try ingestFile("m4.csv", "\n  \n" + noUnit)), ["3:missing_header"], "the header is line 3")
        XCTAssertEqual(b.rows, [])
        // A reporter column is a way to name the unit: the header is complete.
        let reporterOnly = "report_date,procedure_code,received_online,received_offline,resolved_on_time,resolved_late,returned,pending_on_time,pending_overdue,reporter_phone\n2026-11-27,1.000101,1,0,1,0,0,2,0,0918126361\n"
        let c = try ingestFile("m3.csv", reporterOnly)
        XCTAssertEqual(rejectList(c), [])
        XCTAssertEqual(c.rows.map(\.unitCode), ["00070"])
    }

    func testUnknownColumnNotedOnce() throws {
        let text = "STT," + canonicalHeader + ",Cột lạ\n" + (1...3).map { "\($0)," + goodRow("1.00010\($0)") + ",?" }.joined(separator: "\n") + "\n"
        let o = try ingestFile("k.csv", text)
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.count, 3)
        XCTAssertEqual(o.notes.filter { $0.kind == "unknown_column" }.count, 2)
        XCTAssertEqual(o.notes.filter { $0.detail.contains("STT") }.count, 1)
        XCTAssertEqual(o.notes.filter { $0.detail.contains("Cột lạ") }.count, 1)
    }

    func testHeaderOnlyAndEmptyFiles() throws {
        XCTAssertEqual(rejectList(try ingestFile("h.csv", canonicalHeader + "\n")), ["0:empty_file"])
        XCTAssertEqual(rejectList(try ingestFile("h.csv", canonicalHeader + "\n\n  \n")), ["0:empty_file"])
        XCTAssertEqual(rejectList(try ingestFile("h.csv", canonicalHeader)), ["0:empty_file"])
        XCTAssertEqual(rejectList(try ingestFile("z.csv", "")), ["0:empty_file"])
        XCTAssertEqual(rejectList(try ingestFile("w.csv", "\n \r\n\t\n")), ["0:empty_file"])
    }

    func testHeaderIsFirstNonEmptyLineAndVietnameseHeaders() throws {
        let vn = Column.allCases.filter { $0 != .reporterName && $0 != .reporterEmail && $0 != .reporterPhone }
        let header = vn.map(\.vietnameseName).joined(separator: ";")
        let row = vn.map { c -> String in
            switch c {
            case .reportDate: "27/11/2026"
            case .unitCode: "70"
            case .unitName: "Phường Hoàn Kiếm"
            case .procedureCode: "1000101"
            case .submittedAt: "2026-11-27T19:00:00+07:00"
            case .note: "ghi chú"
            default: "1.234"
            }
        }.joined(separator: ";")
        let o = try ingestFile("v.csv", "\n  \n" + header + "\n" + row + "\n")
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.map(\.line), [4])
        XCTAssertEqual(o.rows.first?.unitCode, "00070")
        XCTAssertEqual(o.rows.first?.procedureCode, "1.000101")
        XCTAssertEqual(o.rows.first?.counts.array, Array(repeating: 1234, count: 7))
    }

    /// Thousands of records with random quoted newlines, delimiters, quotes and blank lines:
    /// none is lost, each keeps its fields, and each starts on the physical line computed here independently.
    func testGeneratedCSVLineNumbers() throws {
        var rng = SplitMix64(seed: 0x5EED_2026_1127)
        for (fileIndex, eol) in ["\n", "\r\n", "\r"].enumerated() {
            let delim = [",", ";", "\t"][fileIndex]
            var bytes: [UInt8] = []
            var expected: [(line: Int, note: String, online: Int)] = []
            var countedLine = 1, countedTo = 0
            /// 1 + the line breaks (CRLF, LF or CR) before `offset`; offsets come in increasing order.
            func lineOf(offset: Int) -> Int {
                var line = countedLine, i = countedTo
                defer { countedLine = line; countedTo = i }
                while i < offset {
                    if bytes[i] == 0x0A { line += 1 } else if bytes[i] == 0x0D {
                        line += 1
                        if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                    }
                    i += 1
                }
                return line
            }
            bytes += Array(canonicalHeader.replacingOccurrences(of: ",", with: delim).utf8) + Array(eol.utf8)
            let pieces = ["a", "b c", delim, "\"", "\n", "\r\n", "\r", "Hòa", " ", "x\"y", "\n\n"]
            for n in 0..<4000 {
                if Int.random(in: 0..<8, using: &rng) == 0 {
                    bytes += Array((Bool.random(using: &rng) ? "" : "  ").utf8) + Array(eol.utf8)
                }
                var note = ""
                let parts = Int.random(in: 0..<5, using: &rng)
                for _ in 0..<parts { note += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
                let needsQuotes = note.contains(delim) || note.contains("\"") || note.contains("\n") || note.contains("\r")
                    || note.hasPrefix(" ") || note.hasSuffix(" ") || Bool.random(using: &rng)
                let cell = needsQuotes ? "\"" + note.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : note
                let fields = ["2026-11-27", "00070", "", "1.000101", "\(n)", "0", "0", "0", "0", "0", "0",
                              "2026-11-27T19:00:00+07:00", cell]
                let start = bytes.count
                bytes += Array(fields.joined(separator: delim).utf8)
                if n < 3999 || Bool.random(using: &rng) { bytes += Array(eol.utf8) }
                expected.append((lineOf(offset: start), note, n))
            }
            // The record API, directly.
            var records: [CSVRecord] = []
            XCTAssertEqual(CSVReader.records(bytes) { records.append($0) }, .complete)
            XCTAssertEqual(records.count, 4001, "eol \(eol.debugDescription)")
            for (r, e) in zip(records.dropFirst(), expected) where r.line != e.line || r.fields.last != e.note {
                XCTFail("record \(e.online) (eol \(eol.debugDescription)): line \(r.line), expected \(e.line); note \(r.fields.last.debugDescription), expected \(e.note.debugDescription)")
                break
            }
            // And through the ingester, from a real file.
            let o = try ingestFile("gen\(fileIndex).csv", bytes)
            XCTAssertEqual(rejectList(o), [])
            XCTAssertEqual(o.rows.count, 4000)
            XCTAssertEqual(o.rows.map(\.line), expected.map(\.line))
            XCTAssertEqual(o.rows.map(\.counts.receivedOnline), expected.map(\.online))
        }
    }
}

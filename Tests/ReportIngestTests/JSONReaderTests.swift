import Foundation
import XCTest
import ReportIngest
import ReportModel

final class JSONReaderTests: XCTestCase {
    let envelope00070 = """
    {"report_date": "2026-11-27", "unit_code": "00070", "unit_name": "Phường Hoàn Kiếm",
     "submitted_at": "2026-11-27T17:05:00+07:00",
     "reporter": {"full_name": "Trần Thu Hương", "phone": "+84 918 126 361", "email": "motcua.00070@dichvucong.gov.vn"},
     "items": [
      {"procedure_code": "1.000101", "received_online": 3, "received_offline": 1,
       "resolved_on_time": 2, "resolved_late": 0, "returned": 0, "pending_on_time": 5, "pending_overdue": 0},
      {"procedure_code": "1000102", "received_online": "1.234", "received_offline": null, "returned": "",
       "resolved_on_time": "2", "resolved_late": 0, "pending_on_time": 1},
        {"procedure_code": "1.000103"}
     ]}
    """

    func testSingleEnvelope() throws {
        let o = try ingestFile("e.json", envelope00070)
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.map(\.line), [5, 7, 9], "each item's line is the line of its {")
        XCTAssertEqual(o.rows.map(\.procedureCode), ["1.000101", "1.000102", "1.000103"])
        XCTAssertEqual(o.rows[0].counts, Counts(receivedOnline: 3, receivedOffline: 1, resolvedOnTime: 2, pendingOnTime: 5))
        XCTAssertEqual(o.rows[1].counts, Counts(receivedOnline: 1234, resolvedOnTime: 2, pendingOnTime: 1),
                       "strings read as CSV cells; null, empty and absent are 0")
        XCTAssertEqual(o.rows[2].counts, .zero)
        XCTAssertEqual(o.rows[0].submittedAt, ts("2026-11-27T17:05:00+07:00"))
        XCTAssertEqual(o.rows[0].reporter.phone, "+84 918 126 361")
        XCTAssertEqual(o.rows[0].reporter.fullName, "Trần Thu Hương")
        XCTAssertEqual(o.unitReports.count, 1)
        XCTAssertEqual(o.status, .accepted)
    }

    /// `Items` or `ITEMS` is the items list, as `REPORT_DATE` is the report date. Before, the envelope was read as a
    /// report of no activity and its figures were lost with only an unknown-key warning; and so were they under any
    /// other name (`rows`), which is now rejected, saying to rename the key.
    func testTheItemsListUnderAnotherSpellingOrNameIsNotReadAsNoActivity() throws {
        let upper = try ingestFile("u.json", #"{"REPORT_DATE": "2026-11-27", "Unit_Code": "00070", "Items": [{"procedure_code": "1.000101", "received_online": 3}], "Reporter": {"full_name": "Trần Thu Hương"}}"#)
        XCTAssertEqual(rejectList(upper), [])
        XCTAssertEqual(upper.rows.map(\.counts.receivedOnline), [3])
        XCTAssertEqual(upper.rows.first?.reporter.fullName, "Trần Thu Hương")
        XCTAssertFalse(upper.notes.contains { $0.kind == "unknown_column" }, "\(upper.notes)")
        let rows = try ingestFile("r.json", #"{"report_date": "2026-11-27", "unit_code": "00070", "rows": [{"procedure_code": "1.000101", "received_online": 3}]}"#)
        XCTAssertEqual(rejectList(rows), ["1:missing_field"])
        XCTAssertTrue(rows.rows.isEmpty && rows.unitReports.isEmpty, "no report of no activity")
        XCTAssertEqual(rows.rejects.first?.detail, "khóa \"rows\" chứa danh sách các mục nhưng mẫu báo cáo gọi danh sách này là \"items\": "
                       + "số liệu trong đó chưa được đọc; hãy đổi tên khóa thành \"items\" rồi gửi lại")
        XCTAssertEqual(rows.rejects.first?.reportDate?.iso, "2026-11-27")
        // One item written without its list is that item (before: missing_field, "the procedure code is empty").
        let single = try ingestFile("s.json", #"{"report_date": "2026-11-27", "unit_code": "00070", "items": {"procedure_code": "1.000101", "received_online": 2}}"#)
        XCTAssertEqual(rejectList(single), [])
        XCTAssertEqual(single.rows.map(\.counts.receivedOnline), [2])
        // A list beside `items` is still only an unknown key.
        let beside = try ingestFile("b.json", #"{"report_date": "2026-11-27", "unit_code": "00070", "items": [], "attachments": [{"name": "a.pdf"}]}"#)
        XCTAssertEqual(rejectList(beside), [])
        XCTAssertEqual(beside.unitReports.count, 1)
    }

    func testArrayOfEnvelopes() throws {
        let text = "[\n" + envelope00070 + ",\n" + envelope00070.replacingOccurrences(of: "00070", with: "00073")
            .replacingOccurrences(of: "Phường Hoàn Kiếm", with: "Phường Cửa Nam") + "\n]\n"
        let o = try ingestFile("a.json", text)
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.map(\.line), [6, 8, 10, 16, 18, 20])
        XCTAssertEqual(o.rows.map(\.unitCode), ["00070", "00070", "00070", "00073", "00073", "00073"])
        XCTAssertEqual(Set(o.unitReports.map(\.unitCode)), ["00070", "00073"])
    }

    /// A reporting system's export wraps the envelopes (`{"data": [ … ]}`, with a status beside): they are read, with a
    /// note. The file was rejected before as missing report_date, which told the officer nothing of the wrapper.
    func testEnvelopesInsideAWrapperAreReadWithANote() throws {
        let o = try ingestFile("w.json", "{\"status\": \"ok\", \"count\": 1,\n \"data\": [\n" + envelope00070 + "\n]}\n")
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.map(\.line), [7, 9, 11], "lines are the file's")
        let note = try XCTUnwrap(o.notes.first { $0.kind == "wrapped_envelopes" })
        XCTAssertEqual(note.detail, "các báo cáo được đọc từ khóa \"data\" bọc ngoài; mẫu báo cáo là một báo cáo hoặc một mảng báo cáo ở ngoài cùng")
        XCTAssertFalse(o.notes.contains { $0.kind == "unknown_column" }, "\(o.notes)")
        let single = try ingestFile("s.json", "{\"report\": " + envelope00070 + "}")
        XCTAssertEqual(single.rows.count, 3)
        // Two members that could hold envelopes: no guess, read as before (an envelope naming nothing it needs).
        let two = try ingestFile("two.json", "{\"a\": [" + envelope00070 + "], \"b\": [" + envelope00070 + "]}")
        XCTAssertEqual(rejectList(two), ["1:missing_field"])
    }

    /// Envelopes one after another, one a line (JSON Lines, as reporting systems stream them), are read one by one
    /// with a note; they were `bad_json` ("còn chữ thừa sau giá trị JSON") at the second line. Objects separated by
    /// commas without the array's brackets are still `bad_json`, and the detail says what to add.
    func testJSONLinesAreReadEnvelopeByEnvelope() throws {
        let one = envelope00070.replacingOccurrences(of: "\n", with: " ")
        let empty = "{\"report_date\": \"2026-11-27\", \"unit_code\": \"00004\", \"items\": []}"
        let o = try ingestFile("l.json", one + "\n" + empty + "\r\n")
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.map(\.unitCode), ["00070", "00070", "00070"])
        XCTAssertEqual(Set(o.unitReports.map(\.unitCode)), ["00070", "00004"])
        XCTAssertEqual(o.unitReports.first { $0.unitCode == "00004" }?.line, 2, "an envelope's line is its own")
        let note = try XCTUnwrap(o.notes.first { $0.kind == "json_lines" })
        XCTAssertTrue(note.detail.hasPrefix("tệp có 2 báo cáo nối tiếp nhau (JSON Lines)"), note.detail)
        // A damaged line is that line's syntax error, the whole file rejected as before.
        XCTAssertEqual(rejectList(try ingestFile("l.json", one + "\n" + "{\"report_date\": \n")), ["3:bad_json"])
        let commas = try ingestFile("c.json", one + ",\n" + empty)
        XCTAssertEqual(rejectList(commas), ["1:bad_json"])
        XCTAssertTrue(commas.rejects.first?.detail.contains("hãy thêm [ trước đối tượng đầu và ] sau đối tượng cuối") == true,
                      commas.rejects.first?.detail ?? "")
    }

    func testEmptyItemsIsAnEmptyReport() throws {
        for items in ["\"items\": []", "\"items\": null", "\"note\": \"no items key\""] {
            let o = try ingestFile("empty.json", "{\"report_date\": \"2026-11-26\", \"unit_code\": \"20179\", \"submitted_at\": \"2026-11-26T18:00:00+07:00\", \(items)}")
            XCTAssertEqual(rejectList(o), [], items)
            XCTAssertEqual(o.rows, [])
            XCTAssertEqual(o.unitReports.map(\.unitCode), ["20179"], items)
            XCTAssertEqual(o.unitReports.first?.reportDate, Day(iso: "2026-11-26"))
            XCTAssertNotEqual(o.status, .rejected, "the unit reported: it is not missing")
        }
        // An empty envelope of an unknown unit is still rejected.
        let bad = try ingestFile("empty.json", "{\"report_date\": \"2026-11-26\", \"unit_code\": \"99999\", \"items\": []}")
        XCTAssertEqual(rejectList(bad), ["1:unknown_unit"])
    }

    func testBadCounts() throws {
        let text = """
        {"report_date": "2026-11-27", "unit_code": "00187", "submitted_at": "2026-11-27T19:00:00+07:00",
         "items": [
          {"procedure_code": "1.000901", "received_online": 2.5},
          {"procedure_code": "1.001001", "received_offline": -1},
          {"procedure_code": "1.000802", "pending_on_time": "abc"},
          {"procedure_code": "1.000901", "returned": "1.5"},
          {"procedure_code": "1.000901", "returned": 2.0},
          {"procedure_code": "1.000901", "returned": 1e3},
          {"procedure_code": "1.000901", "returned": true},
          {"procedure_code": "1.000901", "returned": [1]},
          {"procedure_code": "1.000901", "returned": 7}
         ]}
        """
        let o = try ingestFile("c.json", text)
        // 2.0 and 1e3 are whole numbers written as floats (docs/DECISIONS.md): accepted.
        XCTAssertEqual(rejectList(o), [3, 4, 5, 6, 9, 10].map { "\($0):bad_count" })
        XCTAssertEqual(o.rows.map(\.line), [7, 8, 11])
        XCTAssertEqual(o.rows.map(\.counts.returned), [2, 1000, 7])
    }

    func testMalformed() throws {
        for text in ["{\"report_date\": \"2026-11-27\",\n \"items\": [\n  {\"procedure_code\": \"1.000901\", \"received_online\": 1,\n",
                     "{\"a\": 1,}", "[1, 2", "{'a': 1}", "{\"a\": 01}", "{\"a\": \"\\x\"}", "{\"a\": 1} [2]", "nul",
                     "{\"a\": \"tab\there\"}", "\u{FEFF}{"] {
            let o = try ingestFile("bad.json", text)
            XCTAssertEqual(o.rejects.map(\.reason), [.badJSON], text.debugDescription)
            XCTAssertEqual(o.rows, [])
        }
        XCTAssertEqual(try ingestFile("n.json", "42").rejects.map(\.reason), [.badJSON], "neither envelope nor array")
        XCTAssertEqual(try ingestFile("n.json", "[1, 2]").rejects.map(\.reason), [.badJSON], "array of non-envelopes")
        XCTAssertEqual(rejectList(try ingestFile("n.json", "[]")), ["0:empty_file"])
        XCTAssertEqual(rejectList(try ingestFile("n.json", " \n ")), ["0:empty_file"])
    }

    /// The parser's reason is in the reject's language: a Vietnamese detail carried English ("expected a quoted key").
    func testMalformedJSONIsExplainedInTheRejectsLanguage() throws {
        let english = ["expected", "unexpected", "invalid", "unterminated", "nesting", "character", "literal", "escape",
                       "surrogate", "end of the file"]
        let texts = ["{'a': 1}", "{\"a\": 1,}", "[1, 2", "{\"a\": 01}", "{\"a\": \"\\x\"}", "{\"a\": 1} [2]", "nul",
                     "{\"a\": \"tab\there\"}", "{\"a\" 1}", "{\"a\": [1 2]}", "{\"a\": \"\\ud800\"}", "{\"a\": \"x",
                     String(repeating: "[", count: 10_000)]
        for text in texts {
            let vi = try ingestFile("bad.json", text).rejects
            XCTAssertEqual(vi.map(\.reason), [.badJSON], text.debugDescription)
            let detail = vi.first?.detail ?? ""
            XCTAssertTrue(detail.hasPrefix("JSON không hợp lệ ("), detail)
            for word in english { XCTAssertFalse(detail.contains(word), "\(text.prefix(40).debugDescription): \(detail)") }
            let en = FileIngester(registries: sampleRegistries, sizeLimit: 64 << 20, language: .en)
                .ingest(Array(text.utf8), file: "bad.json", receivedAt: ts("2026-11-27T19:00:00+07:00")).rejects
            XCTAssertTrue(english.contains { en.first?.detail.contains($0) == true }, en.first?.detail ?? "none")
        }
        // A comma before a closing bracket (JavaScript allows it, JSON does not) is said to be one, at its line.
        let trailing = try ingestFile("bad.json", "{\"report_date\": \"2026-11-27\", \"items\": [\n {\"procedure_code\": \"1.000101\"},\n]}")
        XCTAssertEqual(rejectList(trailing), ["3:bad_json"])
        XCTAssertTrue(trailing.rejects[0].detail.hasPrefix("JSON không hợp lệ (dấu phẩy thừa ngay trước ']': hãy xóa dấu phẩy đó)"),
                      trailing.rejects[0].detail)
        XCTAssertTrue(try ingestFile("bad.json", "{\"a\": 1,}").rejects[0].detail.contains("dấu phẩy thừa ngay trước '}'"))
        // A file cut short after a comma (an upload that stopped) is said to end inside its object or list.
        let cut = try ingestFile("bad.json", "{\"report_date\": \"2026-11-27\",\n \"items\": [\n  {\"procedure_code\": \"1.000901\", \"received_online\": 1,\n")
        XCTAssertEqual(rejectList(cut), ["4:bad_json"])
        XCTAssertTrue(cut.rejects[0].detail.contains("tệp kết thúc khi một đối tượng { } chưa đóng"), cut.rejects[0].detail)
        XCTAssertTrue(try ingestFile("bad.json", "[{\"a\": 1},").rejects[0].detail.contains("tệp kết thúc khi một danh sách [ ] chưa đóng"))
        XCTAssertEqual(try ingestFile("bad.json", "{'a': 1}").rejects.first?.detail,
                       "JSON không hợp lệ (thiếu tên trường trong dấu ngoặc kép); hãy kiểm tra dấu ngoặc, dấu phẩy và dấu ngoặc kép")
    }

    func testNestingBomb() throws {
        for open in ["[", "{\"a\":"] {
            let text = String(repeating: open, count: 10_000)
            let o = try ingestFile("deep.json", text)
            XCTAssertEqual(o.rejects.map(\.reason), [.badJSON])
            let closed = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
            XCTAssertEqual(try ingestFile("deep.json", closed).rejects.map(\.reason), [.badJSON])
        }
        // Moderate nesting of real data is fine.
        let nested = "{\"report_date\": \"2026-11-27\", \"unit_code\": \"00070\", \"x\": [[[[[[1]]]]]], \"items\": []}"
        XCTAssertEqual(rejectList(try ingestFile("ok.json", nested)), [])
    }

    func testItemThatIsNotAnObject() throws {
        let text = "{\"report_date\": \"2026-11-27\", \"unit_code\": \"00070\",\n \"items\": [\n 5,\n {\"procedure_code\": \"1.000101\"}]}"
        let o = try ingestFile("i.json", text)
        XCTAssertEqual(o.rejects.map(\.reason), [.missingField])
        XCTAssertEqual(o.rows.map(\.line), [4])
    }

    func testEscapesAndNFC() throws {
        // "Ph\u01b0\u01a1\u0300ng" spells Phường decomposed; the name resolves.
        let text = "{\"report_date\": \"2026-11-27\", \"unit_name\": \"Ph\\u01b0\\u01a1\\u0300ng Ho\\u00e0n Ki\\u1ebfm\", \"items\": [{\"procedure_code\": \"1.000101\", \"note\": \"a\\nb \\\"q\\\" \\ud83d\\ude00\"}]}"
        let o = try ingestFile("esc.json", text)
        XCTAssertEqual(rejectList(o), [])
        XCTAssertEqual(o.rows.first?.unitCode, "00070")
        XCTAssertEqual(o.rows.first?.note, "a\nb \"q\" 😀")
    }
}

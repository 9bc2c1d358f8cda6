import ReportIngest
import ReportModel
import XCTest

/// The notes on a row's unit name (`name_without_diacritics`, `code_name_mismatch`): the registry's own name,
/// in any Unicode spelling, says nothing (and skips the name lookups); any other name is still judged, once per
/// code and name in a file.
final class UnitNameNoteTests: XCTestCase {
    private func row(code: String, name: String, procedure: String = "1.000101") -> String {
        "2026-11-27,\(code),\"\(name)\",\(procedure),1,0,1,0,0,2,0,2026-11-27T19:00:00+07:00,"
    }

    private func notes(_ rows: [String]) throws -> [String] {
        let o = try ingestFile("names.csv", ([canonicalHeader] + rows).joined(separator: "\n") + "\n")
        XCTAssertEqual(rejectList(o), [])
        return o.notes.map { "\($0.line):\($0.kind)" }
    }

    func testTheRegistryNameInNFCOrNFDGivesNoNote() throws {
        let nfd = "Phường Hoàn Kiếm".decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(nfd.utf8), Array("Phường Hoàn Kiếm".utf8))
        XCTAssertEqual(try notes([row(code: "00070", name: "Phường Hoàn Kiếm"), row(code: "00070", name: nfd, procedure: "1.000102"),
                                  row(code: "", name: nfd, procedure: "1.000103")]), [])
    }

    func testAnotherUnitsNameUnderACodeIsNotedOncePerFile() throws {
        XCTAssertEqual(try notes([row(code: "00070", name: "Phường Cửa Nam"), row(code: "00070", name: "Phường Hoàn Kiếm", procedure: "1.000102"),
                                  row(code: "00070", name: "Phường Cửa Nam", procedure: "1.000103")]),
                       ["2:code_name_mismatch"])
    }

    func testANameWithoutDiacriticsIsNoted() throws {
        XCTAssertEqual(try notes([row(code: "", name: "Phuong Hoan Kiem"), row(code: "00070", name: "Phường Hoàn Kiếm", procedure: "1.000102"),
                                  row(code: "", name: "Phuong Hoan Kiem", procedure: "1.000103")]),
                       ["2:name_without_diacritics"])
    }
}

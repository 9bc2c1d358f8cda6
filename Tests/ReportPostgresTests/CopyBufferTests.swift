import ReportModel
@testable import ReportPostgres
import XCTest

final class CopyBufferTests: XCTestCase {
    func testEscapesTabsLineEndsBackslashesAndNul() {
        var b = CopyBuffer()
        b.field("Phường Hoàn Kiếm")
        b.field(nil)
        b.field("a\tb\nc\rd\\e\u{0}f")
        b.endRow()
        XCTAssertEqual(String(decoding: b.bytes, as: UTF8.self), "Phường Hoàn Kiếm\t\\N\ta\\tb\\nc\\rd\\\\e\\\\x00f\n")
        XCTAssertEqual(b.rowCount, 1)
    }

    func testCSVRecordsReadQuotedFieldsAndCRLF() {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\n1,\"two\r\nlines\",3\r\n"
        XCTAssertEqual(CSVRecords.parse(Array(text.utf8)), [["a", "b", "c"], ["x, y", "say \"hi\"", ""], ["1", "two\r\nlines", "3"]])
    }

    func testPasswordsAreHiddenFromMessages() {
        XCTAssertEqual(PostgresConnection.redacted("postgresql://dash:s3cret@db.example:5432/bi"), "postgresql://dash:***@db.example:5432/bi")
        XCTAssertEqual(PostgresConnection.redacted("postgresql://dash@db.example/bi"), "postgresql://dash@db.example/bi")
        XCTAssertEqual(PostgresConnection.redacted("host=db user=dash password=s3cret"), "host=db user=dash password=***")
    }

    func testAnUnreachableServerIsATemporaryFailure() {
        XCTAssertThrowsError(try PostgresConnection(url: "host=/nonexistent-dir port=1 user=nobody connect_timeout=2")) { e in
            XCTAssertEqual((e as? ReportError)?.exitCode, 75, "\(e)")
        }
    }
}

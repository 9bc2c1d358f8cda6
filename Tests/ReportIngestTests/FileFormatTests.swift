import ReportIngest
import XCTest

/// `FileIngester.format(of:)` decides which inbox files are submissions at all.
final class FileFormatTests: XCTestCase {
    func testSubmissionSuffixesInAnyCase() {
        for (name, format) in [("a.csv", "csv"), ("A.CSV", "csv"), ("x.Csv.Gz", "csv"), ("2026-11-23/01/00004.csv", "csv"),
                               ("b.json", "json"), ("c.JSON.GZ", "json"), ("Báo cáo ngày.json", "json"),
                               ("đơn vị.CSV", "csv"), (".csv", "csv"), ("longer-name.json.gz", "json")] {
            XCTAssertEqual(FileIngester.format(of: name), format, name)
        }
    }

    func testOtherFilesAreNotSubmissions() {
        for name in ["d.txt", "csv", "xcsv", "x.gz", "x.tar.gz", "x.jsonl", "x.csv.bak", "x.csv.gz.part", "", "a.cs",
                     "ảnh.png", "x.json.gzip", "MANIFEST"] {
            XCTAssertNil(FileIngester.format(of: name), name)
        }
    }
}

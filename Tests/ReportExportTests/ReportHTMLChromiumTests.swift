import Foundation
import ReportModel
import XCTest
@testable import ReportExport

/// `report.html` laid out by a real browser (Debian `chromium`, installed by `scripts/setup-deps`; skipped when
/// absent): on a day with every kind of finding and hostile, long text, nothing extends past a 1280 px screen,
/// nothing past A4 portrait in print, the findings' rows stay short, and the Vietnamese page holds no English prose.
final class ReportHTMLChromiumTests: XCTestCase {
    static let browser: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A day with the four rules' findings, long reporters, hostile names and a first-day spike in the trend.
    static func hardDay(_ language: Language = .vi) -> (DayExportInput, ReportHTMLContext) {
        var input = ReportHTMLSample.input(day: ReportHTMLSample.day, findings: 80)
        input.language = language
        let long = "Nguyễn Thị Phương Thảo Hoàng Long Giang <nguyen.thi.phuong.thao.hoang.long.giang.cong.chuc"
            + "@ubnd-phuong-rat-dai.hanoi.gov.vn> 0912 345 678 ext 12345"
        for i in input.findings.indices where input.findings[i].rule == .unregisteredReporter {
            input.findings[i].value = long
            input.findings[i].expected = "Lê Văn Phường <badinh@hanoi.gov.vn> 0912000001"
            input.findings[i].detail = "người báo cáo \(long) (gửi lúc 15/07/2025 17:05) không phải đầu mối liên hệ của "
                + "đơn vị \(input.findings[i].unitCode) hay của tỉnh 01 ngày 15/07/2025; đầu mối đã đăng ký: Lê Văn Phường "
                + "<badinh@hanoi.gov.vn> 0912000001"
        }
        input.findings[0].detail = String(repeating: "Mộtchuỗirấtdàikhôngcókhoảngtrắng", count: 12) + " <script>x</script>"
        input.aggregate.scopes[3].scopeName = String(repeating: "Tên tỉnh rất dài ", count: 6) + "<b>x</b>"
        input.rejects = (0..<30).map { k in
            Reject(file: "2025-07-15/01/0\(1000 + k)-" + String(repeating: "tep-rat-dai-", count: 8) + ".csv", line: k + 2,
                   reason: k % 3 == 0 ? .badCount : .unknownUnit,
                   detail: "giá trị \"" + String(repeating: "9", count: 80) + "\" ở cột received_online không phải là số",
                   raw: "2025-07-15,0100\(k),1.001000," + String(repeating: "9", count: 80))
        }
        input.aggregate.late = (0..<12).map { k in
            let p = Unit(code: "01", name: "Thành phố Hà Nội", level: .province, parentCode: nil, kind: "", aliases: [],
                         activeFrom: nil, activeTo: nil)
            let u = Unit(code: "0\(2000 + k)", name: "Phường " + String(repeating: "Dài ", count: 10), level: .commune,
                         parentCode: "01", kind: "", aliases: [], activeFrom: nil, activeTo: nil)
            return LateReport(province: p, unit: u, firstSubmission: .vietnam(ReportHTMLSample.day.adding(days: 1), hour: 11, minute: k))
        }
        input.deadline = .vietnam(ReportHTMLSample.day.adding(days: 1), hour: 10, minute: 0)
        var trend = ReportHTMLSample.trend()
        if let first = trend.indices.min(by: { trend[$0].day < trend[$1].day }) { trend[first].received *= 40; trend[first].pending *= 30 }
        var context = ReportHTMLContext(trend: trend, previous: ReportHTMLSample.previous())
        for (code, _) in ReportHTMLSample.provinces { context.provinceOf[code] = code }
        for f in input.findings { context.provinceOf[f.unitCode] = String(f.unitCode.prefix(2)) }
        return (input, context)
    }

    /// A script appended to a copy of the page (the page itself has none): it writes the measurements into the DOM.
    static let measure = """
        <script>
        window.addEventListener('load', () => {
          const w = window.innerWidth;
          const over = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 0.5)
            .map(e => e.tagName + '.' + e.className);
          const rows = [...document.querySelectorAll('tr.finding')].map(r => r.getBoundingClientRect().height);
          const out = document.createElement('pre');
          out.id = 'measure';
          out.textContent = JSON.stringify({ scrollWidth: document.documentElement.scrollWidth, width: w,
            over: over.slice(0, 10), overCount: over.length, maxRow: Math.max(...rows), rows: rows.length });
          document.body.appendChild(out);
        });
        </script>
        """

    func run(_ args: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: args[0])
        p.arguments = Array(args.dropFirst())
        let dir = try TempDirectory()
        defer { dir.remove() }
        let outURL = dir.url.appendingPathComponent("out")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let h = try FileHandle(forWritingTo: outURL)
        p.standardOutput = h
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try h.close()
        return (p.terminationStatus, String(decoding: try Data(contentsOf: outURL), as: UTF8.self))
    }

    func chromium(_ extra: [String], _ file: URL) throws -> String {
        guard let browser = Self.browser else { throw XCTSkip("chromium is not installed (scripts/setup-deps installs it)") }
        let home = try TempDirectory()
        defer { home.remove() }
        let (status, out) = try run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                     "--user-data-dir=\(home.url.path)", "--virtual-time-budget=3000"] + extra + [file.absoluteString])
        XCTAssertEqual(status, 0, "chromium failed")
        return out
    }

    func testNothingWiderThanAScreenOf1280Pixels() throws {
        for language in Language.allCases { try checkScreenWidths(language) }
    }

    /// The English page's longer words and sentences fit as the Vietnamese ones do.
    func checkScreenWidths(_ language: Language) throws {
        let (input, context) = Self.hardDay(language)
        let html = try ReportHTML(context: context).renderString(input)
        let dir = try TempDirectory()
        defer { dir.remove() }
        let page = dir.url.appendingPathComponent("measure.html")
        try Data(html.replacingOccurrences(of: "</body>", with: Self.measure + "</body>").utf8).write(to: page)
        for width in [1280, 794] {  // a screen, and A4's width at 96 dpi
            let dom = try chromium(["--window-size=\(width),2000", "--dump-dom"], page)
            let json = try XCTUnwrap(dom.firstMatch(of: /<pre id="measure">([^<]*)<\/pre>/)?.1, "no measurement in:\n\(dom.suffix(500))")
            let m = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(String(json).replacingOccurrences(of: "&quot;", with: "\"").utf8)) as? [String: Any])
            XCTAssertLessThanOrEqual(m["scrollWidth"] as? Int ?? .max, width, "\(language): page wider than \(width) px: \(m)")
            XCTAssertEqual(m["overCount"] as? Int, 0, "\(language): elements past the right edge at \(width) px: \(m["over"] ?? "")")
            XCTAssertEqual(m["rows"] as? Int, ReportHTMLViewModel.maxAnomalies)
            // A reporter finding's row holds a few lines of detail, not a column of five-letter lines.
            XCTAssertLessThanOrEqual(m["maxRow"] as? Double ?? .infinity, width == 1280 ? 110 : 150, "a findings row is too tall: \(m)")
        }
    }

    func testA4PrintHasNoCutColumnsAndFewPages() throws {
        for language in Language.allCases { try checkA4Print(language) }
    }

    func checkA4Print(_ language: Language) throws {
        let (input, context) = Self.hardDay(language)
        let dir = try TempDirectory()
        defer { dir.remove() }
        let page = dir.url.appendingPathComponent("report.html"), pdf = dir.url.appendingPathComponent("report.pdf")
        try Data(try ReportHTML(context: context).render(input)).write(to: page)
        _ = try chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"], page)
        // REPORT_HTML_CHROMIUM_OUT=DIR keeps the page and its PDF to look at.
        if let keep = ProcessInfo.processInfo.environment["REPORT_HTML_CHROMIUM_OUT"] {
            try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
            for f in [page, pdf] {
                let kept = URL(fileURLWithPath: keep).appendingPathComponent(language.rawValue + "-" + f.lastPathComponent)
                try? FileManager.default.removeItem(at: kept)
                try? FileManager.default.copyItem(at: f, to: kept)
            }
        }
        let (_, info) = try run(["/usr/bin/pdfinfo", pdf.path])
        let pages = Int(try XCTUnwrap(info.firstMatch(of: /Pages:\s+(\d+)/)?.1)) ?? 0
        XCTAssertTrue(info.contains("(A4)"), "A4 portrait: \(info)")
        XCTAssertGreaterThan(pages, 0)
        // This day is built to be long (80 findings with long reporters, 30 rejects, 12 late units): ≤ 10 pages.
        XCTAssertLessThanOrEqual(pages, 10, "the A4 print runs to \(pages) pages")
        // Every word lies inside the page's right margin (12 mm = 34 pt of 595 pt).
        let (_, boxes) = try run(["/usr/bin/pdftotext", "-bbox", pdf.path, "-"])
        var widest = 0.0
        for m in boxes.matches(of: /xMax="([0-9.]+)"/) { widest = max(widest, Double(m.1) ?? 0) }
        XCTAssertGreaterThan(widest, 300, "no text found in the PDF")
        XCTAssertLessThanOrEqual(widest, 595 - 30, "text reaches past the right margin (xMax \(widest) pt)")
        // The last findings' column reached the page: its header and the reporter's address are printed.
        let (_, text) = try run(["/usr/bin/pdftotext", pdf.path, "-"])
        XCTAssertTrue(text.contains(language.pick(vi: "Chi tiết", en: "Detail")))
        XCTAssertTrue(text.contains("0912000001"), "the reporter's contact, in the last column, is printed")
    }

    /// The Vietnamese page's words: no English prose (codes, file names and submitted text aside).
    func testNoEnglishProseOnTheVietnamesePage() throws {
        let input = ReportHTMLSample.input(day: ReportHTMLSample.day, findings: 12)
        var html = try ReportHTML().renderString(input)
        // Identifiers are shown as identifiers: codes in their spans, the export files by name.
        html = html.replacing(/<style>[\s\S]*?<\/style>/, with: "").replacing(/<span class="code[^"]*">[^<]*<\/span>/, with: " ")
            .replacing(/<[^>]*>/, with: " ").replacing(/[a-z_]+(\.(csv|xlsx)|\/)/, with: " ")
        for f in input.findings { html = html.replacingOccurrences(of: f.detail, with: " ") }
        for word in ["report", "pending", "received", "expected", "missing", "late", "anomal", "balance", "outlier",
                     "reporter", "repeated", "procedure", "province", "submitted", " vs ", "scale"] {
            let hits = html.components(separatedBy: word)
            XCTAssertEqual(hits.count - 1, 0, "English \"\(word)\" on the Vietnamese page: …\(hits[0].suffix(80))…")
        }
    }
}

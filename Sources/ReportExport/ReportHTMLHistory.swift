import Foundation
import ReportModel

extension ReportHTMLContext {
    /// The trend and the previous report day, read back from the national rows (`VN`) of the
    /// `national_summary.csv` files already exported under `exportsFolder` (`OUT/exports`).
    ///
    /// Walks back from `day` with `previousReportDay` over at most `days` earlier report days;
    /// a day without a readable file is left out of the trend (and `previous` is nil when the
    /// immediately previous report day has none). The page's own day is added by `ReportHTML`.
    public static func fromExports(_ exportsFolder: URL, day: Day, days: Int = 29,
                                   previousReportDay: (Day) -> Day?) -> ReportHTMLContext {
        var context = ReportHTMLContext()
        var d = day
        for i in 0..<max(0, days) {
            guard let p = previousReportDay(d), p < d else { break }
            d = p
            let file = exportsFolder.appendingPathComponent(p.iso).appendingPathComponent("national_summary.csv")
            guard let data = FileManager.default.contents(atPath: file.path),
                  let national = nationalRow(String(decoding: data, as: UTF8.self)) else { continue }
            if i == 0 { context.previous = national; context.previousDay = p }
            context.trend.append(TrendPoint(day: p, national: national))
        }
        return context
    }

    /// The `VN` row of a `national_summary.csv`, or nil.
    static func nationalRow(_ text: String) -> ScopeSummary? {
        let rows = csvRecords(text)
        guard let header = rows.first else { return nil }
        func index(_ name: String) -> Int? { header.firstIndex(of: name) }
        guard let code = index("scope_code"),
              let row = rows.dropFirst().first(where: { $0.count == header.count && $0[code] == "VN" }) else { return nil }
        func int(_ name: String) -> Int { index(name).flatMap { Int(row[$0]) } ?? 0 }
        var s = ScopeSummary(scopeCode: "VN", scopeName: index("scope_name").map { row[$0] } ?? "")
        s.expected = int("expected_reports"); s.received = int("received_reports"); s.late = int("late_reports")
        s.counts = Counts(receivedOnline: int("received_online"), receivedOffline: int("received_offline"),
                          resolvedOnTime: int("resolved_on_time"), resolvedLate: int("resolved_late"),
                          returned: int("returned"), pendingOnTime: int("pending_on_time"),
                          pendingOverdue: int("pending_overdue"))
        s.anomalies = int("anomalies")
        return s
    }

    /// RFC 4180 records (CRLF or LF line ends).
    static func csvRecords(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, pendingQuote = false
        for c in text {
            if quoted {
                if pendingQuote {
                    pendingQuote = false
                    if c == "\"" { field.append("\""); continue }
                    quoted = false
                } else if c == "\"" { pendingQuote = true; continue } else { field.append(c); continue }
            }
            switch c {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r\n", "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

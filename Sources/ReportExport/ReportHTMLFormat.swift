import Foundation
import ReportModel

/// Number, date and label formatting of the report pages in their language: in Vietnamese "12 345", "93,5 %",
/// "01/12/2026 10:35"; in English "12 345", "93.5 %", "2026-12-01 10:35" (the dates the findings' details use).
struct ReportHTMLFormat: Sendable {
    var language: Language

    init(_ language: Language) { self.language = language }

    /// A count with a no-break space between groups of three digits ("12 345"), so that
    /// it can't be taken for a decimal in a page whose percentages use ".".
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append("\u{00A0}") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A coordinate with at most one decimal ("12.5", "-3", "0").
    static func coord(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let tenths = Int((x * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let m = tenths.magnitude
        return m % 10 == 0 ? "\(sign)\(m / 10)" : "\(sign)\(m / 10).\(m % 10)"
    }

    /// `06/01/2025`.
    func date(_ day: Day) -> String {
        language == .vi ? day.dayFirst : day.iso
    }

    /// `01/12/2026 10:35` (+07:00).
    func dateTime(_ t: Timestamp) -> String {
        let local = t.seconds + Timestamp.vietnamOffset
        let secOfDay = Int(((local % 86400) + 86400) % 86400)
        return date(t.vietnamDay) + " " + String(format2: secOfDay / 3600) + ":" + String(format2: (secOfDay % 3600) / 60)
    }

    /// `06/01` (`01-06` in English), for the charts' axes.
    func shortDate(_ day: Day) -> String {
        let c = day.components
        return language == .vi ? String(format2: c.day) + "/" + String(format2: c.month)
            : String(format2: c.month) + "-" + String(format2: c.day)
    }

    /// `Thứ Hai`, … `Chủ nhật`.
    func weekday(_ day: Day) -> String { day.weekdayName(language) }

    /// Tenths of a percent of a `Percent.format` string ("93.5" → 935), nil when empty.
    static func tenths(_ percent: String) -> Int? {
        let parts = percent.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let whole = Int(parts[0]), let tenth = Int(parts[1]) else { return nil }
        return whole * 10 + (whole < 0 || parts[0].hasPrefix("-") ? -tenth : tenth)
    }

    /// A difference in tenths as "1.2".
    static func points(_ tenths: Int) -> String {
        let m = tenths.magnitude
        return "\(m / 10).\(m % 10)"
    }

    /// A decimal figure of the CSVs ("93.5") as the language writes it ("93,5" in Vietnamese).
    func decimal(_ figure: String) -> String { language == .vi ? figure.replacingOccurrences(of: ".", with: ",") : figure }

    /// A percentage of `Percent.format` for the page: "93,5 %", or "—" when there is nothing to divide.
    func percent(_ figure: String) -> String { figure.isEmpty ? "—" : decimal(figure) + "\u{00A0}%" }

    /// A number of the program's findings ("12", "4.29", "-2") for the page: grouped, decimal comma.
    func figure(_ text: String) -> String {
        if let n = Int(text) { return count(n) }
        return decimal(text)
    }

    /// A delay as "2 giờ 05 phút" (or "3 ngày 2 giờ"; in English "2 h 05 min", "3 d 2 h").
    func delay(seconds: Int64) -> String {
        let minutes = max(0, seconds) / 60
        let d = minutes / 1440, h = (minutes % 1440) / 60, m = minutes % 60
        let (day, hour, minute) = language == .vi ? ("ngày", "giờ", "phút") : ("d", "h", "min")
        if d > 0 { return "\(d) \(day) \(h) \(hour)" }
        if h > 0 { return "\(h) \(hour) " + (m < 10 ? "0" : "") + "\(m) \(minute)" }
        return "\(m) \(minute)"
    }

    /// What a metric code means, for the page (the code itself stays in the CSV).
    func metricLabel(_ metric: String) -> String { Self.metricLabels[metric].map { language.pick($0) } ?? metric }

    /// What a reject reason code means (an unknown code is shown as itself).
    func reasonLabel(_ reason: String) -> String { Self.reasonLabels[reason].map { language.pick($0) } ?? reason }

    func ruleLabel(_ rule: CheckRule) -> String {
        switch rule {
        case .balanceMismatch: return language.pick(vi: "Lệch cân đối", en: "Balance mismatch")
        case .outlier: return language.pick(vi: "Giá trị bất thường", en: "Unusual value")
        case .repeatedReport: return language.pick(vi: "Báo cáo lặp lại", en: "Repeated report")
        case .unregisteredReporter: return language.pick(vi: "Người báo cáo chưa đăng ký", en: "Unregistered reporter")
        }
    }

    /// An English count with its noun ("1 unit", "3 355 units").
    func count(_ n: Int, _ one: String, _ many: String) -> String { Self.count(n) + " " + (n == 1 ? one : many) }

    /// A count as `count(_:)` writes it (the same in both languages).
    func count(_ n: Int) -> String { Self.count(n) }

    /// A coordinate as `coord(_:)` writes it.
    func coord(_ x: Double) -> String { Self.coord(x) }

    static let metricLabels: [String: (vi: String, en: String)] = [
        "received": ("Hồ sơ tiếp nhận", "Dossiers received"), "received_online": ("Tiếp nhận trực tuyến", "Received online"),
        "received_offline": ("Tiếp nhận trực tiếp", "Received in person"),
        "resolved_on_time": ("Giải quyết đúng hạn", "Resolved on time"), "resolved_late": ("Giải quyết quá hạn", "Resolved late"),
        "returned": ("Trả lại", "Returned"), "pending": ("Đang giải quyết", "Pending"),
        "pending_on_time": ("Đang giải quyết trong hạn", "Pending, on time"),
        "pending_overdue": ("Đang giải quyết quá hạn", "Pending, overdue"),
        "report": ("Cả báo cáo", "Whole report"), "reporter": ("Người báo cáo", "Reporter"),
    ]

    static let reasonLabels: [String: (vi: String, en: String)] = [
        "ragged_row": ("Số cột không khớp", "Wrong number of columns"), "missing_field": ("Thiếu trường bắt buộc", "Required field missing"),
        "bad_date": ("Ngày không hợp lệ", "Invalid date"), "future_date": ("Ngày báo cáo sau ngày gửi", "Report date after sending"),
        "unknown_unit": ("Đơn vị không có trong danh mục", "Unit not in the registry"),
        "inactive_unit": ("Đơn vị không còn hoạt động", "Unit no longer active"),
        "unknown_procedure": ("Thủ tục không có trong danh mục", "Procedure not in the registry"),
        "procedure_level_mismatch": ("Thủ tục không thuộc cấp của đơn vị", "Procedure not of the level of the unit"),
        "bad_count": ("Số liệu không hợp lệ", "Invalid count"),
        "unregistered_reporter": ("Người báo cáo chưa đăng ký", "Unregistered reporter"),
        "unreadable_encoding": ("Không đọc được bảng mã", "Unreadable encoding"),
        "unterminated_quote": ("Dấu ngoặc kép không đóng", "Unclosed quote"), "missing_header": ("Thiếu dòng tiêu đề", "Header row missing"),
        "bad_json": ("JSON không hợp lệ", "Invalid JSON"), "bad_xlsx": ("Tệp Excel không đọc được", "Unreadable Excel file"),
        "empty_file": ("Tệp rỗng", "Empty file"), "too_large": ("Tệp quá lớn", "File too large"),
        "unsupported_format": ("Định dạng tệp không được hỗ trợ", "Unsupported file format"),
    ]
}

extension String {
    fileprivate init(format2 v: Int) { self = v < 10 ? "0\(v)" : "\(v)" }
    fileprivate init(format4 v: Int) {
        let digits = "\(v)"
        self = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }
}

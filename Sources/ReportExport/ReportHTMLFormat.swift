import Foundation
import ReportModel

/// Number and date formatting of `report.html`, the Vietnamese way: "12 345", "93,5 %", "01/12/2026 10:35".
enum ReportHTMLFormat {
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
    static func date(_ day: Day) -> String {
        let c = day.components
        return String(format2: c.day) + "/" + String(format2: c.month) + "/" + String(format4: c.year)
    }

    /// `01/12/2026 10:35` (+07:00).
    static func dateTime(_ t: Timestamp) -> String {
        let local = t.seconds + Timestamp.vietnamOffset
        let secOfDay = Int(((local % 86400) + 86400) % 86400)
        return date(t.vietnamDay) + " " + String(format2: secOfDay / 3600) + ":" + String(format2: (secOfDay % 3600) / 60)
    }

    /// `06/01`, for the trend chart's axis.
    static func shortDate(_ day: Day) -> String {
        let c = day.components
        return String(format2: c.day) + "/" + String(format2: c.month)
    }

    /// `Thứ Hai`, … `Chủ nhật`.
    static func weekday(_ day: Day) -> String {
        ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"][day.isoWeekday - 1]
    }

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

    /// A decimal figure of the CSVs ("93.5") written the Vietnamese way ("93,5").
    static func decimal(_ figure: String) -> String { figure.replacingOccurrences(of: ".", with: ",") }

    /// A percentage of `Percent.format` for the page: "93,5 %", or "—" when there is nothing to divide.
    static func percent(_ figure: String) -> String { figure.isEmpty ? "—" : decimal(figure) + "\u{00A0}%" }

    /// A number of the program's findings ("12", "4.29", "-2") for the page: grouped, decimal comma.
    static func figure(_ text: String) -> String {
        if let n = Int(text) { return count(n) }
        return decimal(text)
    }

    /// A delay as "2 giờ 05 phút" (or "3 ngày 2 giờ").
    static func delay(seconds: Int64) -> String {
        let minutes = max(0, seconds) / 60
        let d = minutes / 1440, h = (minutes % 1440) / 60, m = minutes % 60
        if d > 0 { return "\(d) ngày \(h) giờ" }
        if h > 0 { return "\(h) giờ " + (m < 10 ? "0" : "") + "\(m) phút" }
        return "\(m) phút"
    }

    /// What a metric code means, for the page (the code itself stays in the CSV).
    static func metricLabel(_ metric: String) -> String {
        [
            "received": "Hồ sơ tiếp nhận", "received_online": "Tiếp nhận trực tuyến",
            "received_offline": "Tiếp nhận trực tiếp", "resolved_on_time": "Giải quyết đúng hạn",
            "resolved_late": "Giải quyết quá hạn", "returned": "Trả lại", "pending": "Đang giải quyết",
            "pending_on_time": "Đang giải quyết trong hạn", "pending_overdue": "Đang giải quyết quá hạn",
            "report": "Cả báo cáo", "reporter": "Người báo cáo",
        ][metric] ?? metric
    }

    /// What a reject reason code means (an unknown code is shown as itself).
    static func reasonLabel(_ reason: String) -> String {
        [
            "ragged_row": "Số cột không khớp", "missing_field": "Thiếu trường bắt buộc", "bad_date": "Ngày không hợp lệ",
            "future_date": "Ngày báo cáo sau ngày gửi", "unknown_unit": "Đơn vị không có trong danh mục",
            "inactive_unit": "Đơn vị không còn hoạt động", "unknown_procedure": "Thủ tục không có trong danh mục",
            "procedure_level_mismatch": "Thủ tục không thuộc cấp của đơn vị", "bad_count": "Số liệu không hợp lệ",
            "unregistered_reporter": "Người báo cáo chưa đăng ký", "unreadable_encoding": "Không đọc được bảng mã",
            "unterminated_quote": "Dấu ngoặc kép không đóng", "missing_header": "Thiếu dòng tiêu đề",
            "bad_json": "JSON không hợp lệ", "empty_file": "Tệp rỗng", "too_large": "Tệp quá lớn",
            "unsupported_format": "Định dạng tệp không được hỗ trợ",
        ][reason] ?? reason
    }

    static func ruleLabel(_ rule: CheckRule) -> String {
        switch rule {
        case .balanceMismatch: return "Lệch cân đối"
        case .outlier: return "Giá trị bất thường"
        case .repeatedReport: return "Báo cáo lặp lại"
        case .unregisteredReporter: return "Người báo cáo chưa đăng ký"
        }
    }
}

extension String {
    fileprivate init(format2 v: Int) { self = v < 10 ? "0\(v)" : "\(v)" }
    fileprivate init(format4 v: Int) {
        let digits = "\(v)"
        self = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }
}

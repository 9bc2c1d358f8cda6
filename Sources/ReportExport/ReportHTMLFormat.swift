import ReportModel

/// Number and date formatting of `report.html`: plain ASCII digits, no locale.
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

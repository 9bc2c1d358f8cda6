import Foundation
import ReportModel

/// Number formats of findings' `expected`, `score` and details.
enum FindingNumber {
    /// At most one decimal: `12`, `12.5`.
    static func oneDecimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        return fraction == 0 ? sign + String(whole) : sign + String(whole) + "." + String(fraction)
    }

    /// A decimal figure of the program (`12.5`) as `language` writes it: `12,5` in Vietnamese.
    static func written(_ figure: String, _ language: Language) -> String {
        language == .vi ? figure.replacingOccurrences(of: ".", with: ",") : figure
    }

    /// A date in a detail: `27/11/2026` in Vietnamese, ISO `2026-11-27` in English.
    static func date(_ day: Day, _ language: Language) -> String {
        guard language == .vi else { return day.iso }
        let c = day.components
        return (c.day < 10 ? "0" : "") + "\(c.day)/" + (c.month < 10 ? "0" : "") + "\(c.month)/\(c.year)"
    }

    /// An instant in a detail: `27/11/2026 17:05` (+07:00) in Vietnamese, ISO in English.
    static func time(_ t: Timestamp, _ language: Language) -> String {
        guard language == .vi else { return t.iso }
        let iso = t.iso  // YYYY-MM-DDTHH:MM:SS+07:00
        let hm = iso.dropFirst(11).prefix(5)
        return date(t.vietnamDay, language) + " " + hm
    }

    /// Exactly two decimals: `4.29`, `12.00`.
    static func twoDecimals(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100, fraction = abs(hundredths) % 100
        return sign + String(whole) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }
}

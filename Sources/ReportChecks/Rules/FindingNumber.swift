/// Number formats of findings' `expected`, `score` and details.
enum FindingNumber {
    /// At most one decimal: `12`, `12.5`.
    static func oneDecimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        return fraction == 0 ? sign + String(whole) : sign + String(whole) + "." + String(fraction)
    }

    /// Exactly two decimals: `4.29`, `12.00`.
    static func twoDecimals(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100, fraction = abs(hundredths) % 100
        return sign + String(whole) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }
}

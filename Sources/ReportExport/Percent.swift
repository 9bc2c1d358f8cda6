/// Percentages for the exports: one decimal, rounded half up from the exact fraction.
public enum Percent {
    /// `numerator / denominator` as a percentage with one decimal ("6.3"); "" when the denominator is 0.
    public static func format(numerator: Int, denominator: Int) -> String {
        guard let tenths = tenths(numerator: numerator, denominator: denominator) else { return "" }
        return (tenths < 0 ? "-" : "") + "\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
    }

    /// `numerator / denominator` in tenths of a percent, rounded half up (6.25 % → 63); nil when the denominator is 0.
    public static func tenths(numerator: Int, denominator: Int) -> Int? {
        guard denominator != 0 else { return nil }
        let n = numerator.magnitude, d = denominator.magnitude
        // Tenths of a percent = round(n * 1000 / d), half up, in integers so
        // that 6.25 really is a half and never 6.2499…; full-width products so
        // that no numerator or denominator can overflow.
        let (q, r) = n.quotientAndRemainder(dividingBy: d)
        let (fraction, rest) = d.dividingFullWidth(r.multipliedFullWidth(by: 1000))
        let roundsUp = rest >= d - rest
        let tenths = q * 1000 + fraction + (roundsUp ? 1 : 0)
        let negative = (numerator < 0) != (denominator < 0) && tenths != 0
        return negative ? -Int(tenths) : Int(tenths)
    }
}

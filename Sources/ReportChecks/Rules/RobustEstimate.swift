/// What one series' trailing window says to expect, as the outlier rule estimates it.
struct RobustEstimate: Sendable, Equatable {
    /// The expectation: the window's median × the unit's weekday factor.
    var expected: Double
    /// The spread a value below the expectation is measured in: max(1.4826·MAD·factor, √max(expected, 1)).
    var scale: Double
    /// The spread a value above it is measured in: also at least √max(expected, 1) + threshold/4 and
    /// (Q90 − median)/0.9·factor.
    var upperScale: Double
    /// The window's median.
    var median: Double
    /// The unit's median activity on today's weekday over its median activity (1 without enough same-weekday days).
    var weekdayFactor: Double
    /// How many values the window holds.
    var windowCount: Int
}

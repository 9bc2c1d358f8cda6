import ReportModel

// Decisions, measured with scripts/measure-outliers and OutlierMeasurementTests on simulated national data
// (3,355 units × 15 procedures, gamma–Poisson counts, weekday seasonality, ×10 spikes):
//
// - History is the unit's own report days in the window (a day it did not report is no evidence); on those days a
//   procedure it did not report counts as 0. Fewer than `outlierMinHistory` values: no flag.
// - Plain modified z-score (|x − median| / 1.4826·MAD > 3.5) flags a quarter of clean unit-days: most series are
//   small (0–3 a day) with MAD 0 or 1. So the scale never drops below √max(expected, 1), the spread of a Poisson
//   count, and a flag also needs |x − expected| ≥ `outlierMinDifference`. A value of 0 where ~10 is usual is thus
//   not flagged (3.2 scales); where ~100 is usual it is (10 scales): downward is judged like upward, below.
// - Expectation: the median of the window × the unit's weekday factor (its median daily activity — received +
//   resolved + returned over all procedures — on today's weekday over its median on all days; 1 with fewer than
//   `outlierMinSameWeekday` same-weekday days). The median of one series' 4–6 same-weekday values, tried first,
//   is too noisy: it doubled the false flags on Mondays. Pooled over the unit's procedures the factor is stable,
//   and medians keep a spike in the history from moving it. Spreads are scaled by the same factor.
// - A unit with fewer same-weekday days than that takes the factor of all units pooled (the median of their own
//   ratios, from whatever same-weekday days each has), not 1: the remaining false flags were mostly Mondays early
//   in a unit's history. Measured end to end (scripts/measure-anomalies): false flags 0.76 → 0.67 % (seed 1) and
//   0.97 → 0.87 % (seed 2), recall 0.971 → 0.969 and 0.974 → 0.975. (A provisional factor from the unit's own
//   one or two such days, tried before, cost recall: 0.8999 on the simulation.)
// - Above the expectation the scale is larger (counts are right-skewed, and 30 series a unit-day each get a
//   chance at a false flag): at least √max(expected, 1) + threshold/4 (the Poisson tail: x above μ by z·√μ + z²/4
//   is z normal-scales out), and at least (Q90 − median)/0.9 of the window × factor (a normal's would be /1.28;
//   /0.8 lost recall, /1.0 passed 1 % false flags). Below it: max(1.4826·MAD·factor, √max(expected, 1)).
// - Measured (release, seed 20261102, gamma shape 8): recall of spikes 0.915, clean unit-days flagged 0.89 %.
//   With shape 3 (much noisier) 0.84 / 2.7 % — there even an oracle knowing each series' true mean and
//   dispersion reaches only ~0.88 recall at 0.7 %, as a ×10 spike of a low draw stays within the noise.
// - Cost: the unit's window is laid out once (HistorySeries), codes matched without hashing; a series whose value
//   is too close to all window values to be flagged is skipped before any sorting; ≤ 28 values sort by insertion.

/// `outlier`: received (or, when the total is not, received online alone) and resolved_late far from the
/// unit's own recent history for that procedure.
public struct OutlierRule: CheckRuleImplementation {
    public let rule = CheckRule.outlier

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let settings = context.settings
        let today = context.today.day
        let weekday = today.isoWeekday
        let capacity = context.window.count
        let minHistory = max(1, settings.outlierMinHistory)
        guard capacity >= minHistory else { return [] }
        let reports = context.today
        let history = Array(context.window)
        // Today's units are visited in ascending order, so each history day is walked once, with a cursor.
        var cursors = [Int](repeating: 0, count: history.count)
        var days: [(day: Int, range: Range<Int>)] = []
        days.reserveCapacity(capacity)
        var sameWeekday: [Bool] = []
        sameWeekday.reserveCapacity(capacity)
        var series = HistorySeries(capacity: capacity)
        // Computed the first time a unit lacks a factor of its own (with a full window, rarely).
        var pooled: Double?
        var out: [Finding] = []
        for (u, unit) in reports.unitCodes.enumerated() {
            let entries = reports.entries(ofUnitAt: u)
            guard !entries.isEmpty else { continue }
            days.removeAll(keepingCapacity: true)
            sameWeekday.removeAll(keepingCapacity: true)
            for d in history.indices {
                guard let k = history[d].unitIndex(of: unit, from: &cursors[d]) else { continue }
                days.append((d, history[d].entries(ofUnitAt: k)))
                sameWeekday.append(history[d].day.isoWeekday == weekday)
            }
            guard days.count >= minHistory else { continue }
            series.load(today: reports, entries: entries, window: history, days: days, sameWeekday: sameWeekday,
                        minSameWeekday: settings.outlierMinSameWeekday)
            if !series.ownWeekdayFactor {
                // Too few days of today's weekday to tell the unit's own pattern: the units' pooled factor.
                if pooled == nil { pooled = OutlierRule.pooledWeekdayFactor(reports: reports, history: history, weekday: weekday) }
                series.useWeekdayFactor(pooled!)
            }
            let n = series.dayCount
            for j in series.codes.indices {
                let window = (j * n)..<(j * n + n)
                if let f = judge(metric: .received, x: series.today[j].received, window: window,
                                 series: &series, unit: unit, procedure: series.codes[j], day: today, settings: settings) {
                    out.append(f)
                } else if let f = judge(metric: .receivedOnline, x: series.today[j].receivedOnline, window: window,
                                        series: &series, unit: unit, procedure: series.codes[j], day: today,
                                        settings: settings) {
                    // A spike in online submissions alone can stay within the noise of the total.
                    out.append(f)
                }
                if let f = judge(metric: .resolvedLate, x: series.today[j].resolvedLate, window: window,
                                 series: &series, unit: unit, procedure: series.codes[j], day: today, settings: settings) {
                    out.append(f)
                }
            }
        }
        return out
    }

    /// The weekday factor of today's units taken together: the median, over units with at least one day of
    /// today's weekday in the window, of their median activity on those days over their median activity.
    /// A unit with too few such days of its own is judged with it (1 when fewer than 30 units have any).
    static func pooledWeekdayFactor(reports: DayReports, history: [DayReports], weekday: Int) -> Double {
        var cursors = [Int](repeating: 0, count: history.count)
        var ratios: [Double] = []
        var totals: [Double] = [], same: [Double] = []
        for unit in reports.unitCodes {
            totals.removeAll(keepingCapacity: true)
            same.removeAll(keepingCapacity: true)
            for d in history.indices {
                guard let k = history[d].unitIndex(of: unit, from: &cursors[d]) else { continue }
                var activity = 0
                for e in history[d].entries(ofUnitAt: k) { activity += history[d].counts[e].activity }
                totals.append(Double(activity))
                if history[d].day.isoWeekday == weekday { same.append(Double(activity)) }
            }
            if let ratio = HistorySeries.weekdayRatio(totals: &totals, sameWeekday: &same) { ratios.append(ratio) }
        }
        guard ratios.count >= 30 else { return 1 }
        ratios.sort()
        return HistorySeries.median(ofSorted: ratios)
    }

    /// The counts the rule watches.
    enum Metric: String {
        case received
        case receivedOnline = "received_online"
        case resolvedLate = "resolved_late"
    }

    func judge(metric: Metric, x value: Int, window: Range<Int>,
               series: inout HistorySeries, unit: String, procedure: String, day: Day, settings: CheckSettings) -> Finding? {
        let x = Double(value)
        let threshold = settings.outlierThreshold
        let minDifference = Double(settings.outlierMinDifference)
        // Cheap bounds first: the expectation lies within (min…max of the window) × weekday factor, the scale above
        // it is at least √max(low, 1) + threshold/4 and below it at least √max(low, 1). Most series end here.
        var lowest = Int.max, highest = Int.min
        let slice: ArraySlice<Int>
        switch metric {
        case .received: slice = series.received[window]
        case .receivedOnline: slice = series.online[window]
        case .resolvedLate: slice = series.late[window]
        }
        for v in slice {
            if v < lowest { lowest = v }
            if v > highest { highest = v }
        }
        let low = Double(lowest) * series.weekdayFactor, high = Double(highest) * series.weekdayFactor
        let floor = max(low, 1).squareRoot()
        let up = x - low, down = high - x
        let canBeAbove = up >= minDifference && up > threshold * (floor + threshold / 4)
        let canBeBelow = down >= minDifference && down > threshold * floor
        guard canBeAbove || canBeBelow else { return nil }
        let e = series.estimate(slice, threshold: threshold)
        let difference = abs(x - e.expected)
        let scale = x > e.expected ? e.upperScale : e.scale
        let ratio = difference / scale
        guard ratio > threshold, difference >= minDifference else { return nil }
        let expected = FindingNumber.oneDecimal(e.expected)
        return Finding(
            reportDate: day, unitCode: unit, procedureCode: procedure, rule: rule, metric: metric.rawValue,
            value: String(value), expected: expected, score: FindingNumber.twoDecimals(ratio),
            detail: Self.detail(metric: metric, value: value, expected: expected, estimate: e, scale: scale,
                                language: settings.language))
    }

    /// The finding's text: the value, its expectation and how the expectation was reached.
    static func detail(metric: Metric, value: Int, expected: String, estimate e: RobustEstimate, scale: Double,
                       language: Language) -> String {
        let w = { (s: String) in FindingNumber.written(s, language) }
        if language == .en {
            let basis = e.weekdayFactor == 1
                ? "median of \(e.windowCount) report days"
                : "median \(FindingNumber.oneDecimal(e.median)) of \(e.windowCount) report days × weekday factor "
                    + FindingNumber.twoDecimals(e.weekdayFactor)
            return "\(metric.rawValue) \(value) vs expected \(expected) (\(basis); scale \(FindingNumber.oneDecimal(scale)))"
        }
        let label: String
        switch metric {
        case .received: label = "số hồ sơ tiếp nhận"
        case .receivedOnline: label = "số hồ sơ tiếp nhận trực tuyến"
        case .resolvedLate: label = "số hồ sơ giải quyết quá hạn"
        }
        let basis = e.weekdayFactor == 1
            ? "trung vị của \(e.windowCount) ngày báo cáo"
            : "trung vị \(w(FindingNumber.oneDecimal(e.median))) của \(e.windowCount) ngày báo cáo × hệ số thứ trong tuần "
                + w(FindingNumber.twoDecimals(e.weekdayFactor))
        return "\(label) \(value), kỳ vọng \(w(expected)) (\(basis); thang đo \(w(FindingNumber.oneDecimal(scale))))"
    }
}

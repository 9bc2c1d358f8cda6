import ReportModel

/// One unit's trailing window, laid out for the outlier rule: for each procedure it reported today, the
/// received and resolved_late values of each window day the unit reported (0 when the procedure was absent).
///
/// Kept by the outlier rule across units so a national day allocates its buffers once. A history day's procedure
/// codes are matched to today's by comparing the strings' 16 raw bytes first (equal bytes are equal strings; codes
/// are small strings stored inline), then with `==`: no hashing per history day and procedure. Both are sorted, so
/// the code after the last match is tried first.
struct HistorySeries {
    /// Window days the unit reported (at most the window's length).
    private(set) var dayCount = 0
    private(set) var codes: [String] = []
    private(set) var today: [Counts] = []
    private var rawLow: [UInt64] = []
    private var rawHigh: [UInt64] = []
    /// `received[j * dayCount + i]`: procedure `j`, window day `i`.
    private(set) var received: [Int] = []
    /// `online[j * dayCount + i]`: received online alone (a spike there can hide in the total).
    private(set) var online: [Int] = []
    private(set) var late: [Int] = []
    /// The unit's weekday factor for today: its median activity on today's weekday over its median activity.
    private(set) var weekdayFactor = 1.0
    /// Whether the unit had enough days of today's weekday for a factor of its own (else see `useWeekdayFactor`).
    private(set) var ownWeekdayFactor = false
    private var totals: [Double] = []
    private var sameDayTotals: [Double] = []
    private var sorted: [Double] = []

    init(capacity: Int) {
        sorted.reserveCapacity(capacity)
        totals.reserveCapacity(capacity)
        sameDayTotals.reserveCapacity(capacity)
    }

    /// Lays out a unit's window: `entries` are its counts today in `today`, `days` its entries on the window days it
    /// reported (`window[day]`, `range`), `flags[i]` whether `days[i]` fell on today's weekday.
    mutating func load(today reports: DayReports, entries: Range<Int>, window: [DayReports],
                       days: [(day: Int, range: Range<Int>)], sameWeekday flags: [Bool], minSameWeekday: Int) {
        dayCount = days.count
        codes.removeAll(keepingCapacity: true)
        today.removeAll(keepingCapacity: true)
        rawLow.removeAll(keepingCapacity: true)
        rawHigh.removeAll(keepingCapacity: true)
        for e in entries {
            let code = reports.procedureCodes[e]
            codes.append(code)
            today.append(reports.counts[e])
            let raw = HistorySeries.rawBits(code)
            rawLow.append(raw.low)
            rawHigh.append(raw.high)
        }
        let size = codes.count * dayCount
        received.removeAll(keepingCapacity: true)
        received.append(contentsOf: repeatElement(0, count: size))
        online.removeAll(keepingCapacity: true)
        online.append(contentsOf: repeatElement(0, count: size))
        late.removeAll(keepingCapacity: true)
        late.append(contentsOf: repeatElement(0, count: size))
        totals.removeAll(keepingCapacity: true)
        sameDayTotals.removeAll(keepingCapacity: true)
        for (i, reported) in days.enumerated() {
            let past = window[reported.day]
            var activity = 0
            // Both sides are sorted by code, and usually the same codes: the next code is tried first.
            var hint = 0
            for e in reported.range {
                let counts = past.counts[e]
                activity += counts.activity
                guard let j = index(of: past.procedureCodes[e], hint: hint) else { continue }
                hint = j + 1
                received[j * dayCount + i] = counts.received
                online[j * dayCount + i] = counts.receivedOnline
                late[j * dayCount + i] = counts.resolvedLate
            }
            totals.append(Double(activity))
            if flags[i] { sameDayTotals.append(Double(activity)) }
        }
        ownWeekdayFactor = sameDayTotals.count >= max(1, minSameWeekday)
        weekdayFactor = ownWeekdayFactor ? HistorySeries.weekdayRatio(totals: &totals, sameWeekday: &sameDayTotals) ?? 1 : 1
    }

    /// A unit's median daily activity on today's weekday over its median activity on all its days (both lists
    /// are sorted in place); nil without a day of today's weekday, or when its median activity is 0.
    static func weekdayRatio(totals: inout [Double], sameWeekday: inout [Double]) -> Double? {
        guard !sameWeekday.isEmpty else { return nil }
        insertionSort(&totals)
        insertionSort(&sameWeekday)
        let all = median(ofSorted: totals)
        return all > 0 ? median(ofSorted: sameWeekday) / all : nil
    }

    /// Sets the weekday factor of a unit without one of its own (the units' pooled factor).
    mutating func useWeekdayFactor(_ factor: Double) { weekdayFactor = factor }

    private func index(of code: String, hint: Int) -> Int? {
        let raw = HistorySeries.rawBits(code)
        if hint < rawLow.count, rawLow[hint] == raw.low, rawHigh[hint] == raw.high { return hint }
        for j in rawLow.indices where rawLow[j] == raw.low && rawHigh[j] == raw.high { return j }
        // A code stored out of line, or one not reported today.
        for j in codes.indices where codes[j] == code { return j }
        return nil
    }

    static func rawBits(_ s: String) -> (low: UInt64, high: UInt64) {
        withUnsafeBytes(of: s) { (low: $0.load(as: UInt64.self), high: $0.load(fromByteOffset: 8, as: UInt64.self)) }
    }

    /// What `values` (one procedure's window) lead to expect today, and their spread.
    mutating func estimate(_ values: ArraySlice<Int>, threshold: Double) -> RobustEstimate {
        let n = values.count
        precondition(n > 0 && n == dayCount)
        sorted.removeAll(keepingCapacity: true)
        for v in values { sorted.append(Double(v)) }
        HistorySeries.insertionSort(&sorted)
        let median = HistorySeries.median(ofSorted: sorted)
        let mad = HistorySeries.medianDistance(ofSorted: sorted, from: median)
        let factor = weekdayFactor
        let expected = median * factor
        // MAD is 0 for a constant (or mostly constant) series: fall back to Poisson-like spread.
        let poisson = max(expected, 1).squareRoot()
        let scale = max(1.4826 * mad * factor, poisson)
        // Above the expectation a count's tail is heavier than a normal's (see OutlierRule).
        let poissonTail = poisson + threshold / 4
        let upperSpread = (HistorySeries.quantile(ofSorted: sorted, HistorySeries.upperQuantile) - median)
            / HistorySeries.upperSpreadDivisor * factor
        return RobustEstimate(expected: expected, scale: scale, upperScale: max(scale, poissonTail, upperSpread),
                              median: median, weekdayFactor: factor, windowCount: n)
    }

    /// Sorts a short array in place (≤ 28 values: cheaper than the general sort's setup).
    static func insertionSort(_ a: inout [Double]) {
        a.withUnsafeMutableBufferPointer { b in
            guard b.count > 1 else { return }
            for i in 1..<b.count {
                let v = b[i]
                var j = i - 1
                while j >= 0 && b[j] > v {
                    b[j + 1] = b[j]
                    j -= 1
                }
                b[j + 1] = v
            }
        }
    }

    /// The quantile of the upper spread, and what its distance from the median is divided by (a normal's is 1.28; 0.9 measured).
    static let upperQuantile = 0.9
    static let upperSpreadDivisor = 0.9

    /// The `p` quantile of sorted values, interpolated between order statistics.
    static func quantile(ofSorted a: [Double], _ p: Double) -> Double {
        let position = p * Double(a.count - 1)
        let i = Int(position)
        let fraction = position - Double(i)
        return i + 1 < a.count ? a[i] + (a[i + 1] - a[i]) * fraction : a[i]
    }

    /// The median of sorted values.
    static func median(ofSorted a: [Double]) -> Double {
        let n = a.count
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2
    }

    /// The median of |a[i] − center| over sorted values, walking outward from `center` (O(n), no second sort).
    static func medianDistance(ofSorted a: [Double], from center: Double) -> Double {
        let n = a.count
        var hi = 0
        while hi < n && a[hi] < center { hi += 1 }
        var lo = hi - 1
        let upperRank = n / 2
        var lower = 0.0
        var rank = 0
        while true {
            let left = lo >= 0 ? center - a[lo] : Double.infinity
            let right = hi < n ? a[hi] - center : Double.infinity
            let next: Double
            if left <= right { next = left; lo -= 1 } else { next = right; hi += 1 }
            if rank == upperRank - 1 { lower = next }
            if rank == upperRank { return n % 2 == 1 ? next : (lower + next) / 2 }
            rank += 1
        }
    }
}

import ReportModel

/// The accepted rows of re-ingested files before and after, compared per date: a row accepted before and not now is
/// newly rejected, the reverse newly accepted. The keys before are one sorted array per date, each marked when met
/// again (8 bytes and a flag a row: a year's 12.5 M rows as two hash sets, before and after, took ~500 MB).
struct RowKeyTally {
    private var before: [Day: [Int]]
    private var met: [Day: [Bool]]
    /// Keys after that were not among the keys before (a set: a key met twice counts once).
    private var new: [Day: Set<Int>] = [:]

    /// `before`: each date's row keys (`Warehouse.rowKey`) before the re-ingest, in any order.
    init(before: consuming [Day: [Int]]) {
        var sorted: [Day: [Int]] = [:]
        // Each date's keys moved out and sorted in place: a year's 12.5 M keys are not held twice.
        for day in Array(before.keys) {
            var keys = before.removeValue(forKey: day)!
            keys.sort()
            keys.removeDuplicates()
            sorted[day] = keys
        }
        self.before = sorted
        met = sorted.mapValues { [Bool](repeating: false, count: $0.count) }
    }

    /// Records a row accepted after the re-ingest.
    mutating func accepted(_ key: Int, on day: Day) {
        if let keys = before[day], let i = keys.binarySearch(key) {
            met[day]![i] = true
        } else {
            new[day, default: []].insert(key)
        }
    }

    /// Per date with any, how many rows are accepted now and were not before.
    var newlyAccepted: [Day: Int] { new.mapValues(\.count) }

    /// Per date with any, how many rows were accepted before and are not now.
    var newlyRejected: [Day: Int] {
        met.compactMapValues { flags in
            let n = flags.lazy.filter { !$0 }.count
            return n > 0 ? n : nil
        }
    }
}

private extension Array where Element == Int {
    mutating func removeDuplicates() {
        guard count > 1 else { return }
        var w = 1
        for r in 1..<count where self[r] != self[w - 1] {
            self[w] = self[r]
            w += 1
        }
        removeLast(count - w)
    }

    func binarySearch(_ key: Int) -> Int? {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < count && self[lo] == key ? lo : nil
    }
}

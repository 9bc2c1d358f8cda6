import ReportModel

/// One report day's winning counts, by unit and procedure.
///
/// Laid out flat (units ascending, each unit's procedures ascending, counts side by side) rather than as
/// nested dictionaries: a national day is ~50,000 entries and the checks keep 15 such days, which as
/// dictionaries cost ~0.2 s to build and as much again to free (measured, docs/PERFORMANCE.md).
public struct DayReports: Sendable {
    /// The report date these counts are for.
    public let day: Day
    /// The units that reported, ascending; a unit with no entries sent only an empty envelope.
    public private(set) var unitCodes: [String]
    /// Unit `i`'s entries are `starts[i]..<starts[i + 1]`.
    private var starts: [Int]
    /// Each entry's procedure code, ascending within its unit.
    public private(set) var procedureCodes: ProcedureColumn
    /// Each entry's counts.
    public private(set) var counts: CountsColumn
    private var index: [String: Int]

    /// The number of entries (unit × procedure) of the day.
    public var entryCount: Int { counts.count }

    /// Unit `i`'s entries, as indices into `procedureCodes` and `counts`.
    public func entries(ofUnitAt i: Int) -> Range<Int> { starts[i]..<starts[i + 1] }

    /// The entries of the unit with `code`, or nil when it did not report.
    public func entries(of code: String) -> Range<Int>? { index[code].map(entries(ofUnitAt:)) }

    /// The place of the unit with `code` among `unitCodes`, searching forward from `cursor` and leaving it after
    /// the place: for lookups in ascending order of code (no hashing; each day is walked once).
    public func unitIndex(of code: String, from cursor: inout Int) -> Int? {
        while cursor < unitCodes.count {
            let c = unitCodes[cursor]
            if c == code {
                cursor += 1
                return cursor - 1
            }
            if c > code { return nil }
            cursor += 1
        }
        return nil
    }

    /// Whether the unit with `code` reported (possibly only an empty envelope).
    public func contains(unit code: String) -> Bool { index[code] != nil }

    /// The same data as nested maps: unit code → procedure code → counts (for tests and small callers).
    public var units: [String: [String: Counts]] {
        get {
            var out: [String: [String: Counts]] = [:]
            for (i, code) in unitCodes.enumerated() {
                var procedures: [String: Counts] = [:]
                for e in entries(ofUnitAt: i) { procedures[procedureCodes[e]] = counts[e] }
                out[code] = procedures
            }
            return out
        }
        set { self = DayReports(day: day, units: newValue) }
    }

    /// Wraps counts already grouped by unit and procedure.
    public init(day: Day, units: [String: [String: Counts]]) {
        var b = Builder(day: day)
        for code in units.keys.sorted() {
            b.startUnit(code)
            for (procedure, c) in units[code]!.sorted(by: { $0.key < $1.key }) { b.append(procedure, c) }
        }
        self = b.build()
    }

    /// Groups the winning rows of `day`; rows of other dates are ignored, and a repeated unit and procedure keeps its last row.
    public init(day: Day, rows: [StoredRow]) {
        var units: [String: [String: Counts]] = [:]
        for stored in rows where stored.row.reportDate == day {
            units[stored.row.unitCode, default: [:]][stored.row.procedureCode] = stored.row.counts
        }
        self.init(day: day, units: units)
    }

    /// Groups winners given as (unit, procedure, counts), one per unit and procedure; `envelopes` are units
    /// that reported (possibly with no rows at all). Winners sorted by unit and procedure, as the warehouse
    /// returns them, are laid out as they come; any other order is regrouped.
    public init(day: Day, winners: [(unit: String, procedure: String, counts: Counts)], envelopes: [String] = []) {
        var b = Builder(day: day, capacity: winners.count)
        var envelopeOnly = Set(envelopes)
        for w in winners {
            if b.currentUnit != w.unit {
                b.startUnit(w.unit)
                envelopeOnly.remove(w.unit)
            }
            b.append(w.procedure, w.counts)
        }
        var built = b.build()
        if !envelopeOnly.isEmpty { built.addEmptyUnits(envelopeOnly) }
        self = built
    }

    /// A day already laid out: `unitCodes` strictly ascending, unit `i`'s entries at `starts[i]..<starts[i + 1]`
    /// (`starts` has one more element than `unitCodes`, from 0 to the entry count), each unit's procedure codes
    /// strictly ascending. The caller vouches for the order (a snapshot decoder that checked it as it read);
    /// nothing is compared again.
    public init(day: Day, ascendingUnitCodes unitCodes: [String], starts: [Int], procedureCodes: ProcedureColumn, counts: CountsColumn) {
        precondition(starts.count == unitCodes.count + 1 && starts.first == 0 && starts.last == counts.count
                     && procedureCodes.count == counts.count, "DayReports laid out inconsistently")
        self.init(day: day, unitCodes: unitCodes, starts: starts, procedureCodes: procedureCodes, counts: counts)
    }

    private init(day: Day, unitCodes: [String], starts: [Int], procedureCodes: ProcedureColumn, counts: CountsColumn) {
        self.day = day
        self.unitCodes = unitCodes
        self.starts = starts
        self.procedureCodes = procedureCodes
        self.counts = counts
        var index: [String: Int] = [:]
        index.reserveCapacity(unitCodes.count)
        for (i, code) in unitCodes.enumerated() { index[code] = i }
        self.index = index
    }

    /// Adds units with no entries (empty envelopes), keeping units ascending.
    private mutating func addEmptyUnits(_ codes: Set<String>) {
        let added = codes.filter { index[$0] == nil }.sorted()
        guard !added.isEmpty else { return }
        var mergedCodes: [String] = []
        var mergedStarts: [Int] = [0]
        mergedCodes.reserveCapacity(unitCodes.count + added.count)
        mergedStarts.reserveCapacity(unitCodes.count + added.count + 1)
        var i = 0, j = 0
        while i < unitCodes.count || j < added.count {
            if j < added.count && (i == unitCodes.count || added[j] < unitCodes[i]) {
                mergedCodes.append(added[j])
                mergedStarts.append(mergedStarts.last!)
                j += 1
            } else {
                mergedCodes.append(unitCodes[i])
                mergedStarts.append(starts[i + 1])
                i += 1
            }
        }
        self = DayReports(day: day, unitCodes: mergedCodes, starts: mergedStarts, procedureCodes: procedureCodes, counts: counts)
    }

    /// Builds a day unit by unit, in ascending order of unit and, within a unit, of procedure.
    public struct Builder {
        let day: Day
        var unitCodes: [String] = []
        var starts: [Int] = [0]
        var procedureCodes = ProcedureColumn()
        var counts = CountsColumn()
        var ordered = true

        /// Starts an empty day.
        public init(day: Day, capacity: Int = 0) {
            self.day = day
            procedureCodes.reserveCapacity(capacity)
            counts.reserveCapacity(capacity)
        }

        /// The unit entries are being appended to.
        public var currentUnit: String? { unitCodes.last }

        /// Starts the next unit (its code after the previous unit's).
        public mutating func startUnit(_ code: String) {
            if let last = unitCodes.last, last >= code { ordered = false }
            unitCodes.append(code)
            starts.append(counts.count)
        }

        /// Adds a procedure's counts to the current unit (its code after the previous procedure's).
        public mutating func append(_ procedure: String, _ c: Counts) {
            let ascending = counts.count == starts[starts.count - 2] || procedureCodes.last! < procedure
            append(procedure, c, ascending: ascending)
        }

        /// Adds a procedure's counts to the current unit; `ascending`: the caller knows its code is after the
        /// previous procedure's (a decoder comparing places in a sorted list instead of strings).
        public mutating func append(_ procedure: String, _ c: Counts, ascending: Bool) {
            if !ascending { ordered = false }
            procedureCodes.append(procedure)
            counts.append(c)
            starts[starts.count - 1] = counts.count
        }

        /// The day; out-of-order input is regrouped (a later entry for the same unit and procedure wins).
        public func build() -> DayReports {
            let flat = DayReports(day: day, unitCodes: unitCodes, starts: starts, procedureCodes: procedureCodes, counts: counts)
            guard ordered else {
                var grouped: [String: [String: Counts]] = [:]
                for (i, u) in unitCodes.enumerated() {
                    var procedures = grouped[u] ?? [:]
                    for e in flat.entries(ofUnitAt: i) { procedures[procedureCodes[e]] = counts[e] }
                    grouped[u] = procedures
                }
                return DayReports(day: day, units: grouped)
            }
            return flat
        }
    }
}

extension DayReports {
    /// Whether two units' reports (entry ranges of `self` and `other`) hold the same procedures with the same counts.
    public func sameReport(_ a: Range<Int>, as other: DayReports, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for (i, j) in zip(a, b) where procedureCodes[i] != other.procedureCodes[j] || counts[i] != other.counts[j] {
            return false
        }
        return true
    }
}

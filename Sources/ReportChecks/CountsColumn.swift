import ReportModel

/// A day's counts, entry by entry, seven 16-bit words each: the checks keep 28 national days of ~50,000 entries,
/// 0.7 MB a day this way instead of 2.8 MB as `[Counts]` (a national day's largest count is ~1,200). An entry with
/// a count outside `0..<UInt16.max` (the contract allows 12 digits) is kept whole beside, its first word `UInt16.max`.
public struct CountsColumn: RandomAccessCollection, Sendable, Equatable {
    private var words: [UInt16] = []
    private var wide: [Int: Counts] = [:]

    /// An empty column.
    public init() {}

    /// A column of `counts`, in order.
    public init(_ counts: some Sequence<Counts>) {
        for c in counts { append(c) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { words.count / 7 }

    public subscript(i: Int) -> Counts {
        let b = i * 7
        if words[b] == .max, let c = wide[i] { return c }
        return Counts(receivedOnline: Int(words[b]), receivedOffline: Int(words[b + 1]), resolvedOnTime: Int(words[b + 2]),
                      resolvedLate: Int(words[b + 3]), returned: Int(words[b + 4]), pendingOnTime: Int(words[b + 5]),
                      pendingOverdue: Int(words[b + 6]))
    }

    /// Adds an entry at the end.
    public mutating func append(_ c: Counts) {
        func fits(_ v: Int) -> Bool { v >= 0 && v < Int(UInt16.max) }
        if fits(c.receivedOnline) && fits(c.receivedOffline) && fits(c.resolvedOnTime) && fits(c.resolvedLate)
            && fits(c.returned) && fits(c.pendingOnTime) && fits(c.pendingOverdue) {
            words.append(UInt16(c.receivedOnline)); words.append(UInt16(c.receivedOffline))
            words.append(UInt16(c.resolvedOnTime)); words.append(UInt16(c.resolvedLate)); words.append(UInt16(c.returned))
            words.append(UInt16(c.pendingOnTime)); words.append(UInt16(c.pendingOverdue))
        } else {
            wide[endIndex] = c
            words.append(.max)
            words.append(contentsOf: repeatElement(0, count: 6))
        }
    }

    /// Reserves room for `n` entries.
    public mutating func reserveCapacity(_ n: Int) { words.reserveCapacity(n * 7) }

    public static func == (a: CountsColumn, b: CountsColumn) -> Bool { a.elementsEqual(b) }
}

/// A day's procedure codes, entry by entry, each a 32-bit place in the day's table of distinct codes (a national
/// day: ~50,000 entries over a few hundred codes).
public struct ProcedureColumn: RandomAccessCollection, Sendable, Equatable {
    /// The distinct codes, in the order first met (or as given).
    public private(set) var table: [String]
    private var places: [UInt32] = []
    private var lookup: [String: UInt32] = [:]

    /// An empty column whose table starts as `table` (distinct codes: a snapshot's sorted list).
    public init(table: [String] = []) {
        self.table = table
        for (i, c) in table.enumerated() { lookup[c] = UInt32(i) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { places.count }

    public subscript(i: Int) -> String { table[Int(places[i])] }

    /// Adds an entry at the end.
    public mutating func append(_ code: String) {
        if let p = lookup[code] {
            places.append(p)
        } else {
            let p = UInt32(table.count)
            table.append(code)
            lookup[code] = p
            places.append(p)
        }
    }

    /// Adds an entry at the end by its place in `table` (a decoder that checked it is in range).
    public mutating func append(place: Int) { places.append(UInt32(place)) }

    /// Reserves room for `n` entries.
    public mutating func reserveCapacity(_ n: Int) { places.reserveCapacity(n) }

    public static func == (a: ProcedureColumn, b: ProcedureColumn) -> Bool { a.elementsEqual(b) }
}

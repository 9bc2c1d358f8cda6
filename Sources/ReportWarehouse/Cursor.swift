/// Iterates the rows of a statement; `next()` throws on an SQLite error.
public struct Cursor<Element> {
    private let statement: Statement
    private let decode: (Statement) throws -> Element
    private var done = false

    init(_ statement: Statement, _ decode: @escaping (Statement) throws -> Element) {
        self.statement = statement
        self.decode = decode
    }

    /// The next row, or nil when there are no more (the statement is then reset).
    public mutating func next() throws -> Element? {
        guard !done else { return nil }
        if try statement.step() { return try decode(statement) }
        done = true
        statement.reset()
        return nil
    }

    /// Every remaining row.
    public mutating func all() throws -> [Element] {
        var out: [Element] = []
        while let e = try next() { out.append(e) }
        return out
    }
}

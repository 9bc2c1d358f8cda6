/// What libpq or the server said, kept as the typed cause of a `ReportError`.
public struct PostgresFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

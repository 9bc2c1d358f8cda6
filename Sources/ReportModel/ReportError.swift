/// An error that stops a command: a code that picks the exit status, a message
/// for a person (one sentence plus the fix), the cause and where it happened.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// Bad usage or configuration (exit 64).
        case usage
        /// Input too broken to use (exit 65).
        case dataError
        /// Lock held or a temporary failure: try later (exit 75).
        case tryLater
        /// Kept state (the warehouse, a raw copy) is damaged: refuse, change nothing (exit 74).
        case damaged
        /// A fault of the program or the machine (exit 70).
        case `internal`
    }

    public var code: Code
    public var message: String
    public var cause: String?
    public var location: String?

    public init(_ code: Code, _ message: String, cause: String? = nil, location: String? = nil) {
        self.code = code; self.message = message; self.cause = cause; self.location = location
    }

    public var description: String {
        var s = location.map { "\($0): " } ?? ""
        s += message
        if let cause { s += " (\(cause))" }
        return s
    }

    /// The documented exit status for this error.
    public var exitCode: Int32 {
        switch code {
        case .usage: return 64
        case .dataError: return 65
        case .tryLater: return 75
        case .damaged: return 74
        case .internal: return 70
        }
    }
}

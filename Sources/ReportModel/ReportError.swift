/// An error that stops a command: a code that picks the exit status, a message
/// for a person (one sentence plus the fix, in Vietnamese and English), the
/// typed cause, where in the data it happened and where in the program.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// Bad usage or configuration, or a path the job may not write (exit 64).
        case usage
        /// Input too broken to use (exit 65).
        case dataError
        /// Lock held, a full disk or an I/O failure that may pass: try later (exit 75).
        case tryLater
        /// Kept state (the warehouse, a raw copy) is damaged: refuse, change nothing (exit 74).
        case damaged
        /// A fault of the program (exit 70).
        case `internal`
    }

    /// The line of the program that made the error (shown for internal errors).
    public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
        public var fileID: String
        public var line: Int
        public init(fileID: String, line: Int) { self.fileID = fileID; self.line = line }
        public var description: String { "\(fileID):\(line)" }
    }

    public var code: Code
    /// What is wrong and what to do, in Vietnamese.
    public var vi: String
    /// What is wrong and what to do, in English.
    public var en: String
    /// The underlying failure (a system call, SQLite, Foundation), kept typed.
    public var cause: (any Error & Sendable)?
    /// Where in the data: a path, or `path:line`.
    public var location: String?
    /// Where in the program.
    public var source: SourceLocation

    public init(_ code: Code, vi: String, en: String, cause: (any Error & Sendable)? = nil, location: String? = nil,
                fileID: String = #fileID, line: Int = #line) {
        self.code = code; self.vi = vi; self.en = en; self.cause = cause; self.location = location
        source = SourceLocation(fileID: fileID, line: line)
    }

    /// An error whose text is the same in both languages (prefer `init(_:vi:en:…)` for text a person reads).
    public init(_ code: Code, _ message: String, cause: (any Error & Sendable)? = nil, location: String? = nil,
                fileID: String = #fileID, line: Int = #line) {
        self.init(code, vi: message, en: message, cause: cause, location: location, fileID: fileID, line: line)
    }

    /// The message in English (the form tests and logs match on).
    public var message: String { en }

    /// The message in `language`.
    public func message(_ language: Language) -> String { language == .vi ? vi : en }

    /// `location: message (cause)`, in Vietnamese.
    public var description: String { rendered(.vi) }

    /// `location: message (cause)` in `language`; internal errors also name the program line.
    public func rendered(_ language: Language) -> String {
        var s = location.map { "\($0): " } ?? ""
        s += message(language)
        if let cause { s += " (\(ReportError.describe(cause, language)))" }
        if code == .internal {
            s += language.pick(vi: " [lỗi nội bộ tại \(source); hãy gửi nguyên dòng này cho nhóm phát triển]",
                               en: " [internal error at \(source); send this whole line to the developers]")
        }
        return s
    }

    static func describe(_ cause: any Error, _ language: Language) -> String {
        if let e = cause as? ReportError { return e.rendered(language) }
        if cause is SystemCallError { return String(describing: cause) }
        return brief(cause) ?? String(describing: cause)
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

/// Why a row or a whole file was rejected: the contract's reason codes.
public enum RejectReason: String, Sendable, CaseIterable, Codable {
    // Row reasons, in the order the first that applies is chosen.
    case raggedRow = "ragged_row"
    case missingField = "missing_field"
    case badDate = "bad_date"
    case futureDate = "future_date"
    case unknownUnit = "unknown_unit"
    case inactiveUnit = "inactive_unit"
    case unknownProcedure = "unknown_procedure"
    case procedureLevelMismatch = "procedure_level_mismatch"
    case badCount = "bad_count"
    /// Only when the pipeline turns the `unregistered_reporter` check into a reject.
    case unregisteredReporter = "unregistered_reporter"

    // File reasons.
    case unreadableEncoding = "unreadable_encoding"
    case unterminatedQuote = "unterminated_quote"
    case missingHeader = "missing_header"
    case badJSON = "bad_json"
    /// A workbook that cannot be opened: damaged, encrypted, not a workbook.
    case badXLSX = "bad_xlsx"
    /// A file of a type that is no submission (`.xls`, `.pdf`, `.doc`, …).
    case unsupportedFormat = "unsupported_format"
    case emptyFile = "empty_file"
    case tooLarge = "too_large"

    /// Whether the reason rejects a whole file (or its tail) rather than one row.
    public var isFileReason: Bool {
        switch self {
        case .unreadableEncoding, .unterminatedQuote, .missingHeader, .badJSON, .badXLSX, .unsupportedFormat, .emptyFile, .tooLarge:
            return true
        default: return false
        }
    }
}

/// A rejected row or file: where, why, and the raw text.
public struct Reject: Sendable, Hashable {
    /// Path of the submission, relative to the inbox.
    public var file: String
    /// Physical line where the record starts (1-based); 0 for a whole file.
    public var line: Int
    public var reason: RejectReason
    public var detail: String
    public var raw: String
    /// The report date the row carries, when it could be read.
    public var reportDate: Day?
    /// The registered unit the row named, when it was resolved before the row was rejected.
    public var unitCode: String?

    public init(file: String, line: Int, reason: RejectReason, detail: String, raw: String, reportDate: Day? = nil,
                unitCode: String? = nil) {
        self.file = file; self.line = line; self.reason = reason; self.detail = detail; self.raw = raw
        self.reportDate = reportDate
        self.unitCode = unitCode
    }
}

/// Something worth telling about a file that rejects nothing (an unknown column, a duplicate).
public struct Note: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var kind: String
    public var detail: String

    public init(file: String, line: Int, kind: String, detail: String) {
        self.file = file; self.line = line; self.kind = kind; self.detail = detail
    }
}

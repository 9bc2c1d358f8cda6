import ReportModel

/// One record as a reader found it, before normalization: values by canonical column.
public struct RawRecord: Sendable {
    public enum Kind: Sendable { case row, emptyEnvelope }

    public var kind: Kind
    /// Physical line where the record starts (1-based); for JSON, the line of its `{`.
    public var line: Int
    /// The record's bytes as written (a slice of the file: no copy until a reject needs the text).
    public var rawBytes: ArraySlice<UInt8>

    /// The record's text as written (its first 4,000 bytes: a reject quotes it, it need not hold a hostile megabyte).
    public var raw: String {
        get { String(decoding: rawBytes.prefix(RawRecord.rawLimit), as: UTF8.self) }
        set { rawBytes = ArraySlice(newValue.utf8) }
    }
    /// Values indexed by `Column.rawValue`; nil when absent.
    public var values: [String?]
    /// Set when the row has a different number of fields than the header.
    public var ragged: (expected: Int, found: Int)?
    /// For a ragged row, the column that seems to be lacking or extra.
    public var raggedGuess: RaggedGuess?
    /// Count columns a reader already knows are not integers (a JSON `2.5`), by `Column.rawValue` bit.
    public var badCountMask: UInt32 = 0
    /// Which of `mergedHintColumns` a record above in the table had a value in, by `Column.rawValue` bit: an empty
    /// cell under one may be in a spreadsheet's merged cell, whose value a CSV keeps on the range's first row only.
    public var filledAbove: UInt32 = 0

    /// The columns whose empty cell gets the merged-cell hint: the date and the unit.
    static let mergedHintColumns: UInt32 = [Column.reportDate, .unitCode, .unitName].reduce(0) { $0 | 1 << UInt32($1.rawValue) }

    /// Which of the columns in `mask` hold a value other than spaces, by `Column.rawValue` bit.
    func filledColumns(among mask: UInt32) -> UInt32 {
        var filled: UInt32 = 0
        for (i, v) in values.enumerated() where mask & (1 << UInt32(i)) != 0 && v.map({ !$0.trimmingSpaces.isEmpty }) ?? false {
            filled |= 1 << UInt32(i)
        }
        return filled
    }

    /// How much of a record's text a reject keeps.
    public static let rawLimit = 4000

    public init(kind: Kind = .row, line: Int, raw: String) {
        self.init(kind: kind, line: line, rawBytes: ArraySlice(raw.utf8))
    }

    public init(kind: Kind = .row, line: Int, rawBytes: ArraySlice<UInt8>) {
        self.kind = kind; self.line = line; self.rawBytes = rawBytes
        self.values = Array(repeating: nil, count: Column.allCases.count)
    }

    public subscript(_ c: Column) -> String? {
        get { values[c.rawValue] }
        set { values[c.rawValue] = newValue }
    }

    /// The value with surrounding spaces removed; nil when absent or blank.
    public func trimmed(_ c: Column) -> String? {
        guard let v = values[c.rawValue] else { return nil }
        let t = v.trimmingSpaces
        return t.isEmpty ? nil : t
    }
}

/// What a reader yields besides records: file rejects and notes.
public struct ReadResult: Sendable {
    public var rejects: [Reject] = []
    public var notes: [Note] = []
    /// Records the reader produced (rows and empty envelopes).
    public var records = 0

    public init() {}
}

/// Reads one decoded submission into raw records; CSV and JSON are the two forms.
public protocol SubmissionReader {
    /// Streams records into `sink`; returns file-level rejects and notes.
    func read(_ text: DecodedText, file: String, into sink: (RawRecord) -> Void) -> ReadResult
}

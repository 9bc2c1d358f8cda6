import ReportModel

/// Which column a ragged row seems to lack or have too many of, inferred from what its fields look like.
public struct RaggedGuess: Sendable, Equatable {
    /// True when the row has one field fewer than the header; false when one more.
    public var missing: Bool
    /// The header titles of the first and last column the lacking (or extra) field may be at: the same
    /// title when the position is certain, a run of look-alike columns (the seven counts) otherwise.
    public var first: String
    public var last: String
    /// For an extra field: it is after the header's last column.
    public var pastEnd = false

    /// The guess for a row one field short of or over its header; nil when it cannot be told.
    static func guess(header: HeaderMap, fields: [String]) -> RaggedGuess? {
        let n = header.columns.count
        guard abs(fields.count - n) == 1 else { return nil }
        let missing = fields.count < n
        // Try each position for the lacking (or extra) field; keep those where the most fields fit their column.
        var scores: [Int] = []
        for p in 0..<(missing ? n : fields.count) {
            var score = 0
            for i in 0..<min(n, fields.count) {
                let (column, field): (Column?, String)
                if missing {
                    let c = i < p ? i : i + 1
                    guard c < n else { break }
                    (column, field) = (header.columns[c], fields[i])
                } else {
                    let f = i < p ? i : i + 1
                    guard f < fields.count else { break }
                    (column, field) = (header.columns[i], fields[f])
                }
                if fits(field, column) { score += 1 }
            }
            scores.append(score)
        }
        guard let top = scores.max() else { return nil }
        let best = scores.indices.filter { scores[$0] == top }
        // A run of positions is one answer ("one of the counts"); scattered positions are no answer.
        guard let a = best.first, let b = best.last, b - a + 1 == best.count, b - a < 7 else { return nil }
        if missing {
            return RaggedGuess(missing: true, first: header.names[a], last: header.names[b])
        }
        // An extra field: named by the header column at its position (the last one when past the end).
        if a >= n { return RaggedGuess(missing: false, first: header.names[n - 1], last: header.names[n - 1], pastEnd: true) }
        return RaggedGuess(missing: false, first: header.names[a], last: header.names[min(b, n - 1)])
    }

    /// Whether a field's text is plausible for a column.
    static func fits(_ field: String, _ column: Column?) -> Bool {
        let t = field.trimmingSpaces
        guard let column else { return true }
        switch column {
        case .reportDate: return Day(parsing: t) != nil
        case .unitCode: return !t.isEmpty && t.count <= 5 && t.allSatisfy(\.isASCIIDigit)
        case .unitName: return t.isEmpty || t.contains { $0.isLetter }
        case .procedureCode:
            let digits = t.filter(\.isASCIIDigit)
            return digits.count == 7 && t.allSatisfy { $0.isASCIIDigit || $0 == "." }
        case .receivedOnline, .receivedOffline, .resolvedOnTime, .resolvedLate, .returned, .pendingOnTime, .pendingOverdue:
            if case .success = CountParser.parse(t) { return true }
            return false
        case .submittedAt: return t.isEmpty || Timestamp(parsing: t) != nil
        case .reporterEmail: return t.isEmpty || t.contains("@")
        case .reporterPhone: return t.isEmpty || t.allSatisfy { $0.isASCIIDigit || " +.-()".contains($0) }
        case .note, .reporterName: return true
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}

extension String {
    /// A code cell as a spreadsheet may have written it, back to the code typed: spaces trimmed, then Excel's
    /// text prefix (`'00070`, typed to keep the zeros, which some exports keep) and a number's zero decimals
    /// (`70.0`: a code column read as numbers, written back as floats) removed.
    public var spreadsheetCode: String {
        var s = Substring(trimmingSpaces)
        if s.utf8.first == 0x27 { s = s.dropFirst() }
        if s.hasSuffix(".0"), s.utf8.count > 2, s.utf8.dropLast(2).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            s = s.dropLast(2)
        }
        return String(s)
    }
}

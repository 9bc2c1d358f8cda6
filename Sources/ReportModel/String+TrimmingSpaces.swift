extension String {
    /// The string without leading and trailing spaces, tabs, line ends, no-break spaces (U+00A0), zero-width
    /// spaces (U+200B) and byte-order marks (U+FEFF: a second file's, inside a joined file).
    public var trimmingSpaces: String {
        let u = utf8
        guard let first = u.first, let last = u.last else { return self }
        // Most values have nothing to trim: answer without copying.
        if first != 0x20, first != 0x09, first != 0x0D, first != 0x0A, first != 0xC2, first != 0xE2, first != 0xEF,
           last != 0x20, last != 0x09, last != 0x0D, last != 0x0A, last != 0xA0, last != 0x8B, last != 0xBF {
            return self
        }
        let b = Array(u)
        var start = 0, end = b.count
        while start < end, let n = String.blankWidth(b, start, end, forward: true) { start += n }
        while end > start, let n = String.blankWidth(b, start, end, forward: false) { end -= n }
        return start == 0 && end == b.count ? self : String(decoding: b[start..<end], as: UTF8.self)
    }

    /// The byte length of the blank character that begins at `b[start]` (forward) or ends at `b[end - 1]`; nil when
    /// that character is not blank.
    private static func blankWidth(_ b: [UInt8], _ start: Int, _ end: Int, forward: Bool) -> Int? {
        for blank in blanks where end - start >= blank.count {
            let at = forward ? start : end - blank.count
            if b[at..<(at + blank.count)].elementsEqual(blank) { return blank.count }
        }
        return nil
    }

    private static let blanks: [[UInt8]] = [[0x20], [0x09], [0x0D], [0x0A], [0xC2, 0xA0], [0xE2, 0x80, 0x8B], [0xEF, 0xBB, 0xBF]]
}

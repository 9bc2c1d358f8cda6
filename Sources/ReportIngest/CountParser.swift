/// Reads a dossier count as offices write it.
///
/// Empty is 0. Thousands separators (`.` `,` space, no-break space) are accepted
/// only in groups of three after a first group of one to three digits, so
/// `1.234` is 1234 while `1.5` is fractional and rejected. A whole number
/// written with zero decimals (`12.0`, `1.234,00`: a spreadsheet's number
/// format, pandas' floats) is that number.
public enum CountParser {
    public enum Failure: Error, Equatable {
        case negative, fractional, notANumber, tooLarge
    }

    public static func parse(_ text: String?) -> Result<Int, Failure> {
        guard let text else { return .success(0) }
        // The common case, plain digits, read without copying.
        if let plain = text.utf8.withContiguousStorageIfAvailable(plainDigits), let value = plain {
            return .success(value)
        }
        var bytes = Array(text.utf8)
        trim(&bytes)
        if bytes.isEmpty { return .success(0) }
        if bytes[0] == 0x2D {
            let magnitude = Array(bytes.dropFirst())
            return (digitsOrGrouped(magnitude) ?? wholeWithZeroDecimals(magnitude)) != nil ? .failure(.negative) : .failure(.notANumber)
        }
        if let v = digitsOrGrouped(bytes) ?? wholeWithZeroDecimals(bytes) {
            return v < 0 ? .failure(.tooLarge) : .success(v)
        }
        if bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2C }),
           bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            return .failure(.fractional)
        }
        return .failure(.notANumber)
    }

    /// The value of 1 to 12 plain digits; nil for anything else.
    static func plainDigits(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !b.isEmpty, b.count <= 12 else { return nil }
        var v = 0
        for c in b {
            guard c >= 0x30, c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }

    /// The value of plain digits or correctly grouped digits; -1 when too large; nil otherwise.
    static func digitsOrGrouped(_ b: [UInt8]) -> Int? {
        guard !b.isEmpty else { return nil }
        var value = 0
        var digitsInGroup = 0
        var groups = 0
        var separator: [UInt8]?
        var i = 0
        var digitCount = 0
        while i < b.count {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 {
                value = value &* 10 &+ Int(c - 0x30)
                digitsInGroup += 1
                digitCount += 1
                i += 1
                continue
            }
            // A separator: one of . , space, or the UTF-8 of U+00A0 / U+202F.
            var sep: [UInt8]
            if c == 0x2E || c == 0x2C || c == 0x20 { sep = [c] }
            else if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { sep = [0xC2, 0xA0] }
            else if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xAF { sep = [0xE2, 0x80, 0xAF] }
            else { return nil }
            if let s = separator, s != sep { return nil }
            separator = sep
            if groups == 0 ? !(1...3).contains(digitsInGroup) : digitsInGroup != 3 { return nil }
            groups += 1
            digitsInGroup = 0
            i += sep.count
        }
        if groups > 0 && digitsInGroup != 3 { return nil }
        if digitCount > 12 { return -1 }
        return value
    }

    /// The value of `12.0`, `12,00` or `1.234,00`: digits as `digitsOrGrouped` reads them, then a decimal separator
    /// (`.` or `,`, not the one grouping them) and one or two zeros; nil otherwise.
    static func wholeWithZeroDecimals(_ b: [UInt8]) -> Int? {
        guard let point = b.lastIndex(where: { $0 == 0x2E || $0 == 0x2C }) else { return nil }
        let decimals = b[(point + 1)...]
        guard (1...2).contains(decimals.count), decimals.allSatisfy({ $0 == 0x30 }) else { return nil }
        let whole = Array(b[..<point])
        guard !whole.contains(b[point]) else { return nil }
        return digitsOrGrouped(whole)
    }

    static func trim(_ b: inout [UInt8]) {
        func isSpace(_ i: Int) -> Int {
            if b[i] == 0x20 || b[i] == 0x09 { return 1 }
            if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
            return 0
        }
        var start = 0
        while start < b.count { let n = isSpace(start); if n == 0 { break }; start += n }
        var end = b.count
        while end > start {
            if b[end - 1] == 0x20 || b[end - 1] == 0x09 { end -= 1; continue }
            if end - 2 >= start, b[end - 2] == 0xC2, b[end - 1] == 0xA0 { end -= 2; continue }
            break
        }
        b = Array(b[start..<end])
    }
}

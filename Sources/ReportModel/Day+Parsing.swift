extension Day {
    /// Parses a report date as the contract writes it: `2026-11-27`, `27/11/2026`
    /// or `7/1/2026` (day first; `-` and `.` also separate a day-first date).
    /// A time after an ISO date (`2026-11-27T00:00:00`, `2026-11-27 00:00`) is ignored, and so is one after a space
    /// behind a day-first date (`27/11/2026 0:00`, a spreadsheet's date-and-time cell written to CSV); a leading
    /// `ngày` ("day": `ngày 27/11/2026`) too, and a leading weekday that is the date's (`Thứ Sáu, 27/11/2026`). So is a
    /// date written out as in official documents, `27 tháng 11 năm 2026`.
    public init?(parsing text: some StringProtocol) {
        // The common case, an ISO date, without copying the text.
        if let fast = text.utf8.withContiguousStorageIfAvailable({ Day.isoFast($0) }), let d = fast {
            self = d
            return
        }
        guard let (d, weekday) = Day.dateAndWeekday(text), weekday.map({ $0 == d.isoWeekday }) ?? true else { return nil }
        self = d
    }

    /// The date of a text that is one but for the weekday before it, which is not the date's (`Thứ Năm 27/11/2026`):
    /// for a message that says so; nil for any other text.
    public static func behindAnotherWeekday(_ text: some StringProtocol) -> Day? {
        guard let (d, weekday) = dateAndWeekday(text), let weekday, weekday != d.isoWeekday else { return nil }
        return d
    }

    /// The date a text writes in any of the slower forms, and the ISO weekday written before it, if any.
    private static func dateAndWeekday(_ text: some StringProtocol) -> (Day, Int?)? {
        var bytes = Array(text.utf8)
        while let l = bytes.last, l == 0x20 || l == 0x09 { bytes.removeLast() }
        while let f = bytes.first, f == 0x20 || f == 0x09 { bytes.removeFirst() }
        let weekday = leadingWeekday(&bytes)
        if let space = afterDayWord(bytes) { bytes.removeFirst(space + 1) }
        return (parse(bytes[...]) ?? writtenOut(bytes)).map { ($0, weekday) }
    }

    /// The ISO weekday a text begins with (`Thứ Sáu`, `thu 6`, `Chủ nhật`, `CN`, then perhaps a comma: a Vietnamese
    /// long date, "Thứ Sáu, ngày 27/11/2026"), removed from `bytes` with what follows it up to the date; nil, and
    /// `bytes` unchanged, when it begins with none. The date must then fall on that weekday.
    static func leadingWeekday(_ bytes: inout [UInt8]) -> Int? {
        guard let first = bytes.first, !(0x30...0x39).contains(first) else { return nil }
        // The weekday's words end at a comma, or before the date or the word `ngày`.
        let cut = bytes.prefix(24).firstIndex(of: 0x2C) ?? bytes.prefix(24).firstIndex(where: { (0x30...0x39).contains($0) })
        guard var cut else { return nil }
        var words = NameKey(String(decoding: bytes[..<cut], as: UTF8.self)).loose
        // `Thứ 6 27/11/2026`: the weekday's number is the first digit.
        if words == ["thu"], cut + 1 < bytes.count, (0x32...0x37).contains(bytes[cut]), bytes[cut + 1] == 0x20 || bytes[cut + 1] == 0x2C {
            words.append(String(UnicodeScalar(bytes[cut])))
            cut += 1
        }
        if words.last == "ngay" { words.removeLast() }
        let names = [["thu", "hai"], ["thu", "ba"], ["thu", "tu"], ["thu", "nam"], ["thu", "sau"], ["thu", "bay"], ["chu", "nhat"]]
        var weekday = names.firstIndex(of: words).map { $0 + 1 }
        if weekday == nil, words.count == 2, words[0] == "thu", let n = Int(words[1]), (2...7).contains(n) { weekday = n - 1 }
        if weekday == nil, words == ["cn"] { weekday = 7 }
        guard let weekday else { return nil }
        var rest = bytes[cut...]
        while let f = rest.first, f == 0x2C || f == 0x20 { rest.removeFirst() }
        bytes = Array(rest)
        return weekday
    }

    /// `YYYY-MM-DD` read straight from bytes; nil for any other form.
    static func isoFast(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func digits(_ from: Int, _ to: Int) -> Int? {
            var v = 0
            for i in from..<to {
                let c = b[i]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            return v
        }
        guard let y = digits(0, 4), let m = digits(5, 7), let d = digits(8, 10) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// Parses an ISO date `YYYY-MM-DD` exactly (registry files use this form).
    public init?(iso text: some StringProtocol) {
        if let fast = text.utf8.withContiguousStorageIfAvailable({ Day.isoFast($0) }) {
            guard let fast else { return nil }
            self = fast
            return
        }
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D,
              let y = Day.number(b[0..<4]), let m = Day.number(b[5..<7]), let d = Day.number(b[8..<10]),
              let day = Day(year: y, month: m, day: d) else { return nil }
        self = day
    }

    static func parse(_ b: ArraySlice<UInt8>) -> Day? {
        var parts: [ArraySlice<UInt8>] = []
        var start = b.startIndex
        var seps: [UInt8] = []
        var end = b.endIndex
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            if c == 0x2F || c == 0x2D || c == 0x2E {
                parts.append(b[start..<i]); seps.append(c); start = i + 1
            } else if c == 0x54 || c == 0x20 {  // 'T' or ' ' before a time
                end = i; break
            } else if c < 0x30 || c > 0x39 {
                return nil
            }
            i += 1
        }
        parts.append(b[start..<end])
        guard parts.count == 3, seps[0] == seps[1] else { return nil }
        if end != b.endIndex {
            // An ISO date may carry a time after `T` or a space, a day-first one after a space; the time must look
            // like one (`0:00` at least).
            let iso = seps[0] == 0x2D && parts[0].count == 4
            guard iso || b[end] == 0x20 else { return nil }
            let rest = b[(end + 1)...]
            guard rest.count >= 4, rest.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true else { return nil }
            if !iso { guard rest.contains(0x3A), rest.allSatisfy({ ($0 >= 0x30 && $0 <= 0x3A) || $0 == 0x20 || $0 == 0x2E }) else { return nil } }
        }
        if parts[0].count == 4, seps[0] == 0x2D {
            guard parts[1].count == 2, parts[2].count == 2,
                  let y = number(parts[0]), let m = number(parts[1]), let d = number(parts[2]) else { return nil }
            return Day(year: y, month: m, day: d)
        }
        guard (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              let d = number(parts[0]), let m = number(parts[1]), let y = number(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// Where the word "day" (`ngày`, in any case, NFC or NFD, with or without its diacritics, as `NameKey` folds
    /// names) ends, when the text begins with it and a space follows; nil otherwise. A date begins with a digit, so
    /// the common case does not look further.
    static func afterDayWord(_ bytes: [UInt8]) -> Int? {
        guard let first = bytes.first, !(0x30...0x39).contains(first),
              let space = bytes.prefix(12).firstIndex(of: 0x20), space + 1 < bytes.count else { return nil }
        return NameKey(String(decoding: bytes[..<space], as: UTF8.self)).loose == ["ngay"] ? space : nil
    }

    /// A date written out (`27 tháng 11 năm 2026`, as in documents, or as a spreadsheet writes a cell in a Vietnamese
    /// long date format to CSV): its words folded by `NameKey`; nil for anything else.
    static func writtenOut(_ bytes: [UInt8]) -> Day? {
        guard bytes.count <= 40, bytes.contains(where: { $0 >= 0x80 || $0 == 0x68 || $0 == 0x48 }) else { return nil }
        let words = NameKey(String(decoding: bytes, as: UTF8.self)).loose
        guard words.count == 5, words[1] == "thang", words[3] == "nam", words[0].count <= 2, words[2].count <= 2,
              words[4].count == 4, let d = Int(words[0]), let m = Int(words[2]), let y = Int(words[4]) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    static func number(_ s: ArraySlice<UInt8>) -> Int? {
        guard !s.isEmpty else { return nil }
        var v = 0
        for c in s {
            guard c >= 0x30, c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }
}

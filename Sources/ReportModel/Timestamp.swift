/// An instant, as whole seconds since 1970-01-01T00:00:00Z.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int64

    /// Vietnam's offset, +07:00, in which report days and deadlines are reckoned.
    public static let vietnamOffset: Int64 = 7 * 3600

    public init(seconds: Int64) { self.seconds = seconds }

    /// The calendar day this instant falls on in +07:00.
    public var vietnamDay: Day {
        let local = seconds + Timestamp.vietnamOffset
        return Day(ordinal: Int32((local - (((local % 86400) + 86400) % 86400)) / 86400))
    }

    /// The instant at `hour:minute` +07:00 on `day`.
    public static func vietnam(_ day: Day, hour: Int, minute: Int) -> Timestamp {
        Timestamp(seconds: Int64(day.ordinal) * 86400 + Int64(hour * 3600 + minute * 60) - vietnamOffset)
    }

    /// ISO 8601 in +07:00, e.g. `2026-11-27T17:05:00+07:00`.
    public var iso: String {
        let local = seconds + Timestamp.vietnamOffset
        let secOfDay = Int(((local % 86400) + 86400) % 86400)
        let h = secOfDay / 3600, m = (secOfDay % 3600) / 60, s = secOfDay % 60
        return vietnamDay.iso + "T" + String(format2: h) + ":" + String(format2: m) + ":" + String(format2: s) + "+07:00"
    }

    public var description: String { iso }

    /// `YYYY-MM-DDTHH:MM:SS+07:00` read straight from bytes; nil for any other form.
    static func vietnamFast(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard b.count == 25, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x2B, b[20] == 0x30, b[21] == 0x37,
              b[22] == 0x3A, b[23] == 0x30, b[24] == 0x30,
              let day = Day.isoFast(UnsafeBufferPointer(rebasing: b[0..<10])) else { return nil }
        func two(_ i: Int) -> Int? {
            let x = b[i], y = b[i + 1]
            guard x >= 0x30, x <= 0x39, y >= 0x30, y <= 0x39 else { return nil }
            return Int(x - 0x30) * 10 + Int(y - 0x30)
        }
        guard let h = two(11), let m = two(14), let s = two(17), h < 24, m < 60, s < 61 else { return nil }
        return Timestamp(seconds: Int64(day.ordinal) * 86400 + Int64(h * 3600 + m * 60 + min(s, 59)) - vietnamOffset)
    }
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

    /// Parses ISO 8601: `2026-11-27T17:05:00+07:00`, `…Z`, `…+0700`, fractional
    /// seconds, a space for `T`, seconds optional. Without an offset, +07:00 is meant.
    public init?(parsing text: some StringProtocol) {
        // The common case, `YYYY-MM-DDTHH:MM:SS+07:00`, read without copying.
        if let fast = text.utf8.withContiguousStorageIfAvailable(Timestamp.vietnamFast), let t = fast {
            self = t
            return
        }
        let b = Array(text.utf8)
        var s = b[...]
        while let f = s.first, f == 0x20 { s = s.dropFirst() }
        while let l = s.last, l == 0x20 { s = s.dropLast() }
        guard s.count >= 16 else { return nil }
        let i0 = s.startIndex
        guard let day = s[i0..<(i0 + 10)].withUnsafeBufferPointer({ Day.isoFast($0) }),
              s[i0 + 10] == 0x54 || s[i0 + 10] == 0x20 || s[i0 + 10] == 0x74,
              let hh = Day.number(s[(i0 + 11)..<(i0 + 13)]), s[i0 + 13] == 0x3A,
              let mm = Day.number(s[(i0 + 14)..<(i0 + 16)]), hh < 24, mm < 60 else { return nil }
        var i = i0 + 16
        var ss = 0
        if i < s.endIndex, s[i] == 0x3A {
            guard i + 3 <= s.endIndex, let v = Day.number(s[(i + 1)..<(i + 3)]), v < 61 else { return nil }
            ss = min(v, 59); i += 3
            if i < s.endIndex, s[i] == 0x2E || s[i] == 0x2C {
                i += 1
                let fracStart = i
                while i < s.endIndex, s[i] >= 0x30, s[i] <= 0x39 { i += 1 }
                guard i > fracStart else { return nil }
            }
        }
        var offset = Timestamp.vietnamOffset
        if i < s.endIndex {
            let c = s[i]
            if c == 0x5A || c == 0x7A {  // Z
                guard i + 1 == s.endIndex else { return nil }
                offset = 0
            } else if c == 0x2B || c == 0x2D {
                let rest = Array(s[(i + 1)...]).filter { $0 != 0x3A }
                guard rest.count == 4 || rest.count == 2,
                      let oh = Day.number(rest[0..<2]), oh <= 14 else { return nil }
                let om = rest.count == 4 ? (Day.number(rest[2..<4]) ?? 99) : 0
                guard om < 60 else { return nil }
                offset = Int64(oh * 3600 + om * 60) * (c == 0x2D ? -1 : 1)
            } else {
                return nil
            }
        }
        seconds = Int64(day.ordinal) * 86400 + Int64(hh * 3600 + mm * 60 + ss) - offset
    }
}

import Foundation

/// The one normalization function for comparing Vietnamese names.
///
/// A key is made of words (runs of letters and digits), lowercased, with the
/// tone mark of each word moved to the word's end: this makes NFC and NFD,
/// any case, and old and new tone placement (`Hoà`/`Hòa`, `Thuỷ`/`Thủy`)
/// compare equal, while keeping every diacritic. `loose` also drops the
/// diacritics (`đ` read as `d`); it is only ever used as a fallback.
public struct NameKey: Hashable, Sendable {
    /// Words with diacritics, tone moved to the end of each word.
    public var exact: [String]
    /// Words without any diacritic.
    public var loose: [String]

    public init(_ text: String) {
        var exact: [String] = []
        var loose: [String] = []
        var word = String.UnicodeScalarView()
        var bare = String.UnicodeScalarView()
        var tone: Unicode.Scalar?
        func flush() {
            guard !word.isEmpty else { return }
            if let t = tone { word.append(t) }
            exact.append(String(word)); loose.append(String(bare))
            word = String.UnicodeScalarView(); bare = String.UnicodeScalarView(); tone = nil
        }
        for scalar in text.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x0300, 0x0301, 0x0303, 0x0309, 0x0323:  // the five Vietnamese tone marks
                tone = scalar
            case 0x0300...0x036F:  // other combining marks: circumflex, breve, horn
                word.append(scalar)
            case 0x0111:  // đ
                word.append(scalar); bare.append("d")
            default:
                if scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39) {
                    word.append(scalar); bare.append(scalar)
                } else {
                    flush()
                }
            }
        }
        flush()
        self.exact = exact
        self.loose = loose
    }

    /// The kind prefixes a name may carry, as loose words, and the registry kind each means.
    static let prefixes: [([String], String)] = [
        (["dac", "khu"], "đặc khu"),
        (["thanh", "pho"], "thành phố"),
        (["tp"], "thành phố"),
        (["phuong"], "phường"),
        (["tinh"], "tỉnh"),
        (["xa"], "xã"),
        // Abbreviated as in official writing: `P. Hoàn Kiếm`, `X. Sóc Sơn` (like `TP.`).
        (["p"], "phường"),
        (["x"], "xã"),
    ]

    /// Each prefix's words with their diacritics, as names write them (the abbreviations have none).
    static let prefixExactWords: [[String]] = prefixes.map { words, kind in
        ["tp", "p", "x"].contains(words.joined()) ? words : NameKey(kind).exact
    }

    /// Words naming a unit's People's Committee before its name (`UBND phường Hoàn Kiếm`, `Ủy ban nhân dân xã …`):
    /// the reporting office, not part of the unit's name.
    static let committeeWords: [[String]] = [["ubnd"], ["uy", "ban", "nhan", "dan"]]

    /// The kind named by a leading prefix, and the key without it.
    ///
    /// A prefix is recognised only with its diacritics intact when the name has any
    /// (`Xã`, not `Xa`, in a name written with accents), so `Xa Lộ` stays a name.
    public func splittingKindPrefix() -> (kind: String?, rest: NameKey) {
        var name = self
        for words in NameKey.committeeWords where name.loose.count > words.count && name.loose.starts(with: words) {
            name.exact.removeFirst(words.count)
            name.loose.removeFirst(words.count)
            break
        }
        let hasDiacritics = name.exact != name.loose
        for (i, (words, _)) in NameKey.prefixes.enumerated() where name.loose.count > words.count && name.loose.starts(with: words) {
            let kind = NameKey.prefixes[i].1
            if hasDiacritics {
                guard Array(name.exact.prefix(words.count)) == NameKey.prefixExactWords[i] else { continue }
            }
            var rest = name
            rest.exact.removeFirst(words.count)
            rest.loose.removeFirst(words.count)
            return (kind, rest)
        }
        return (nil, name)
    }

    /// The exact key as one string.
    public var exactString: String { exact.joined(separator: " ") }
    /// The loose key as one string.
    public var looseString: String { loose.joined(separator: " ") }
}

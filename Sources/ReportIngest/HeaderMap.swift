import Foundation
import ReportModel

/// Maps a file's header fields to canonical columns.
public struct HeaderMap: Sendable {
    /// For each field position, the column it fills (nil for an unknown column).
    public var columns: [Column?]
    /// Headers that name no column, in file order.
    public var unknown: [String]
    /// The header fields as the file writes them.
    public var names: [String]

    public init(headers: [String]) {
        if let known = HeaderMap.memo.map(for: headers) {
            self = known
            return
        }
        self.init(matching: headers)
        HeaderMap.memo.remember(self, for: headers)
    }

    private init(matching headers: [String]) {
        var seen = Set<Int>()
        var columns: [Column?] = []
        var unknown: [String] = []
        for h in headers {
            if let c = Column(header: h), seen.insert(c.rawValue).inserted {
                columns.append(c)
            } else {
                columns.append(nil)
                if !h.trimmingSpaces.isEmpty { unknown.append(h) }
            }
        }
        self.columns = columns
        self.unknown = unknown
        self.names = headers
    }

    /// The headers of a two-line header: each group heading ("Tiếp nhận", merged over its columns: written once, in the
    /// first) joined to the heading under it ("Trực tuyến" → "Tiếp nhận Trực tuyến"); a heading under none, or one
    /// that names a column alone, as it is; a column with nothing under it keeps the line above ("Mã đơn vị").
    public static func grouped(_ upper: [String], over lower: [String]) -> [String] {
        var group = ""
        return (0..<max(upper.count, lower.count)).map { i in
            let top = i < upper.count ? upper[i].trimmingSpaces : ""
            let under = i < lower.count ? lower[i].trimmingSpaces : ""
            if !top.isEmpty { group = top }
            if under.isEmpty { return top }
            if group.isEmpty || Column(header: under) != nil { return under }
            return joined(group, under)
        }
    }

    /// A group heading joined to a heading under it: the whole heading when that names a column, else its longest
    /// ending that does ("Số hồ sơ tiếp nhận" + "Trực tuyến" → "tiếp nhận Trực tuyến"), else the whole heading.
    static func joined(_ group: String, _ under: String) -> String {
        let words = group.split(separator: " ")
        for start in words.indices {
            let name = words[start...].joined(separator: " ") + " " + under
            if Column(header: name) != nil { return name }
        }
        return group + " " + under
    }

    /// How many fields name a column.
    public var knownCount: Int { columns.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// Required columns the header lacks: the report date, the procedure, the seven
    /// counts, and some way to name the unit (code, name or a reporter column).
    public var missingRequired: [String] {
        var missing = missingRequiredColumns.map(\.canonicalName)
        if lacksUnitColumn { missing.append("unit_code|unit_name|reporter_email|reporter_phone") }
        return missing
    }

    /// The required columns (other than a way to name the unit) the header lacks.
    public var missingRequiredColumns: [Column] {
        let present = Set(columns.compactMap { $0 })
        return ([Column.reportDate, .procedureCode] + Column.counts).filter { !present.contains($0) }
    }

    /// Whether no column names the unit (code, name or a reporter column).
    public var lacksUnitColumn: Bool {
        Set(columns.compactMap { $0 }).isDisjoint(with: [.unitCode, .unitName, .reporterEmail, .reporterPhone])
    }

    /// The missing required columns for a person: their Vietnamese titles and identifiers.
    public func missingRequiredText(_ language: Language) -> String {
        var parts = missingRequiredColumns.map { "\"\($0.vietnameseName)\" (\($0.canonicalName))" }
        if lacksUnitColumn {
            parts.append(language.pick(vi: "một cột gọi tên đơn vị: \"Mã đơn vị\", \"Tên đơn vị\" hoặc \"Email người báo cáo\"",
                                       en: "a column naming the unit: unit_code, unit_name or reporter_email"))
        }
        return parts.joined(separator: ", ")
    }

    /// The note for an unknown column: its name, and the closest known column when one is close.
    public static func unknownColumnText(_ header: String, _ language: Language) -> String {
        let guess = closestColumn(to: header).map { language.pick(vi: "; có phải là \"\($0.vietnameseName)\"?", en: "; did you mean \"\($0.vietnameseName)\" (\($0.canonicalName))?") } ?? ""
        return language.pick(vi: "cột \"\(header)\" không có trong mẫu báo cáo và được bỏ qua\(guess)",
                             en: "column \"\(header)\" is not in the contract and was ignored\(guess)")
    }

    /// The known column whose title shares the most words with `header` (English words for online/offline read
    /// as the Vietnamese ones); nil when none shares a word, or two share as many.
    public static func closestColumn(to header: String) -> Column? {
        let synonyms = ["online": ["truc", "tuyen"], "offline": ["truc", "tiep"], "date": ["ngay"], "code": ["ma"],
                        "overdue": ["qua", "han"], "pending": ["dang", "xu", "ly"]]
        let words = Set(NameKey(header).loose.flatMap { synonyms[$0] ?? [$0] })
        var best: (column: Column, score: Int)?
        var tie = false
        for c in Column.allCases {
            let title = Set(NameKey(c.vietnameseName).loose)
            let shared = words.intersection(title).count + words.intersection(c.canonicalName.split(separator: "_").map(String.init)).count
            guard shared > 0 else { continue }
            if let b = best, shared == b.score { tie = true }
            if best == nil || shared > best!.score { best = (c, shared); tie = false }
        }
        return tie ? nil : best?.column
    }
}

extension HeaderMap {
    /// Header lines already matched: thousands of files a night share a handful of header lines, and matching
    /// a header (normalizing each name, Vietnamese ones included) costs more than its row.
    private static let memo = Memo()

    private final class Memo: @unchecked Sendable {
        // Sendable by hand: every access to `maps` holds `lock`.
        private let lock = NSLock()
        private var maps: [[UInt8]: HeaderMap] = [:]

        func map(for headers: [String]) -> HeaderMap? {
            let key = Memo.key(headers)
            lock.lock()
            defer { lock.unlock() }
            return maps[key]
        }

        func remember(_ map: HeaderMap, for headers: [String]) {
            let key = Memo.key(headers)
            lock.lock()
            defer { lock.unlock() }
            // Bounded: a hostile inbox could send a different header in every file.
            if maps.count >= 256 { maps.removeAll() }
            maps[key] = map
        }

        /// The headers' exact bytes (String equality is canonical: an NFD header would get an NFC one's
        /// `unknown` text back).
        private static func key(_ headers: [String]) -> [UInt8] {
            var key: [UInt8] = []
            for h in headers {
                key.append(contentsOf: h.utf8)
                key.append(0)
            }
            return key
        }
    }
}


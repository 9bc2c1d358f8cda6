import Foundation
import ReportModel

/// Maps a file's header fields to canonical columns.
public struct HeaderMap: Sendable {
    /// For each field position, the column it fills (nil for an unknown column).
    public var columns: [Column?]
    /// Headers that name no column, in file order.
    public var unknown: [String]

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
    }

    /// Required columns the header lacks: the report date, the procedure, the seven
    /// counts, and some way to name the unit (code, name or a reporter column).
    public var missingRequired: [String] {
        let present = Set(columns.compactMap { $0 })
        var missing = ([Column.reportDate, .procedureCode] + Column.counts).filter { !present.contains($0) }.map(\.canonicalName)
        if present.isDisjoint(with: [.unitCode, .unitName, .reporterEmail, .reporterPhone]) {
            missing.append("unit_code|unit_name|reporter_email|reporter_phone")
        }
        return missing
    }
}

extension HeaderMap {
    /// Header lines already matched: thousands of files a night share a handful of header lines, and matching
    /// a header (normalizing each name, Vietnamese ones included) costs more than its row.
    private static let memo = Memo()

    private final class Memo: @unchecked Sendable {
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


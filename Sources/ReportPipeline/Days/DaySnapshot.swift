import ReportChecks
import ReportModel

/// The compact encoding of a day's winning counts that the warehouse keeps for the checks' history: the day's
/// procedure codes once, ascending; then per unit its code and entries, per entry its procedure's place in that
/// list and seven counts, all as varints. (A snapshot in another format is not read: the day is then read from
/// its rows, and its snapshot rewritten when the day is next computed.)
enum DaySnapshot {
    static let magic: [UInt8] = Array("DRS2".utf8)

    static func encode(_ reports: DayReports) -> [UInt8] {
        var out = magic
        out.reserveCapacity(reports.unitCodes.count * 8 + reports.entryCount * 10)
        let codes = Set(reports.procedureCodes).sorted()
        var place: [String: Int] = [:]
        for (i, c) in codes.enumerated() { place[c] = i }
        varint(codes.count, &out)
        for c in codes { text(c, &out) }
        varint(reports.unitCodes.count, &out)
        for (u, unit) in reports.unitCodes.enumerated() {
            let entries = reports.entries(ofUnitAt: u)
            text(unit, &out)
            varint(entries.count, &out)
            for e in entries {
                varint(place[reports.procedureCodes[e]]!, &out)
                for v in reports.counts[e].array { varint(v, &out) }
            }
        }
        return out
    }

    /// The day's reports, or nil when the bytes are not a snapshot this build wrote.
    static func decode(_ bytes: [UInt8], day: Day) -> DayReports? {
        guard bytes.starts(with: magic) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> DayReports? in
            var r = Reader(b: buffer, i: magic.count)
            guard let codeCount = r.varint(), codeCount <= buffer.count else { return nil }
            var codes: [String] = []
            codes.reserveCapacity(codeCount)
            for _ in 0..<codeCount {
                guard let c = r.text(), codes.last.map({ $0 < c }) ?? true else { return nil }
                codes.append(c)
            }
            guard let unitCount = r.varint(), unitCount <= buffer.count else { return nil }
            // Laid out straight into arrays (the checks read ~15 such days every night): order is checked on the
            // codes' places in the sorted list, and on unit codes once per unit.
            var unitCodes: [String] = []
            unitCodes.reserveCapacity(unitCount)
            var starts: [Int] = [0]
            starts.reserveCapacity(unitCount + 1)
            let capacity = buffer.count / 8
            var procedureCodes = ProcedureColumn(table: codes)
            procedureCodes.reserveCapacity(capacity)
            var counts = CountsColumn()
            counts.reserveCapacity(capacity)
            for _ in 0..<unitCount {
                guard let unit = r.text(), let n = r.varint(), n <= buffer.count else { return nil }
                if let last = unitCodes.last, last >= unit { return nil }
                unitCodes.append(unit)
                var previous = -1
                for _ in 0..<n {
                    guard let k = r.varint(), k < codes.count, k > previous, let a = r.varint(), let c2 = r.varint(),
                          let c3 = r.varint(), let c4 = r.varint(), let c5 = r.varint(), let c6 = r.varint(),
                          let c7 = r.varint() else { return nil }
                    procedureCodes.append(place: k)
                    counts.append(Counts(receivedOnline: a, receivedOffline: c2, resolvedOnTime: c3, resolvedLate: c4,
                                         returned: c5, pendingOnTime: c6, pendingOverdue: c7))
                    previous = k
                }
                starts.append(counts.count)
            }
            guard r.i == buffer.count else { return nil }
            return DayReports(day: day, ascendingUnitCodes: unitCodes, starts: starts, procedureCodes: procedureCodes,
                              counts: counts)
        }
    }

    /// A cursor over snapshot bytes.
    private struct Reader {
        let b: UnsafeBufferPointer<UInt8>
        var i: Int

        mutating func varint() -> Int? {
            var v = 0, shift = 0
            while i < b.count {
                let byte = b[i]
                i += 1
                v |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return v }
                shift += 7
                if shift > 56 { return nil }
            }
            return nil
        }

        mutating func text() -> String? {
            guard i < b.count else { return nil }
            let n = Int(b[i])
            guard i + 1 + n <= b.count else { return nil }
            defer { i += 1 + n }
            return String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<(i + 1 + n)]), as: UTF8.self)
        }
    }

    private static func varint(_ value: Int, _ out: inout [UInt8]) {
        var v = UInt(max(0, value))
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    private static func text(_ s: String, _ out: inout [UInt8]) {
        let u = Array(s.utf8.prefix(255))
        out.append(UInt8(u.count))
        out.append(contentsOf: u)
    }
}

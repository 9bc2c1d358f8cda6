import ReportModel

/// Reads JSON submissions: one envelope or an array of envelopes, each with `items`.
public struct JSONReader: SubmissionReader {
    /// The language of reject details and notes.
    public var language: Language

    public init(language: Language = .vi) { self.language = language }

    public func read(_ text: DecodedText, file: String, into sink: (RawRecord) -> Void) -> ReadResult {
        var result = ReadResult()
        let l = language
        if text.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            result.rejects.append(Reject(file: file, line: 0, reason: .emptyFile, detail: l.pick(vi: "tệp không có chữ nào", en: "the file has no text"), raw: ""))
            return result
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(text.bytes)
        } catch {
            result.rejects.append(Reject(file: file, line: error.line, reason: .badJSON,
                                         detail: l.pick(vi: "JSON không hợp lệ (\(error.message)); hãy kiểm tra dấu ngoặc, dấu phẩy và dấu ngoặc kép", en: error.message),
                                         raw: JSONReader.lineText(text.bytes, error.line)))
            return result
        }
        let envelopes: [JSONValue]
        switch root {
        case .object: envelopes = [root]
        case .array(let items):
            guard !items.isEmpty else {
                result.rejects.append(Reject(file: file, line: 0, reason: .emptyFile, detail: l.pick(vi: "mảng rỗng không chứa báo cáo nào", en: "an empty array holds no report"), raw: "[]"))
                return result
            }
            for (n, e) in items.enumerated() {
                guard case .object = e else {
                    result.rejects.append(Reject(file: file, line: 1, reason: .badJSON,
                                                 detail: l.pick(vi: "phần tử \(n + 1) của mảng không phải là một báo cáo (đối tượng {…})",
                                                                en: "element \(n + 1) of the array is not an envelope object"), raw: ""))
                    return result
                }
            }
            envelopes = items
        default:
            result.rejects.append(Reject(file: file, line: 1, reason: .badJSON, detail: l.pick(vi: "tệp không chứa một báo cáo (đối tượng {…}) hay một mảng báo cáo", en: "the file holds neither an envelope nor an array of envelopes"), raw: ""))
            return result
        }
        var unknown: [String] = []
        for envelope in envelopes {
            guard case .object(let members, let line, let range) = envelope else { continue }
            var base = RawRecord(line: line, rawBytes: [])
            var items: JSONValue?
            var hasItemsKey = false
            for (key, value) in members {
                if key == "items" { items = value; hasItemsKey = true; continue }
                if key == "reporter" {
                    if case .object(let r, _, _) = value {
                        for (rk, rv) in r {
                            switch Column.headerKey(rk) {
                            case "email": base[.reporterEmail] = JSONReader.text(rv)
                            case "phone", "dienthoai": base[.reporterPhone] = JSONReader.text(rv)
                            case "fullname", "name", "hoten": base[.reporterName] = JSONReader.text(rv)
                            default: break
                            }
                        }
                    }
                    continue
                }
                if let c = Column(header: key) { JSONReader.set(&base, c, value) } else if !unknown.contains(key) { unknown.append(key) }
            }
            let envelopeRaw = text.bytes[range].prefix(4000)
            switch items {
            case .none where !hasItemsKey && base[.procedureCode] != nil:
                // A flat row object: the envelope is its own item.
                base.rawBytes = envelopeRaw
                result.records += 1
                sink(base)
            case .none, .some(.null):
                var empty = base
                empty.kind = .emptyEnvelope
                empty.rawBytes = envelopeRaw
                result.records += 1
                sink(empty)
            case .some(.array(let list)) where list.isEmpty:
                var empty = base
                empty.kind = .emptyEnvelope
                empty.rawBytes = envelopeRaw
                result.records += 1
                sink(empty)
            case .some(.array(let list)):
                for item in list {
                    result.records += 1
                    guard case .object(let fields, let itemLine, let itemRange) = item else {
                        var bad = base
                        bad.rawBytes = envelopeRaw
                        bad[.procedureCode] = nil
                        sink(bad)  // normalizes to missing_field
                        continue
                    }
                    var row = base
                    row.line = itemLine
                    row.rawBytes = text.bytes[itemRange].prefix(4000)
                    for (key, value) in fields {
                        if let c = Column(header: key) { JSONReader.set(&row, c, value) } else if !unknown.contains(key) { unknown.append(key) }
                    }
                    sink(row)
                }
            case .some:
                var bad = base
                bad.rawBytes = envelopeRaw
                bad[.procedureCode] = nil
                result.records += 1
                sink(bad)
            }
        }
        for key in unknown {
            result.notes.append(Note(file: file, line: 1, kind: "unknown_column", detail: l.pick(vi: "khóa \"\(key)\" không có trong mẫu báo cáo và được bỏ qua", en: "key \"\(key)\" is not in the contract and was ignored")))
        }
        return result
    }

    static func text(_ v: JSONValue) -> String? {
        switch v {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    static func set(_ record: inout RawRecord, _ c: Column, _ v: JSONValue) {
        guard Column.counts.contains(c) else {
            record[c] = text(v)
            return
        }
        switch v {
        case .null: record[c] = nil
        case .string(let s): record[c] = s
        case .number(let n):
            if n.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) {
                record[c] = n
            } else if let d = Double(n), d.isFinite, d.rounded() == d, abs(d) < 1e12 {
                // `3.0` or `1e3`: a whole number written as a JSON float.
                record[c] = String(Int(d))
            } else {
                record[c] = n
                record.badCountMask |= 1 << UInt32(c.rawValue)
            }
        default:
            record[c] = text(v) ?? "(not a number)"
            record.badCountMask |= 1 << UInt32(c.rawValue)
        }
    }

    static func lineText(_ bytes: [UInt8], _ line: Int) -> String {
        var current = 1
        var start = 0
        var i = 0
        while i < bytes.count, current < line {
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) { current += 1; start = i + 1 }
            i += 1
        }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return String(decoding: bytes[start..<end].prefix(2000), as: UTF8.self)
    }
}

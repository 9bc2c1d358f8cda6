import ReportModel

/// Reads JSON submissions: one envelope or an array of envelopes, each with `items`.
public struct JSONReader: SubmissionReader {
    /// The language of reject details and notes.
    public var language: Language

    public init(language: Language = .vi) { self.language = language }

    /// Reads the file's envelopes into `sink` as records: its rows, and its empty envelopes.
    public func read(_ text: DecodedText, file: String, into sink: (RawRecord) -> Void) -> ReadResult {
        var result = ReadResult()
        var unknown: [String] = []
        for envelope in envelopes(in: text, file: file, rejects: &result.rejects, notes: &result.notes) {
            readEnvelope(envelope, text: text, file: file, unknown: &unknown, result: &result, sink: sink)
        }
        for key in unknown {
            result.notes.append(Note(file: file, line: 1, kind: "unknown_column", detail: language.pick(
                vi: "khóa \"\(key)\" không có trong mẫu báo cáo và được bỏ qua", en: "key \"\(key)\" is not in the contract and was ignored")))
        }
        return result
    }

    /// The file's envelopes: its one object, the objects of its array (also inside a wrapper, see `wrapped`), or its
    /// objects one after another (JSON Lines); none,
    /// with the file's reject in `rejects`, when it is blank, not JSON, or not one or more envelopes.
    func envelopes(in text: DecodedText, file: String, rejects: inout [Reject], notes: inout [Note]) -> [JSONValue] {
        let l = language
        func reject(_ line: Int, _ reason: RejectReason, vi: String, en: String, raw: String = "") -> [JSONValue] {
            rejects.append(Reject(file: file, line: line, reason: reason, detail: l.pick(vi: vi, en: en), raw: raw))
            return []
        }
        if text.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return reject(0, .emptyFile, vi: "tệp không có chữ nào (chỉ có khoảng trắng); hãy gửi lại tệp có số liệu", en: "the file has no text (only blanks); send it again with the report")
        }
        var root: JSONValue
        do {
            let values = try JSONParser.parseSequence(text.bytes)
            if values.count > 1 {
                notes.append(Note(file: file, line: 1, kind: "json_lines", detail: l.pick(
                    vi: "tệp có \(values.count) báo cáo nối tiếp nhau (JSON Lines) và được đọc từng báo cáo; mẫu báo cáo là một báo cáo hoặc một mảng [ … ] báo cáo",
                    en: "the file holds \(values.count) envelopes one after another (JSON Lines), read one by one; the contract puts one envelope or an array [ … ] of them")))
                return values
            }
            root = values[0]
        } catch {
            return reject(error.line, .badJSON, vi: "JSON không hợp lệ (\(error.problem.vietnamese)); hãy kiểm tra dấu ngoặc, dấu phẩy và dấu ngoặc kép",
                          en: error.problem.english, raw: JSONReader.lineText(text.bytes, error.line))
        }
        if case .object(let members, let line, _) = root, let (key, inner) = JSONReader.wrapped(members) {
            // `{"data": [ … ]}`, as reporting systems export: the envelopes are those inside.
            notes.append(Note(file: file, line: line, kind: "wrapped_envelopes", detail: l.pick(
                vi: "các báo cáo được đọc từ khóa \"\(key)\" bọc ngoài; mẫu báo cáo là một báo cáo hoặc một mảng báo cáo ở ngoài cùng",
                en: "the envelopes were read from inside the wrapping key \"\(key)\"; the contract puts an envelope or an array of them at the top")))
            root = inner
        }
        switch root {
        case .object:
            return [root]
        case .array(let items) where items.isEmpty:
            return reject(0, .emptyFile, vi: "mảng rỗng không chứa báo cáo nào", en: "an empty array holds no report", raw: "[]")
        case .array(let items):
            if let n = items.firstIndex(where: { if case .object = $0 { false } else { true } }) {
                return reject(1, .badJSON, vi: "phần tử \(n + 1) của mảng không phải là một báo cáo (đối tượng {…})",
                              en: "element \(n + 1) of the array is not an envelope object")
            }
            return items
        default:
            return reject(1, .badJSON, vi: "tệp không chứa một báo cáo (đối tượng {…}) hay một mảng báo cáo",
                          en: "the file holds neither an envelope nor an array of envelopes")
        }
    }

    /// The one member of a wrapping object that holds the envelopes: the object names no column, `items` or
    /// `reporter`, and exactly one of its members is an object or a non-empty array of objects (the others, a status
    /// or a count, are passed over). Nil for an envelope.
    static func wrapped(_ members: [(String, JSONValue)]) -> (key: String, value: JSONValue)? {
        var found: (String, JSONValue)?
        for (key, value) in members {
            if EnvelopeKey(key) != nil || Column(header: key) != nil { return nil }
            guard holdsEnvelopes(value) else { continue }
            if found != nil { return nil }
            found = (key, value)
        }
        return found
    }

    /// Whether a value is an object, or a non-empty array of objects.
    static func holdsEnvelopes(_ value: JSONValue) -> Bool {
        switch value {
        case .object: return true
        case .array(let list): return !list.isEmpty && list.allSatisfy { if case .object = $0 { true } else { false } }
        default: return false
        }
    }

    /// The envelope's own keys besides the columns, in any case or spacing (`Items`, `ITEMS`), as columns are.
    enum EnvelopeKey {
        case items, reporter

        init?(_ key: String) {
            if key == "items" { self = .items; return }
            if key == "reporter" { self = .reporter; return }
            switch Column.headerKey(key) {
            case "items": self = .items
            case "reporter": self = .reporter
            default: return nil
            }
        }
    }

    /// One envelope's records: each of its items, itself when it is a flat row, or one empty envelope. An envelope
    /// without `items` whose other key holds a list of objects (`"rows": [...]`) is rejected, not read as a report of no
    /// activity: its figures are under a name the contract does not have.
    func readEnvelope(_ envelope: JSONValue, text: DecodedText, file: String, unknown: inout [String], result: inout ReadResult,
                      sink: (RawRecord) -> Void) {
        guard case .object(let members, let line, let range) = envelope else { return }
        var base = RawRecord(line: line, rawBytes: [])
        var items: JSONValue?
        var hasItemsKey = false
        var list: String?  // the first other key holding a list of objects
        for (key, value) in members {
            switch EnvelopeKey(key) {
            case .items: items = value; hasItemsKey = true
            case .reporter: JSONReader.setReporter(&base, value)
            case nil:
                JSONReader.set(&base, key: key, value, unknown: &unknown)
                if list == nil, JSONReader.holdsEnvelopes(value), Column(header: key) == nil { list = key }
            }
        }
        base.rawBytes = text.bytes[range].prefix(4000)
        if !hasItemsKey, base[.procedureCode] == nil, let key = list {
            result.records += 1
            result.rejects.append(Reject(file: file, line: line, reason: .missingField, detail: language.pick(
                vi: "khóa \"\(key)\" chứa danh sách các mục nhưng mẫu báo cáo gọi danh sách này là \"items\": số liệu trong đó chưa "
                    + "được đọc; hãy đổi tên khóa thành \"items\" rồi gửi lại",
                en: "key \"\(key)\" holds a list of items but the contract calls that list \"items\": its figures were not read; "
                    + "rename the key to \"items\" and send the file again"),
                raw: base.raw, reportDate: base[.reportDate].flatMap { Day(parsing: $0) }))
            return
        }
        // A single item written without its list (`"items": { … }`) is that one item.
        if let item = items, case .object = item { items = .array([item]) }
        switch items {
        case .some(.array(let list)) where !list.isEmpty:
            for item in list {
                result.records += 1
                sink(JSONReader.row(item, envelope: base, text: text, unknown: &unknown))
            }
        case .none where !hasItemsKey && base[.procedureCode] != nil:
            // A flat row object: the envelope is its own item.
            result.records += 1
            sink(base)
        case .none, .some(.null), .some(.array):
            var empty = base
            empty.kind = .emptyEnvelope
            result.records += 1
            sink(empty)
        case .some:
            result.records += 1
            sink(JSONReader.malformed(base))
        }
    }

    /// One item of an envelope's `items`: the envelope's fields with the item's own over them.
    static func row(_ item: JSONValue, envelope base: RawRecord, text: DecodedText, unknown: inout [String]) -> RawRecord {
        guard case .object(let fields, let itemLine, let itemRange) = item else { return malformed(base) }
        var row = base
        row.line = itemLine
        row.rawBytes = text.bytes[itemRange].prefix(4000)
        for (key, value) in fields { set(&row, key: key, value, unknown: &unknown) }
        return row
    }

    /// An envelope whose `items` (or one of them) is not an object: a record without a procedure, which
    /// normalizes to `missing_field` at the envelope's line.
    static func malformed(_ envelope: RawRecord) -> RawRecord {
        var bad = envelope
        bad[.procedureCode] = nil
        return bad
    }

    /// The envelope's `reporter` object: e-mail, phone and name of who sent it.
    static func setReporter(_ base: inout RawRecord, _ value: JSONValue) {
        guard case .object(let r, _, _) = value else { return }
        for (rk, rv) in r {
            switch Column.headerKey(rk) {
            case "email": base[.reporterEmail] = text(rv)
            case "phone", "dienthoai": base[.reporterPhone] = text(rv)
            case "fullname", "name", "hoten": base[.reporterName] = text(rv)
            default: break
            }
        }
    }

    /// Sets the column `key` names, or remembers `key` (once) as unknown.
    static func set(_ record: inout RawRecord, key: String, _ value: JSONValue, unknown: inout [String]) {
        if let c = Column(header: key) {
            set(&record, c, value)
        } else if !unknown.contains(key) {
            unknown.append(key)
        }
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

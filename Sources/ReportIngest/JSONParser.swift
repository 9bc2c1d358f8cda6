import Foundation

/// A strict RFC 8259 parser over UTF-8 bytes that records the line of every object.
///
/// Foundation's decoders give no positions, and the contract rejects a JSON item
/// at the line of its opening `{`; this parser exists for that.
struct JSONParser {
    private let b: [UInt8]
    private var i = 0
    private var line = 1
    private var depth = 0
    /// How deep objects and arrays may nest: a deeper file is `bad_json`, not a stack overflow.
    static let maxDepth = 64

    init(_ bytes: [UInt8]) { b = bytes }

    /// The file's values: one, or several objects one after another (JSON Lines, one envelope a line, as reporting
    /// systems stream them). Text after a value that is no further object is `trailingText` (`objectsWithoutArray`
    /// when it is a comma before one: an array's objects without its brackets).
    static func parseSequence(_ bytes: [UInt8]) throws(JSONSyntaxError) -> [JSONValue] {
        var p = JSONParser(bytes)
        p.skipSpace()
        var values = [try p.value()]
        p.skipSpace()
        while p.i < p.b.count {
            guard case .object = values[values.count - 1], p.b[p.i] == 0x7B else {
                throw p.error(p.commaBeforeObject ? .objectsWithoutArray : .trailingText)
            }
            values.append(try p.value())
            p.skipSpace()
        }
        return values
    }

    /// Whether the text at `i` is a comma, then (after blanks) an object.
    private var commaBeforeObject: Bool {
        guard i < b.count, b[i] == 0x2C else { return false }
        var j = i + 1
        while j < b.count, [0x20, 0x09, 0x0A, 0x0D].contains(b[j]) { j += 1 }
        return j < b.count && b[j] == 0x7B
    }

    private func error(_ problem: JSONSyntaxProblem) -> JSONSyntaxError { JSONSyntaxError(line: line, problem: problem) }

    private mutating func skipSpace() {
        while i < b.count {
            switch b[i] {
            case 0x20, 0x09: i += 1
            case 0x0A: line += 1; i += 1
            case 0x0D:
                line += 1; i += 1
                if i < b.count, b[i] == 0x0A { i += 1 }
            default: return
            }
        }
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONValue {
        guard i < b.count else { throw error(.unexpectedEnd) }
        switch b[i] {
        case 0x7B: return try object()
        case 0x5B: return try array()
        case 0x22: return .string(try string())
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        case 0x2D, 0x30...0x39: return .number(try number())
        default: throw error(.unexpectedCharacter(String(decoding: [b[i]], as: UTF8.self)))
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let w = word.withUTF8Buffer { Array($0) }
        guard i + w.count <= b.count, Array(b[i..<(i + w.count)]) == w else { throw error(.invalidLiteral) }
        i += w.count
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        let startLine = line, start = i
        depth += 1
        guard depth <= JSONParser.maxDepth else { throw error(.tooDeep) }
        defer { depth -= 1 }
        i += 1
        var members: [(String, JSONValue)] = []
        skipSpace()
        if i < b.count, b[i] == 0x7D {
            i += 1
            return .object(members, line: startLine, range: start..<i)
        }
        while true {
            skipSpace()
            if !members.isEmpty, i < b.count, b[i] == 0x7D { throw error(.trailingComma("}")) }
            // A file cut short after a comma (an upload that stopped) ends inside the object, not at a bad key.
            guard i < b.count else { throw error(.unclosedObject) }
            guard b[i] == 0x22 else { throw error(.expectedKey) }
            let key = try string()
            skipSpace()
            guard i < b.count, b[i] == 0x3A else { throw error(.expectedColon) }
            i += 1
            skipSpace()
            members.append((key, try value()))
            skipSpace()
            guard i < b.count else { throw error(.unclosedObject) }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x7D { i += 1; break }
            throw error(.expectedObjectSeparator)
        }
        return .object(members, line: startLine, range: start..<i)
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        depth += 1
        guard depth <= JSONParser.maxDepth else { throw error(.tooDeep) }
        defer { depth -= 1 }
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < b.count, b[i] == 0x5D { i += 1; return .array(items) }
        while true {
            skipSpace()
            if !items.isEmpty, i < b.count, b[i] == 0x5D { throw error(.trailingComma("]")) }
            guard i < b.count else { throw error(.unclosedArray) }
            items.append(try value())
            skipSpace()
            guard i < b.count else { throw error(.unclosedArray) }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x5D { i += 1; break }
            throw error(.expectedArraySeparator)
        }
        return .array(items)
    }

    private mutating func number() throws(JSONSyntaxError) -> String {
        let start = i
        if b[i] == 0x2D { i += 1 }
        guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { throw error(.invalidNumber) }
        if b[i] == 0x30 { i += 1 } else { while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 } }
        if i < b.count, b[i] == 0x2E {
            i += 1
            let d = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > d else { throw error(.invalidNumber) }
        }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            let d = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > d else { throw error(.invalidNumber) }
        }
        return String(decoding: b[start..<i], as: UTF8.self)
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < b.count, b[i] != 0x22, b[i] != 0x5C, b[i] >= 0x20 { i += 1 }
        if i < b.count, b[i] == 0x22 {
            defer { i += 1 }
            return String(decoding: b[start..<i], as: UTF8.self)
        }
        var out = Array(b[start..<i])
        while true {
            guard i < b.count else { throw error(.unterminatedString) }
            let c = b[i]
            if c == 0x22 { i += 1; break }
            if c < 0x20 { throw error(.controlCharacter) }
            if c != 0x5C { out.append(c); i += 1; continue }
            i += 1
            guard i < b.count else { throw error(.unterminatedString) }
            let e = b[i]
            i += 1
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 else { throw error(.unpairedSurrogate) }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error(.unpairedSurrogate) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw error(.unpairedSurrogate)
                }
                guard let u = Unicode.Scalar(scalar) else { throw error(.invalidUnicodeEscape) }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: throw error(.invalidEscape)
            }
        }
        // A \u escape may spell a decomposed letter: keep text NFC.
        return String(decoding: out, as: UTF8.self).nfc
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= b.count else { throw error(.invalidUnicodeEscape) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw error(.invalidUnicodeEscape)
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }
}

import CCSV
import ReportModel

/// Reads CSV submissions through libcsv, streaming, one physical line at a time
/// so that every record knows the line it starts on.
public struct CSVReader: SubmissionReader {
    /// The language of reject details and notes.
    public var language: Language

    public init(language: Language = .vi) { self.language = language }

    public func read(_ text: DecodedText, file: String, into sink: (RawRecord) -> Void) -> ReadResult {
        var result = ReadResult()
        var table = TableRows(file: file, language: language)
        let outcome = CSVReader.records(text.bytes) { record in
            table.take(line: record.line, fields: record.fields, rawBytes: record.rawBytes, result: &result, sink: sink)
        }
        table.finish(result: &result)
        result.records = table.records
        let l = language
        switch outcome {
        case .empty:
            result.rejects.append(Reject(file: file, line: 0, reason: .emptyFile,
                                         detail: l.pick(vi: "tệp không có chữ nào (chỉ có khoảng trắng); hãy gửi lại tệp có số liệu", en: "the file has no text (only blanks); send it again with the report"), raw: ""))
        case .unterminatedQuote(let line, let raw):
            result.rejects.append(Reject(file: file, line: line, reason: .unterminatedQuote, detail: l.pick(
                vi: "dấu ngoặc kép mở ở bản ghi dòng \(line) không bao giờ được đóng; tệp bị từ chối từ dòng này trở đi (hãy đóng dấu \" hoặc bỏ nó)",
                en: "a quote opened in the record on line \(line) is never closed; the file is rejected from there on"), raw: raw))
        case .failed(let line, let why):
            // libcsv stopped (its buffer could not grow): what it did not read is not dropped unnoticed.
            result.rejects.append(Reject(file: file, line: line, reason: .unreadableEncoding,
                                         detail: l.pick(
                vi: "bộ đọc CSV dừng ở bản ghi dòng \(line) (\(why)); tệp bị từ chối từ dòng này trở đi: hãy chia thành các tệp nhỏ hơn rồi gửi lại",
                en: "the CSV reader stopped at the record on line \(line) (\(why)); the file is rejected "
                    + "from there on: split it into smaller files and send it again"),
                                         raw: ""))
        case .complete:
            if !table.sawLines {
                result.rejects.append(Reject(file: file, line: 0, reason: .emptyFile,
                                             detail: l.pick(vi: "tệp không có dòng nào ngoài dòng trống; hãy gửi lại tệp có dòng tiêu đề cột của mẫu và số liệu",
                                                           en: "the file has only blank lines; send it again with the template's header and the rows"), raw: ""))
            } else if table.header != nil, result.records == 0, result.rejects.isEmpty {
                result.rejects.append(Reject(file: file, line: 0, reason: .emptyFile, detail: l.pick(
                    vi: "tệp có dòng tiêu đề cột nhưng không có dòng số liệu nào; hãy điền số liệu, mỗi thủ tục một dòng, dưới dòng tiêu đề cột rồi gửi lại",
                    en: "the file has a header but no rows; fill in one row per procedure under the header and send the file again"), raw: ""))
            }
        }
        return result
    }

    /// How a CSV text ended.
    public enum Outcome: Equatable {
        case complete
        case empty
        /// A quote opened in the record starting on `line` is never closed.
        case unterminatedQuote(line: Int, raw: String)
        /// libcsv could not go on at the record starting on `line` (out of memory, a field too large).
        case failed(line: Int, reason: String)
    }

    /// For tests: libcsv's buffer cannot grow past this many bytes, as if memory ran out (nil: no limit).
    nonisolated(unsafe) static var bufferLimitForTesting: Int?

    /// Streams the records of CSV bytes (UTF-8), each with the physical line it starts on.
    public static func records(_ bytes: [UInt8], body: (CSVRecord) -> Void) -> Outcome {
        guard firstNonEmptyLine(bytes) != nil else { return .empty }
        let state = CSVParseState(bytes: bytes)
        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_STRICT_FINI | CSV_APPEND_NULL)) == 0 else { return .empty }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, delimiter(ofFirstLines: bytes))
        // Only the space is trimmed around unquoted fields: a tab may be the delimiter.
        csv_set_space_func(&parser) { c in c == 0x20 ? 1 : 0 }
        if bufferLimitForTesting != nil {
            csv_set_realloc_func(&parser) { p, n in n > (CSVReader.bufferLimitForTesting ?? Int.max) ? nil : realloc(p, n) }
        }

        let context = Unmanaged.passUnretained(state).toOpaque()
        var lineNumber = 0
        var offset = 0
        let n = bytes.count
        var failure: Int32 = 0
        bytes.withUnsafeBufferPointer { buf in
            while offset < n && failure == 0 {
                lineNumber += 1
                let start = offset
                var end = start
                while end < n, buf[end] != 0x0A, buf[end] != 0x0D { end += 1 }
                var next = end
                if next < n { next += (buf[next] == 0x0D && next + 1 < n && buf[next + 1] == 0x0A) ? 2 : 1 }
                offset = next
                if state.betweenRecords {
                    if isBlank(buf, start, end) { continue }
                    state.betweenRecords = false
                    state.recordLine = lineNumber
                    state.recordStart = start
                }
                state.lineEnd = end
                // csv_parse returns the bytes it consumed: fewer means it failed (csv_error says why).
                if csv_parse(&parser, buf.baseAddress! + start, next - start, csvFieldCallback, csvRecordCallback, context) != next - start {
                    failure = Int32(csv_error(&parser))
                }
                for record in state.finished { body(record) }
                state.finished.removeAll(keepingCapacity: true)
            }
        }
        if failure != 0 {
            return .failed(line: state.recordLine, reason: String(cString: csv_strerror(failure)))
        }
        // libcsv honours CSV_STRICT_FINI only in strict mode: read its state instead.
        // FIELD_BEGUN (2) inside quotes; after a closing quote libcsv is in FIELD_MIGHT_HAVE_ENDED (3).
        let openQuote = parser.quoted != 0 && parser.pstate == 2 && !state.betweenRecords
        let fini = openQuote ? 1 : csv_fini(&parser, csvFieldCallback, csvRecordCallback, context)
        if !openQuote { for record in state.finished { body(record) } }
        if fini != 0 {
            return .unterminatedQuote(line: state.recordLine,
                                      raw: String(decoding: bytes[state.recordStart...].prefix(2000), as: UTF8.self))
        }
        return .complete
    }

    static func isBlank(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            if buf[i] != 0x20 && buf[i] != 0x09 { return false }
            i += 1
        }
        return true
    }

    static func firstNonEmptyLine(_ bytes: [UInt8]) -> Range<Int>? {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            if bytes[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 }) { return start..<end }
            start = end + 1
        }
        return nil
    }

    /// The delimiter of a file: that of the line, among the first non-empty ones a header may be on, with the
    /// most of one delimiter (a title row above the header may hold none, or a stray `;`).
    static func delimiter(ofFirstLines bytes: [UInt8]) -> UInt8 {
        // One pass per line (its end, whether it is blank, and both tallies): the sniff read a small file's first
        // ten lines four times over, ~2 % of a backfill's parsing.
        bytes.withUnsafeBufferPointer { b in
            var best: (delimiter: UInt8, count: Int) = (0x2C, -1)
            var i = 0, seen = 0
            while i < b.count, seen < TableRows.headerSearch {
                var outside = DelimiterTally(), all = DelimiterTally()
                var quoted = false, blank = true
                while i < b.count {
                    let c = b[i]
                    if c == 0x0A || c == 0x0D { break }
                    if c != 0x20 && c != 0x09 { blank = false }
                    if c == 0x22 { quoted.toggle() }
                    all.count(c)
                    if !quoted { outside.count(c) }
                    i += 1
                }
                i += 1
                guard !blank else { continue }
                seen += 1
                let d = outside.mostFrequent
                let n = all.count(of: d)
                if n > best.count { best = (d, n) }
            }
            return best.delimiter
        }
    }

    /// The delimiter of a header line: the most frequent of `,` `;` and tab outside quotes.
    static func delimiter(of line: ArraySlice<UInt8>) -> UInt8 {
        var outside = DelimiterTally()
        var quoted = false
        for c in line {
            if c == 0x22 { quoted.toggle() } else if !quoted { outside.count(c) }
        }
        return outside.mostFrequent
    }
}

/// How often a line holds each delimiter the contract allows.
struct DelimiterTally {
    private(set) var comma = 0, semicolon = 0, tab = 0

    mutating func count(_ c: UInt8) {
        switch c {
        case 0x2C: comma += 1
        case 0x3B: semicolon += 1
        case 0x09: tab += 1
        default: break
        }
    }

    func count(of d: UInt8) -> Int { d == 0x2C ? comma : d == 0x3B ? semicolon : tab }

    /// The most frequent; ties go to the comma, then the semicolon (the order the contract lists them).
    var mostFrequent: UInt8 {
        if comma >= semicolon && comma >= tab { return 0x2C }
        return semicolon >= tab ? 0x3B : 0x09
    }
}

/// Mutable state shared with libcsv's C callbacks through its `void *` argument.
/// One CSV record: the line it starts on, its fields, and its text as written.
public struct CSVRecord: Sendable {
    public var line: Int
    public var fields: [String]
    /// The record's bytes as written.
    public var rawBytes: ArraySlice<UInt8>
    /// The record's text as written.
    public var raw: String { String(decoding: rawBytes, as: UTF8.self) }
}

final class CSVParseState {
    let bytes: [UInt8]
    var fields: [String] = []
    var betweenRecords = true
    var recordLine = 0
    var recordStart = 0
    var lineEnd = 0
    var finished: [CSVRecord] = []

    init(bytes: [UInt8]) { self.bytes = bytes }
}

private func csvFieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    // Borrowed, not retained: called for every field (~850,000 a national night), and `records` holds the state.
    Unmanaged<CSVParseState>.fromOpaque(context!)._withUnsafeGuaranteedRef { state in
        if let data, length > 0 {
            state.fields.append(String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self))
        } else {
            state.fields.append("")
        }
    }
}

private func csvRecordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    Unmanaged<CSVParseState>.fromOpaque(context!)._withUnsafeGuaranteedRef { state in
        let end = max(state.lineEnd, state.recordStart)
        state.finished.append(.init(line: state.recordLine, fields: state.fields,
                                    rawBytes: state.bytes[state.recordStart..<min(end, state.bytes.count)]))
        state.fields.removeAll(keepingCapacity: true)
        state.betweenRecords = true
    }
}

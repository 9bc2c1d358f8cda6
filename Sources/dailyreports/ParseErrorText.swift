import Foundation
import ReportPipeline

/// ArgumentParser's message for a command line it could not parse, in the message language: its sentences in
/// Vietnamese (the argument names, and the help and usage texts they quote, stay as they are).
enum ParseErrorText {
    /// `message` (ArgumentParser's full message) as a person reading `language` should see it.
    static func render(_ message: String, _ language: Language) -> String {
        guard language == .vi else { return message }
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { vietnamese(String($0)) }
            .joined(separator: "\n")
    }

    /// One line of the message in Vietnamese, or as it was when it is none the parser writes.
    static func vietnamese(_ line: String) -> String {
        for (prefix, vi) in [("Help:  ", "Trợ giúp:  "), ("Usage: ", "Cách dùng: ")] where line.hasPrefix(prefix) {
            return vi + line.dropFirst(prefix.count)
        }
        if let m = match(line, #"^(\s*)See '(.*)' for more information\.$"#) { return "\(m[0])Xem '\(m[1])' để biết thêm." }
        guard line.hasPrefix("Error: ") else { return line }
        return "Lỗi: " + sentence(String(line.dropFirst("Error: ".count)))
    }

    /// The parser's sentences 1.8.2 writes, in Vietnamese; any other as it is.
    static func sentence(_ s: String) -> String {
        let rules: [(String, ([String]) -> String)] = [
            (#"^Missing expected argument '(.*)'$"#, { "thiếu tham số bắt buộc '\($0[0])'" }),
            (#"^Missing one of: '(.*)'$"#, { "thiếu một trong các tham số: '\($0[0])'" }),
            (#"^Unknown option '(.*)'\. Did you mean '(.*)'\?$"#, { "không có tuỳ chọn '\($0[0])'; có phải là '\($0[1])'?" }),
            (#"^Unknown option '(.*)'$"#, { "không có tuỳ chọn '\($0[0])'" }),
            (#"^Missing value for '(.*)'$"#, { "thiếu giá trị cho '\($0[0])'" }),
            (#"^Unexpected argument '(.*)'$"#, { "tham số thừa '\($0[0])'" }),
            (#"^(\d+) unexpected arguments: '(.*)'$"#, { "\($0[0]) tham số thừa: '\($0[1])'" }),
            (#"^The value '(.*)' is invalid for '([^']*)'(.*)$"#, { "giá trị '\($0[0])' không hợp lệ cho '\($0[1])'\($0[2])" }),
            (#"^The option '(.*)' does not take any value, but '(.*)' was specified\.$"#,
             { "tuỳ chọn '\($0[0])' không nhận giá trị, nhưng đã được cho '\($0[1])'" }),
            (#"^Missing required subcommand\.$"#, { _ in "thiếu lệnh con (run, backfill, report, validate, archive, status, publish)" }),
        ]
        for (pattern, vi) in rules { if let m = match(s, pattern) { return vi(m) } }
        return s
    }

    /// The capture groups of `pattern` in `s`, nil when it does not match.
    static func match(_ s: String, _ pattern: String) -> [String]? {
        guard let re = try? NSRegularExpression(pattern: pattern),
              let m = re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) else { return nil }
        return (1..<m.numberOfRanges).map { Range(m.range(at: $0), in: s).map { String(s[$0]) } ?? "" }
    }

    /// The language of a command line that did not parse: its `--lang`, else its (or the default) pipeline file's.
    static func language(of arguments: [String]) -> Language {
        var lang: String?, pipeline: String?
        for (i, a) in arguments.enumerated() {
            let next = i + 1 < arguments.count ? arguments[i + 1] : nil
            if a == "--lang" { lang = next } else if a.hasPrefix("--lang=") { lang = String(a.dropFirst("--lang=".count)) }
            if a == "--pipeline" { pipeline = next } else if a.hasPrefix("--pipeline=") { pipeline = String(a.dropFirst("--pipeline=".count)) }
        }
        return PipelineFlags.messageLanguage(lang: lang, pipeline: pipeline)
    }
}

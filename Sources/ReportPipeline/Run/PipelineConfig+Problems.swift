import Foundation
import ReportModel
import Yams

extension PipelineConfig {
    /// What a person reads when a pipeline file cannot be read as settings: the line of a YAML mistake, or the
    /// setting whose value has the wrong kind, and the fix (the parser's own English text is not shown).
    static func invalidFile(_ error: any Error, text: String, path: String) -> ReportError {
        switch error {
        case YamlError.scanner(_, _, let mark, _), YamlError.parser(_, _, let mark, _), YamlError.composer(_, _, let mark, _):
            return syntax(at: mark, text: text, path: path)
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.joined(separator: ", ")
            return ReportError(.usage, vi: "thiết lập \(names) được ghi hơn một lần; hãy giữ một dòng cho mỗi thiết lập",
                               en: "the setting \(names) is written more than once; keep one line per setting",
                               location: "\(path):\(context.mark.line)")
        case let e as DecodingError:
            return wrongValue(e, text: text, path: path)
        default:
            return ReportError(.usage, vi: "tệp pipeline không hợp lệ; hãy so với Pipelines/national-daily.yaml",
                               en: "the pipeline file is not valid; compare it with Pipelines/national-daily.yaml",
                               cause: error, location: path)
        }
    }

    /// A YAML syntax mistake found at `mark`: a tab used for indentation gets its own fix. The parser often
    /// notices a missing colon or quote only on the next line, so the line above is named too.
    private static func syntax(at mark: Mark, text: String, path: String) -> ReportError {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = min(max(mark.line, 1), max(lines.count, 1))
        if let tab = lines.firstIndex(where: { $0.prefix { $0 == " " || $0 == "\t" }.contains("\t") }), tab < at {
            let n = tab + 1
            return ReportError(.usage, vi: "dòng \(n) thụt lề bằng ký tự tab; YAML chỉ nhận dấu cách: hãy thay tab bằng dấu cách",
                               en: "line \(n) is indented with a tab; YAML takes only spaces: replace the tab with spaces",
                               location: "\(path):\(n)")
        }
        // The nearest line with text at or above the place found (past the end: the last one).
        var n = at
        while n > 1 && (n > lines.count || lines[n - 1].allSatisfy(\.isWhitespace)) { n -= 1 }
        let shown = n <= lines.count ? lines[n - 1].trimmingCharacters(in: .whitespaces) : ""
        return ReportError(.usage,
                           vi: "dòng \(n) hoặc dòng ngay trên nó không đúng cú pháp YAML («\(shown)»); hãy kiểm tra dấu hai chấm "
                               + "sau tên thiết lập, dấu ngoặc kép được đóng, và thụt lề bằng dấu cách như các dòng cùng mục",
                           en: "line \(n) or the line above it is not valid YAML («\(shown)»); check the colon after the "
                               + "setting's name, that quotes are closed, and indentation with spaces like the lines of its section",
                           location: "\(path):\(n)")
    }

    /// A setting whose value is not of its kind (a word where a number goes), named with the value written.
    private static func wrongValue(_ error: DecodingError, text: String, path: String) -> ReportError {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): context = c
        @unknown default:
            return ReportError(.usage, vi: "tệp pipeline không hợp lệ", en: "the pipeline file is not valid", cause: error, location: path)
        }
        let keys = context.codingPath.map(\.stringValue)
        if case .keyNotFound(let key, _) = error {
            let name = (keys + [key.stringValue]).joined(separator: ".")
            return ReportError(.usage, vi: "thiếu thiết lập \(name); hãy thêm như trong Pipelines/national-daily.yaml",
                               en: "the setting \(name) is missing; add it as in Pipelines/national-daily.yaml", location: path)
        }
        let name = keys.joined(separator: ".")
        let written = value(at: keys, in: try? Yams.load(yaml: text)).map { " \"\($0)\"" } ?? ""
        let kind = settingKinds[name] ?? .text
        return ReportError(.usage, vi: "\(name):\(written) không phải \(kind.vi); hãy ghi \(kind.viExample)",
                           en: "\(name):\(written) is not \(kind.en); write \(kind.enExample)", location: path)
    }

    /// The value the file holds at `keys`, as text.
    private static func value(at keys: [String], in node: Any?) -> String? {
        var node = node
        for k in keys {
            guard let map = node as? [AnyHashable: Any] else { return nil }
            node = map.first { "\($0.key)" == k }?.value
        }
        guard let node, !(node is [AnyHashable: Any]), !(node is [Any]) else { return nil }
        return "\(node)"
    }

    /// What a setting's value must be.
    private enum Kind {
        case integer, number, flag, text

        var vi: String {
            switch self {
            case .integer: "một số nguyên"
            case .number: "một số"
            case .flag: "true hay false"
            case .text: "một đoạn chữ"
            }
        }
        var en: String {
            switch self {
            case .integer: "a whole number"
            case .number: "a number"
            case .flag: "true or false"
            case .text: "a text"
            }
        }
        var viExample: String {
            switch self {
            case .integer: "một số nguyên, ví dụ 64"
            case .number: "một số, ví dụ 3.5 (dấu chấm thập phân)"
            case .flag: "true hoặc false"
            case .text: "một đoạn chữ, trong dấu ngoặc kép nếu cần"
            }
        }
        var enExample: String {
            switch self {
            case .integer: "a whole number, e.g. 64"
            case .number: "a number, e.g. 3.5"
            case .flag: "true or false"
            case .text: "a text, in quotes if need be"
            }
        }
    }

    /// The settings that are not text.
    private static let settingKinds: [String: Kind] = [
        "size_limit_mib": .integer, "wal_checkpoint_mib": .integer, "discovery_horizon_days": .integer,
        "reject_unregistered_reporter": .flag,
        "checks.outlier.window": .integer, "checks.outlier.min_history": .integer, "checks.outlier.min_same_weekday": .integer,
        "checks.outlier.min_difference": .integer, "checks.outlier.threshold": .number,
    ]
}

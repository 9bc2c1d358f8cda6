import Foundation
import ReportIngest
import ReportModel

/// `validate`: the check a unit runs before sending; reads files, writes nothing.
public struct Validator: Sendable {
    public let ingester: FileIngester
    public let registries: Registries
    public let language: Language

    public init(registries: Registries, config: PipelineConfig) {
        ingester = FileIngester(registries: registries, sizeLimit: config.sizeLimit,
                                rejectUnregisteredReporter: config.rejectUnregisteredReporter,
                                language: config.language)
        self.registries = registries
        language = config.language
    }

    /// The result of validating some files.
    public struct Report: Sendable {
        /// What to print, in order: per file its problems, warnings and summary, then the totals.
        public var lines: [String] = []
        public var accepted = 0
        public var rejected = 0
        public var warnings = 0
        /// Paths that name no readable file (each also a line): a usage error once the others are reported.
        public var unreadable: [String] = []
    }

    /// Validates each file as a submission received at its modification time.
    public func validate(paths: [String]) -> Report {
        validate(systemPaths: paths.map { Array($0.utf8) })
    }

    /// The same for paths as the file system has them: a name that is not UTF-8 is read, and shown as the
    /// inbox shows it (bad bytes as `\xHH`).
    public func validate(systemPaths: [[UInt8]]) -> Report {
        var report = Report()
        let l = language
        for raw in expandingFolders(systemPaths, into: &report) {
            let path = Discovery.displayName(raw)
            let cPath = raw.map { CChar(bitPattern: $0) } + [0]
            var st = stat()
            let found = stat(cPath, &st) == 0
            // A file over the size limit is not read into memory (an officer may pick a video by mistake).
            let tooLarge = found && Int64(st.st_size) > Int64(ingester.decoder.sizeLimit)
            let bytes = found && !tooLarge ? Ingestion.contents(ofFileAt: cPath, sizeHint: Int(st.st_size)) : nil
            guard found, tooLarge || bytes != nil else {
                report.lines.append("\(location(path, 0)): " + l.pick(
                    vi: "không đọc được tệp (không có tệp này, hoặc không có quyền đọc); hãy kiểm tra đường dẫn",
                    en: "cannot read the file (no such file, or not readable); check the path"))
                report.unreadable.append(path)
                continue
            }
            let received = DiscoveredFile.receivedAt(modified: Int64(st.st_mtim.tv_sec), seenAt: Int64(Date().timeIntervalSince1970))
            let outcome = bytes.map { ingester.ingest($0, file: path, receivedAt: received) }
                ?? tooLargeOutcome(path, size: Int64(st.st_size))
            var items: [(line: Int, text: String)] = []
            for r in outcome.rejects {
                items.append((r.line, "\(location(path, r.line)): \(r.reason.rawValue): \(r.detail)"))
            }
            var warnings = outcome.notes.filter { $0.kind != "duplicate" }.map { ($0.line, $0.detail) }
            warnings += dayWarnings(outcome)
            for (line, detail) in warnings {
                items.append((line, "\(location(path, line)): \(l.pick(vi: "cảnh báo", en: "warning")): \(detail)"))
            }
            report.lines += items.sorted { $0.line < $1.line }.map(\.text)
            report.lines += summary(of: outcome, path: path)
            report.warnings += warnings.count
            // A file rejected whole counts once, like a row.
            report.rejected += outcome.rejects.count
            report.accepted += outcome.rows.count
        }
        report.lines.append(totals(report))
        return report
    }

    /// A file over the size limit, unread: its `too_large` reject.
    func tooLargeOutcome(_ path: String, size: Int64) -> FileOutcome {
        let limit = ingester.decoder.sizeLimit
        return FileIngester.tooLarge(path, detail: language.pick(
            vi: "tệp \(size) byte vượt quá giới hạn \(limit) byte nên không được đọc; hãy tách thành các tệp nhỏ hơn rồi gửi lại",
            en: "\(size) bytes is over the limit of \(limit), so it was not read; split it into smaller files and send them again"))
    }

    /// The paths with each folder replaced by the files under it, as the inbox would read them (every regular file,
    /// in name order, links not followed; uploads in progress and empty folders each said in a line).
    func expandingFolders(_ paths: [[UInt8]], into report: inout Report) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for raw in paths {
            var st = stat()
            guard stat(raw.map { CChar(bitPattern: $0) } + [0], &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
                out.append(raw)
                continue
            }
            let before = out.count
            walk(raw, into: &out, report: &report)
            if out.count == before {
                report.lines.append(Discovery.displayName(raw) + ": " + language.pick(
                    vi: "thư mục không có tệp báo cáo nào", en: "the folder holds no submission file"))
            }
        }
        return out
    }

    private func walk(_ folder: [UInt8], into out: inout [[UInt8]], report: inout Report) {
        guard let dir = opendir(folder.map { CChar(bitPattern: $0) } + [0]) else { return }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)))) }
            }
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
        }
        closedir(dir)
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let path = folder + (folder.last == 0x2F ? [] : [0x2F]) + name
            var st = stat()
            guard lstat(path.map { CChar(bitPattern: $0) } + [0], &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFDIR: walk(path, into: &out, report: &report)
            case S_IFREG:
                let lower = Discovery.displayName(name).lowercased()
                if Discovery.inProgressEndings.contains(where: { lower.hasSuffix($0) }) {
                    report.lines.append(Discovery.displayName(path) + ": " + language.pick(
                        vi: "tệp đang tải lên dở, không kiểm tra", en: "an upload in progress, not checked"))
                } else {
                    out.append(path)
                }
            default:
                report.lines.append(Discovery.displayName(path) + ": " + language.pick(
                    vi: "không phải tệp thường (liên kết tượng trưng, …), không đọc", en: "no regular file (a symbolic link, …), not read"))
            }
        }
    }

    /// `FILE:LINE`, or `FILE (cả tệp)` for the whole file.
    func location(_ path: String, _ line: Int) -> String {
        line == 0 ? "\(path): \(language.pick(vi: "(cả tệp)", en: "(whole file)"))" : "\(path):\(line)"
    }

    /// A warning for each accepted report date that is no report day: its rows appear in no export.
    func dayWarnings(_ outcome: FileOutcome) -> [(Int, String)] {
        var firstLine: [Day: Int] = [:]
        for r in outcome.rows where firstLine[r.reportDate] == nil { firstLine[r.reportDate] = r.line }
        for r in outcome.unitReports where firstLine[r.reportDate] == nil { firstLine[r.reportDate] = r.line }
        return firstLine.sorted { $0.key < $1.key }.compactMap { day, line in
            let calendar = registries.calendar
            guard !calendar.isReportDay(day) else { return nil }
            let what: String
            if let name = calendar.names[day], !name.isEmpty, day.isoWeekday <= 5 {
                what = language.pick(vi: "ngày nghỉ \(name)", en: "a holiday (\(name))")
            } else {
                what = weekday(day)
            }
            return (line, language.pick(
                vi: "ngày \(day.iso) là \(what), không phải ngày báo cáo: các dòng này sẽ không có trong báo cáo nào; nếu sai ngày, hãy sửa \"Ngày báo cáo\"",
                en: "\(day.iso) is \(what), not a report day: these rows will appear in no report; if the date is wrong, fix report_date"))
        }
    }

    func weekday(_ day: Day) -> String { language.pick(vi: day.weekdayName(.vi), en: "a " + day.weekdayName(.en)) }

    /// What a file's accepted rows say, per unit and date, so a wrong unit or date shows.
    func summary(of outcome: FileOutcome, path: String) -> [String] {
        let l = language
        let rows = outcome.rows.count, rejected = outcome.rejects.count
        var lines = ["  " + l.pick(vi: "\(path): nhận \(rows) dòng, từ chối \(rejected)",
                                    en: "\(path): \(plural(rows, "row")) accepted, \(rejected) rejected")]
        struct Key: Hashable, Comparable {
            var unit: String, day: Day
            static func < (a: Key, b: Key) -> Bool { (a.unit, a.day) < (b.unit, b.day) }
        }
        var groups: [Key: [ReportRow]] = [:]
        for r in outcome.rows { groups[Key(unit: r.unitCode, day: r.reportDate), default: []].append(r) }
        for r in outcome.unitReports where groups[Key(unit: r.unitCode, day: r.reportDate)] == nil {
            groups[Key(unit: r.unitCode, day: r.reportDate)] = []
        }
        for (key, rows) in groups.sorted(by: { $0.key < $1.key }) {
            let name = registries.directory.unit(code: key.unit, on: key.day)?.name ?? ""
            let weekday = self.weekday(key.day)
            var c = [Int](repeating: 0, count: 7)
            for r in rows { for (i, v) in r.counts.array.enumerated() { c[i] += v } }
            let procedures = Set(rows.map(\.procedureCode)).count
            let received = c[0] + c[1], resolved = c[2] + c[3], pending = c[5] + c[6]
            lines.append("  - " + l.pick(
                vi: "\(key.unit) \(name), ngày \(key.day.iso) (\(weekday)): \(procedures) thủ tục; tiếp nhận \(received) (trực tuyến \(c[0])), giải quyết \(resolved) (quá hạn \(c[3])), trả lại \(c[4]), đang xử lý \(pending) (quá hạn \(c[6]))",
                en: "\(key.unit) \(name), \(key.day.iso) (\(String(weekday.dropFirst(2)))): \(plural(procedures, "procedure")); received \(received) (online \(c[0])), resolved \(resolved) (late \(c[3])), returned \(c[4]), pending \(pending) (overdue \(c[6]))"))
        }
        return lines
    }

    func totals(_ r: Report) -> String {
        language.pick(vi: "Tổng cộng: nhận \(r.accepted) dòng, từ chối \(r.rejected), \(r.warnings) cảnh báo",
                      en: "\(plural(r.accepted, "row")) accepted, \(r.rejected) rejected, \(plural(r.warnings, "warning"))")
    }

    func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }
}

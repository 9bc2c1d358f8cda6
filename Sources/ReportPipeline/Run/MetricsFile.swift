import Foundation
import ReportExport
import ReportIngest
import ReportModel
import ReportWarehouse

/// `metrics/dailyreports.prom` (contract §7): the state of the job in the Prometheus text format, for
/// node_exporter's textfile collector. Rewritten whole after every run, whatever its outcome.
public struct MetricsFile: Sendable {
    /// One sample: a metric's name, its labels in order, its value.
    struct Sample: Sendable, Equatable {
        var name: String
        var labels: [(String, String)] = []
        var value: Double

        static func == (a: Sample, b: Sample) -> Bool {
            a.name == b.name && a.value == b.value && a.labels.elementsEqual(b.labels) { $0 == $1 }
        }
    }

    /// How the invocation that writes the file ended.
    public struct Outcome: Sendable {
        public var end: Date
        public var duration: TimeInterval
        public var exitCode: Int32
        public var filesIngested: Int
        public var rowsAccepted: Int
        public var rowsRejected: Int
        /// What the run's walk of the inbox left unread (nil when it did not get that far).
        public var inbox: InboxLeftAside?

        public init(end: Date, duration: TimeInterval, exitCode: Int32, filesIngested: Int, rowsAccepted: Int, rowsRejected: Int) {
            self.end = end; self.duration = duration; self.exitCode = exitCode
            self.filesIngested = filesIngested; self.rowsAccepted = rowsAccepted; self.rowsRejected = rowsRejected
        }
    }

    /// Inbox entries a run left unread: uploads in progress (stalled ones among them) and entries that are no file.
    public struct InboxLeftAside: Sendable {
        public var uploadsInProgress: Int
        public var uploadsStalled: Int
        public var notRegularFiles: Int

        public init(uploadsInProgress: Int, uploadsStalled: Int, notRegularFiles: Int) {
            self.uploadsInProgress = uploadsInProgress; self.uploadsStalled = uploadsStalled; self.notRegularFiles = notRegularFiles
        }
    }

    var samples: [Sample] = []

    /// What each metric means, in the order written (`# HELP` lines; every metric is a gauge).
    static let help: [(String, String)] = [
        ("dailyreports_build_info", "The build that wrote this file (always 1)."),
        ("dailyreports_last_run_timestamp_seconds", "When the last run or backfill ended, whatever its outcome (Unix time)."),
        ("dailyreports_last_success_timestamp_seconds", "When the last run or backfill that exited 0 ended (Unix time)."),
        ("dailyreports_last_run_exit_code", "Exit status of the last run (0 ok, 64 configuration, 65 data, 70 internal, 74 damaged state, 75 try later)."),
        ("dailyreports_run_duration_seconds", "How long the last run took."),
        ("dailyreports_files_ingested", "New inbox files the last run recorded."),
        ("dailyreports_rows_accepted", "Rows the last run accepted."),
        ("dailyreports_rows_rejected", "Rows the last run rejected."),
        ("dailyreports_uploads_in_progress", "Uploads in progress (.part, .tmp, .partial, .crdownload) the last run left for later, stalled ones included."),
        ("dailyreports_uploads_stalled", "Uploads in progress unchanged for over an hour at the last run: probably interrupted (ask the unit to send again)."),
        ("dailyreports_inbox_not_regular_files", "Inbox entries that are no regular file (symbolic links, pipes, ...) the last run did not read."),
        ("dailyreports_pending_dates", "Report dates still to recompute (a failed or killed run, or later days left stale)."),
        ("dailyreports_latest_report_date_timestamp_seconds", "The latest exported report day, as its midnight +07:00 (Unix time)."),
        ("dailyreports_expected_reports", "Reports expected on the latest exported report day, by scope (VN or province code)."),
        ("dailyreports_received_reports", "Reports received for the latest exported report day, by scope."),
        ("dailyreports_late_reports", "Reports received after the deadline for the latest exported report day, by scope."),
        ("dailyreports_missing_reports", "Reports still missing for the latest exported report day, by scope."),
        ("dailyreports_findings", "Findings of the checks on the latest exported report day, by rule."),
    ]

    /// The metrics of output folder `out` after an invocation that ended as `outcome`. Reads only: the warehouse
    /// (when there is one) for the last success and the pending dates, the latest export for the day's figures.
    /// `previous` is the metrics file this rewrites: when the warehouse cannot be read (damaged, refused with 74), the
    /// last success and the pending dates are carried over from it, so that an alert on their age still tells the truth.
    public static func gather(out: URL, outcome: Outcome, version: String, previous: URL? = nil) -> MetricsFile {
        var m = MetricsFile()
        m.add("dailyreports_build_info", [("version", version)], 1)
        let end = outcome.end.timeIntervalSince1970.rounded()
        m.add("dailyreports_last_run_timestamp_seconds", end)
        var lastSuccess: Double?
        var pending: Int?
        let warehousePath = out.appendingPathComponent("warehouse.sqlite").path
        if FileManager.default.fileExists(atPath: warehousePath) {
            do {
                let w = try Warehouse(readingOnly: warehousePath)
                lastSuccess = try w.latestRun(outcome: "ok")?.finishedAt.map { Double($0.seconds) }
                pending = try w.pendingDates().all.count
            } catch {
                // Damaged: what the file this rewrites said (nothing when there is none).
                let before = previous.map(values(at:)) ?? [:]
                lastSuccess = before["dailyreports_last_success_timestamp_seconds"]
                pending = before["dailyreports_pending_dates"].map { Int($0) }
            }
        }
        if outcome.exitCode == 0 { lastSuccess = end }
        // No success yet: the metric is absent, so an alert on `absent(...)` or on its age both fire.
        if let lastSuccess { m.add("dailyreports_last_success_timestamp_seconds", lastSuccess) }
        m.add("dailyreports_last_run_exit_code", Double(outcome.exitCode))
        m.add("dailyreports_run_duration_seconds", (outcome.duration * 1000).rounded() / 1000)
        m.add("dailyreports_files_ingested", Double(outcome.filesIngested))
        m.add("dailyreports_rows_accepted", Double(outcome.rowsAccepted))
        m.add("dailyreports_rows_rejected", Double(outcome.rowsRejected))
        if let inbox = outcome.inbox {
            m.add("dailyreports_uploads_in_progress", Double(inbox.uploadsInProgress))
            m.add("dailyreports_uploads_stalled", Double(inbox.uploadsStalled))
            m.add("dailyreports_inbox_not_regular_files", Double(inbox.notRegularFiles))
        }
        if let pending { m.add("dailyreports_pending_dates", Double(pending)) }
        m.addLatestDay(exports: out.appendingPathComponent("exports"))
        return m
    }

    /// The unlabelled samples of a metrics file written earlier, by name (empty when there is none).
    static func values(at url: URL) -> [String: Double] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var out: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.contains("{") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let v = Double(parts[1]) { out[String(parts[0])] = v }
        }
        return out
    }

    /// The figures of the latest exported day, from its published `national_summary.csv` and `anomalies.csv`.
    mutating func addLatestDay(exports: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: exports.path)) ?? []
        guard let day = names.compactMap({ Day(iso: $0) }).max() else { return }
        let folder = exports.appendingPathComponent(day.iso)
        guard let summary = FileManager.default.contents(atPath: folder.appendingPathComponent("national_summary.csv").path)
        else { return }
        add("dailyreports_latest_report_date_timestamp_seconds", Double(Timestamp.vietnam(day, hour: 0, minute: 0).seconds))
        let table = Self.records(Array(summary))
        for (metric, column) in [("dailyreports_expected_reports", "expected_reports"), ("dailyreports_received_reports", "received_reports"),
                                 ("dailyreports_late_reports", "late_reports"), ("dailyreports_missing_reports", "missing_reports")] {
            for row in table {
                guard let scope = row["scope_code"], let v = row[column].flatMap(Double.init) else { continue }
                add(metric, [("scope", scope)], v)
            }
        }
        var byRule: [String: Int] = [:]
        for rule in CheckRule.allCases { byRule[rule.rawValue] = 0 }
        if let anomalies = FileManager.default.contents(atPath: folder.appendingPathComponent("anomalies.csv").path) {
            for row in Self.records(Array(anomalies)) { if let r = row["rule"] { byRule[r, default: 0] += 1 } }
        }
        for (rule, n) in byRule.sorted(by: { $0.key < $1.key }) { add("dailyreports_findings", [("rule", rule)], Double(n)) }
    }

    /// A CSV file's records keyed by its header.
    static func records(_ bytes: [UInt8]) -> [[String: String]] {
        var header: [String]?
        var rows: [[String: String]] = []
        _ = CSVReader.records(bytes) { record in
            guard let h = header else { header = record.fields; return }
            var row: [String: String] = [:]
            for (i, name) in h.enumerated() where i < record.fields.count { row[name] = record.fields[i] }
            rows.append(row)
        }
        return rows
    }

    mutating func add(_ name: String, _ value: Double) { add(name, [], value) }

    mutating func add(_ name: String, _ labels: [(String, String)], _ value: Double) {
        samples.append(Sample(name: name, labels: labels, value: value))
    }

    /// The text exposition format: `# HELP` and `# TYPE` once per metric, then its samples.
    public var text: String {
        var s = ""
        for (name, help) in Self.help {
            let mine = samples.filter { $0.name == name }
            guard !mine.isEmpty else { continue }
            s += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for sample in mine {
                s += name
                if !sample.labels.isEmpty {
                    s += "{" + sample.labels.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",") + "}"
                }
                s += " \(Self.format(sample.value))\n"
            }
        }
        return s
    }

    static func escape(_ v: String) -> String {
        v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    /// Writes the file atomically (a temporary name in the same folder, then rename), creating its folder.
    public func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(Array(text.utf8), to: url)
    }
}

import Foundation
import ReportModel
import ReportWarehouse

/// What `dailyreports status` tells an operator in the morning (contract §7). Gathered by reading only:
/// the run log, the warehouse (opened read-only) and the published exports.
public struct StatusReport: Sendable, Codable {
    /// One invocation of `run` or `backfill`, from the run log (or a run the warehouse saw die).
    public struct RunEntry: Sendable, Codable {
        public var start: String
        public var end: String?
        public var command: String
        public var arguments: [String]
        public var exitCode: Int?
        public var error: String?
        public var filesNew: Int?
        public var rowsAccepted: Int?
        public var rowsRejected: Int?

        enum CodingKeys: String, CodingKey {
            case start, end, command, arguments, error
            case exitCode = "exit_code", filesNew = "files_new", rowsAccepted = "rows_accepted", rowsRejected = "rows_rejected"
        }
    }

    /// A province and the latest report day any of its units reported.
    public struct Province: Sendable, Codable {
        public var code: String
        public var name: String
        public var latestReportDay: String?
        /// Report days between that day and the latest exported one (nil: never reported).
        public var reportDaysBehind: Int?

        enum CodingKeys: String, CodingKey {
            case code, name
            case latestReportDay = "latest_report_day", reportDaysBehind = "report_days_behind"
        }
    }

    /// A unit missing from the latest exported report days, `days` of them in a row.
    public struct MissingUnit: Sendable, Codable {
        public var provinceCode: String
        public var unitCode: String
        public var unitName: String
        public var days: Int
        /// The first report day of the run of missing days.
        public var since: String
        public var contactName: String
        public var contactPhone: String
        public var contactEmail: String

        enum CodingKeys: String, CodingKey {
            case days, since
            case provinceCode = "province_code", unitCode = "unit_code", unitName = "unit_name"
            case contactName = "contact_name", contactPhone = "contact_phone", contactEmail = "contact_email"
        }
    }

    public var out: String
    public var generatedAt: String
    public var lastRuns: [RunEntry] = []
    public var latestExportedDay: String?
    /// Dates a run left to recompute (a failed or killed run, or later days whose history changed).
    public var pendingDates: [String] = []
    /// Exported dates published before their deadline: their figures may still grow.
    public var provisionalDates: [String] = []
    public var provinces: [Province] = []
    /// Units missing `minimumMissingDays` report days or more in a row, longest first.
    public var chronicallyMissing: [MissingUnit] = []
    /// What could not be read (no warehouse yet, say), for the person.
    public var notes: [String] = []
    /// What the latest run that walked the inbox left there to chase, and when that run began.
    public var inbox: InboxLeftovers?
    public var inboxRunStart: String?

    enum CodingKeys: String, CodingKey {
        case out, notes, provinces
        case generatedAt = "generated_at", lastRuns = "last_runs", latestExportedDay = "latest_exported_day"
        case pendingDates = "pending_dates", provisionalDates = "provisional_dates"
        case chronicallyMissing = "chronically_missing"
        case inbox, inboxRunStart = "inbox_run_start"
    }

    /// Units missing this many report days in a row or more are listed.
    public static let minimumMissingDays = 3
    /// How many invocations `lastRuns` keeps.
    public static let runsShown = 8

    /// Reads the state of output folder `out`; `deadline` decides which exported dates are still provisional,
    /// `language` the text of a note that carries an error.
    public static func gather(out: URL, deadline: Deadline, now: Date = Date(), language: Language = .vi) -> StatusReport {
        var r = StatusReport(out: out.path, generatedAt: Timestamp(seconds: Int64(now.timeIntervalSince1970)).iso)
        let log = runLog(out.appendingPathComponent("run-log.jsonl"))
        r.lastRuns = Array(log.invocations.suffix(runsShown).reversed())
        (r.inbox, r.inboxRunStart) = (log.inbox?.leftovers, log.inbox?.start)
        let exports = out.appendingPathComponent("exports")
        let exported = ((try? FileManager.default.contentsOfDirectory(atPath: exports.path)) ?? []).compactMap { Day(iso: $0) }.sorted()
        r.latestExportedDay = exported.last?.iso
        r.provisionalDates = provisional(exported.suffix(31), exports: exports, deadline: deadline).map(\.iso)
        let warehousePath = out.appendingPathComponent("warehouse.sqlite").path
        guard FileManager.default.fileExists(atPath: warehousePath) else {
            r.notes.append("no_warehouse")
            return r
        }
        do {
            // Checked as a run checks it (when the file changed since the last run left it, or weekly): a damaged
            // warehouse is named, not read as if sound. (Asked before opening it, as the run asks.)
            let check = WarehouseCheck.needsFullCheck(out: out, now: Int64(Date().timeIntervalSince1970))
            let w = try Warehouse(readingOnly: warehousePath)
            if check, case let problems = w.quickCheck(), !problems.isEmpty {
                throw WarehouseCheck.damaged(path: warehousePath, problems: problems, language: language)
            }
            r.pendingDates = try w.pendingDates().all.sorted().map(\.iso)
            r.addDiedRuns(try w.recentRuns(limit: runsShown), loggedStarts: log.runStarts)
            let registries = try w.storedRegistries()
            r.provinces = try provinces(w.latestReportDays(), registries: registries, exported: exported)
            r.chronicallyMissing = chronicallyMissing(exported: exported, exports: exports, calendar: registries.calendar)
        } catch {
            r.notes.append("warehouse_unreadable: \(ReportError(wrapping: error).rendered(language))")
        }
        return r
    }

    /// The invocation lines of the run log, oldest first, when each warehouse run's first line began, and the
    /// latest invocation's record of the inbox.
    static func runLog(_ url: URL) -> (invocations: [RunEntry], runStarts: [Int: String],
                                       inbox: (leftovers: InboxLeftovers, start: String)?) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return ([], [:], nil) }
        var starts: [Int: String] = [:]
        var inbox: (leftovers: InboxLeftovers, start: String)?
        let entries = data.split(separator: 0x0A).compactMap { line -> RunEntry? in
            guard let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { return nil }
            if let run = o["run"] as? Int, starts[run] == nil, let start = o["start"] as? String { starts[run] = start }
            guard o["event"] as? String == "invocation" else { return nil }
            if let i = o["inbox"], let leftovers = InboxLeftovers(logObject: i) {
                inbox = (leftovers, o["start"] as? String ?? "")
            }
            let counts = o["counts"] as? [String: Int]
            return RunEntry(start: o["start"] as? String ?? "", end: o["end"] as? String, command: o["command"] as? String ?? "",
                            arguments: Array((o["arguments"] as? [String] ?? []).dropFirst(2)), exitCode: o["exit_code"] as? Int,
                            error: o["error"] as? String, filesNew: counts?["files"], rowsAccepted: counts?["rows_accepted"],
                            rowsRejected: counts?["rows_rejected"])
        }
        return (entries, starts, inbox)
    }

    /// Runs the warehouse recorded as killed (or still running): they wrote no invocation line. Each is placed by
    /// its first run-log line when it wrote one: the log's times are the machine's clock, as the invocations'
    /// are, where the warehouse has the run's own (`--now`) clock.
    mutating func addDiedRuns(_ runs: [RunRecord], loggedStarts: [Int: String] = [:]) {
        for run in runs where run.outcome == "killed" || run.outcome == "running" {
            lastRuns.append(RunEntry(start: loggedStarts[Int(run.id)] ?? run.startedAt.iso, end: nil, command: run.command,
                                     arguments: Array(run.arguments.dropFirst(2)), exitCode: nil, error: run.outcome))
        }
        lastRuns.sort { $0.start > $1.start }
        lastRuns = Array(lastRuns.prefix(Self.runsShown))
    }

    /// Exported days whose publication says provisional (or, before that field, whose run began before their deadline).
    static func provisional(_ days: ArraySlice<Day>, exports: URL, deadline: Deadline) -> [Day] {
        days.filter { day in
            let path = exports.appendingPathComponent(day.iso).appendingPathComponent("summary.json").path
            guard let data = FileManager.default.contents(atPath: path),
                  let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
            if let publication = o["publication"] as? String { return publication == "provisional" }
            if let p = o["publication"] as? [String: Any], let status = p["status"] as? String { return status == "provisional" }
            guard let run = o["run"] as? [String: Any], let started = (run["startedAt"] ?? run["started_at"]) as? String,
                  let t = Timestamp(parsing: started) else { return false }
            return t < deadline.instant(for: day)
        }
    }

    /// Each province's latest report day over its own and its units' reports.
    static func provinces(_ latest: [String: Day], registries: Registries, exported: [Day]) -> [Province] {
        var byProvince: [String: Day] = [:]
        for u in registries.units {
            guard let d = latest[u.code] else { continue }
            let p = u.level == .province ? u.code : u.provinceCode
            if byProvince[p].map({ d > $0 }) ?? true { byProvince[p] = d }
        }
        let calendar = registries.calendar
        return registries.units.filter { $0.level == .province }.sorted { $0.code < $1.code }.map { p in
            let d = byProvince[p.code]
            var behind: Int?
            if let d, let last = exported.last { behind = d >= last ? 0 : calendar.reportDays(from: d.adding(days: 1), to: last).count }
            return Province(code: p.code, name: p.name, latestReportDay: d?.iso, reportDaysBehind: behind)
        }
    }

    /// Units in the latest exported days' `missing_reports.csv`, day after day, at least `minimumMissingDays` in a row.
    /// The walk stops at a report day that was not exported (the run of days would not be known).
    static func chronicallyMissing(exported: [Day], exports: URL, calendar: ReportCalendar) -> [MissingUnit] {
        var streak: [String: MissingUnit] = [:]
        var running: Set<String>?
        var expected = exported.last
        for day in exported.reversed() {
            guard day == expected else { break }
            expected = calendar.previousReportDay(before: day)
            let path = exports.appendingPathComponent(day.iso).appendingPathComponent("missing_reports.csv").path
            guard let data = FileManager.default.contents(atPath: path) else { break }
            var today = Set<String>()
            for row in MetricsFile.records(Array(data)) {
                guard let code = row["unit_code"], running?.contains(code) ?? true else { continue }
                today.insert(code)
                if var s = streak[code] {
                    s.days += 1
                    s.since = day.iso
                    streak[code] = s
                } else {
                    streak[code] = MissingUnit(provinceCode: row["province_code"] ?? "", unitCode: code, unitName: row["unit_name"] ?? "",
                                               days: 1, since: day.iso, contactName: row["contact_name"] ?? "",
                                               contactPhone: row["contact_phone"] ?? "", contactEmail: row["contact_email"] ?? "")
                }
            }
            running = today
            if today.isEmpty { break }
        }
        return streak.values.filter { $0.days >= minimumMissingDays }
            .sorted { ($0.days, $1.provinceCode, $1.unitCode) > ($1.days, $0.provinceCode, $0.unitCode) }
    }
}

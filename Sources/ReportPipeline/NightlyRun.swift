import Foundation
import ReportChecks
import ReportExport
import ReportIngest
import ReportHashing
import ReportModel
import ReportWarehouse

/// Runs the pipeline over an output folder: `run` for the nightly job, `backfill` for ranges.
public final class NightlyRun {
    public let config: PipelineConfig
    public let registries: Registries
    public let out: URL
    /// Called with a progress line (a terminal shows it; cron does not).
    public var progress: ((String) -> Void)?

    /// Files read and normalized per batch, to bound memory on large backfills.
    static let batchSize = 1000
    /// Files committed together (a night's ~3,300 files in one transaction; a backfill every ~8,000 files).
    static let batchesPerTransaction = 8

    public init(config: PipelineConfig, registries: Registries) {
        self.config = config
        self.registries = registries
        out = URL(fileURLWithPath: config.output).standardized
    }

    /// `run --date D`: ingest new files, then recompute every report day from the earliest
    /// that received new data through D.
    public func run(date: Day, arguments: [String]) throws -> RunSummary {
        try execute(command: "run", arguments: arguments, upTo: date, historyFrom: date) { changes in
            let earliest = changes.rowDates.filter { $0 <= date }.min() ?? date
            return daysToCompute(from: min(earliest, date), to: date, changes: changes)
        } finish: { summary in
            summary.notReportDay = !registries.calendar.isReportDay(date)
        }
    }

    /// `backfill --from D1 --to D2`: ingest new files, then recompute every report day of the range in order.
    /// With `reingest`, the kept raw files of the range are normalized again with the current registries first.
    public func backfill(from: Day, to: Day, reingest: Bool = false, arguments: [String]) throws -> RunSummary {
        guard from <= to else { throw ReportError.reversedRange(from, to) }
        return try execute(command: "backfill", arguments: arguments, upTo: to, historyFrom: from, reingest: reingest ? (from, to) : nil) { changes in
            let earliest = changes.rowDates.filter { $0 < from }.min() ?? from
            return daysToCompute(from: earliest, to: to, changes: changes)
        } finish: { _ in }
    }

    /// Report days `from...to`, plus earlier report days whose rejects changed (their figures did not).
    private func daysToCompute(from: Day, to: Day, changes: Ingestion.Result) -> [Day] {
        let extra = changes.touchedDates.filter { $0 < from && registries.calendar.isReportDay($0) }
        return (extra.sorted() + registries.calendar.reportDays(from: from, to: to))
    }

    private func execute(command: String, arguments: [String], upTo last: Day, historyFrom: Day, reingest: (Day, Day)? = nil,
                         days: (Ingestion.Result) -> [Day],
                         finish: (inout RunSummary) -> Void) throws -> RunSummary {
        do {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        } catch {
            throw ReportError(wrapping: error)
        }
        let setupStart = Date()
        let lock = try RunLock(folder: out)
        defer { withExtendedLifetime(lock) {} }
        let warehouse = try openWarehouse()
        try warehouse.deferCheckpoints()
        let warehousePath = warehouse.path
        // The files already seen are read on another thread while the output folder is swept and the registries
        // recorded (neither changes them).
        let knownFiles = Pending { () throws -> (KnownFiles, Int) in
            let start = Date()
            let known = try Warehouse(path: warehousePath).fileStamps()
            return (known, Int(Date().timeIntervalSince(start) * 1000))
        }
        defer { _ = try? knownFiles.wait() }
        // So is the checks' history of the first day likely computed (the days this run changes are recomputed,
        // and remembered, before any later day uses them).
        let preloadDays = HistoryCache.window(before: historyFrom, calendar: registries.calendar, size: config.checks.outlierWindow)
        let preload = Pending { try HistoryCache.load(preloadDays, warehouse: try Warehouse(path: warehousePath), parallel: false) }
        defer { _ = try? preload.wait() }
        try Housekeeping.sweep(out: out, warehouse: warehouse)
        try warehouse.replaceRegistries(registries)
        let setupMs = Int(Date().timeIntervalSince(setupStart) * 1000)
        let started = Timestamp(seconds: Int64(Date().timeIntervalSince1970))
        var summary = RunSummary()
        summary.runId = try warehouse.beginRun(command: command, arguments: arguments, startedAt: started)
        summary.exportsFolder = out.appendingPathComponent("exports").path
        let log = RunLog(url: out.appendingPathComponent("run-log.jsonl"), runId: summary.runId)
        try log.stage("setup") { ((), ["lock_open_sweep_registries_ms": setupMs]) }
        do {
            let found = try log.stage("discover") { () throws -> ([DiscoveredFile], [String: Int]) in
                // The inbox is walked while the known files are still being read; they are waited for only then.
                var known = KnownFiles(), knownMs = 0, waitMs = 0
                let f = try Discovery.discover(inbox: config.inbox) {
                    let start = Date()
                    (known, knownMs) = try knownFiles.wait()
                    waitMs = Int(Date().timeIntervalSince(start) * 1000)
                    return known
                }
                return (f, ["files": f.count, "known": known.count, "reading_known_ms": knownMs, "waiting_for_known_ms": waitMs])
            }
            var changes = try log.stage("ingest") { () throws -> (Ingestion.Result, [String: Int]) in
                let c = try ingest(found, into: warehouse, summary: &summary)
                return (c, ["files": summary.filesNew, "duplicates": summary.duplicates,
                            "waiting_for_parse_ms": summary.ingestWaitMs, "loading_ms": summary.ingestLoadMs,
                            "rows_accepted": summary.rowsAccepted, "rows_rejected": summary.rowsRejected])
            }
            if let (from, to) = reingest {
                let affected = try log.stage("reingest") { () throws -> (Set<Day>, [String: Int]) in
                    let subs = try warehouse.submissionsToReingest(from: from, through: to)
                    let a = try ingestion.reingest(subs, warehouse: warehouse, runId: summary.runId)
                    return (a, ["files": subs.count, "dates": a.count])
                }
                changes.touchedDates.formUnion(affected)
                changes.rowDates.formUnion(affected)
            }
            // Dates a killed run left unpublished are finished now.
            let pending = try warehouse.pendingDates()
            changes.touchedDates.formUnion(pending.all)
            changes.rowDates.formUnion(pending.figures)
            let toCompute = days(changes)
            var history = HistoryCache(warehouse: warehouse, calendar: registries.calendar, window: config.checks.outlierWindow)
            history.seed(try preload.wait())
            // Archives are compressed on another thread, with their own connection, while the days are computed.
            let archiver = Archiver(out: out, rawStore: rawStore)
            let archiveDays = changes.touchedDates.sorted()
            let archiving = Pending { () throws -> Archiver.Report in
                // The WAL the load wrote is copied into the database here, beside the exports, not in the load.
                let start = Date()
                try Warehouse(path: warehousePath).checkpoint()
                let checkpointMs = Int(Date().timeIntervalSince(start) * 1000)
                var report = try archiver.write(archiveDays, warehousePath: warehousePath)
                report.checkpointMs = checkpointMs
                return report
            }
            // Even when a day fails, nothing is left writing after this function returns.
            defer { _ = try? archiving.wait() }
            let computeStart = Date()
            var rowsDone = 0
            for (i, day) in toCompute.enumerated() {
                progress?(ProgressLine.days(done: i, of: toCompute.count, day: day, rows: rowsDone,
                                            elapsed: Date().timeIntervalSince(computeStart)))
                let aggregate = try computeDay(day, warehouse: warehouse, history: &history, runId: summary.runId,
                                               startedAt: started, command: command, log: log)
                summary.daysExported.append(day)
                summary.missing = aggregate.scopes[0].missing
                summary.late = aggregate.scopes[0].late
                summary.anomalies = aggregate.scopes[0].anomalies
                rowsDone += aggregate.procedures.reduce(0) { $0 + $1.unitsReporting }
            }

            try log.stage("periods") { () throws -> ((), [String: Int]) in
                let r = try PeriodWriter(out: out, registries: registries).writeAfterRun(recomputed: toCompute, warehouse: warehouse)
                return ((), ["written": r.written, "skipped_unexported_days": r.skipped])
            }
            try log.stage("archive") { () throws -> ((), [String: Int]) in
                let a = try archiving.wait()
                // The thread's own time (it ran beside the exports); the stage's duration is only the wait.
                return ((), ["archives": a.archives, "bytes_archived": a.bytesIn, "archiving_ms": a.milliseconds,
                             "checkpoint_ms": a.checkpointMs])
            }
            try log.stage("finish") { () throws -> ((), [String: Int]) in
                if !toCompute.isEmpty {
                    try Restatements.publish(try warehouse.allRestatements(), to: out.appendingPathComponent("restatements.csv"))
                }
                // Dates after the last one computed stay pending: their run recomputes from them.
                try warehouse.clearPending(changes.touchedDates.union(toCompute).filter { $0 <= last })
                // Days already exported after it read their history from the days just changed: the next
                // run that reaches them recomputes them (a run or backfill recomputes only through its date).
                var stale = Set<Day>()
                if let changed = changes.rowDates.filter({ $0 <= last }).min() {
                    stale = Set(exportedDays().filter { $0 > last && $0 > changed })
                    try warehouse.markPending(stale, figures: stale)
                }
                return ((), ["later_days_left_pending": stale.count])
            }
            finish(&summary)
            try warehouse.finishRun(id: summary.runId, finishedAt: Timestamp(seconds: Int64(Date().timeIntervalSince1970)),
                                    outcome: "ok", filesNew: summary.filesNew, rowsAccepted: summary.rowsAccepted,
                                    rowsRejected: summary.rowsRejected)
        } catch {
            try? warehouse.finishRun(id: summary.runId, finishedAt: Timestamp(seconds: Int64(Date().timeIntervalSince1970)),
                                     outcome: "failed: \(error)", filesNew: summary.filesNew, rowsAccepted: summary.rowsAccepted,
                                     rowsRejected: summary.rowsRejected)
            throw error
        }
        return summary
    }

    func openWarehouse() throws -> Warehouse {
        do {
            return try Warehouse(path: out.appendingPathComponent("warehouse.sqlite").path)
        } catch let e as ReportError {
            throw e
        } catch {
            throw ReportError(wrapping: error)
        }
    }

    var rawStore: RawStore { RawStore(root: out.appendingPathComponent("raw")) }

    /// Stages 2–5 over the discovered files; returns the dates that received new data.
    /// Stages 2–5, as configured.
    var ingestion: Ingestion {
        Ingestion(ingester: FileIngester(registries: registries, sizeLimit: config.sizeLimit,
                                         rejectUnregisteredReporter: config.rejectUnregisteredReporter),
                  calendar: registries.calendar, deadline: config.deadline, rawStore: rawStore)
    }

    func ingest(_ found: [DiscoveredFile], into warehouse: Warehouse, summary: inout RunSummary) throws -> Ingestion.Result {
        let ingestion = self.ingestion
        let ingestStart = Date()
        var changes = Ingestion.Result()
        // Batches overlap: the next one is read and normalized on the worker threads while this one loads.
        let bounds = NightlyRun.batchBounds(count: found.count)
        let batches = bounds.map { Array(found[$0]) }
        let runId = summary.runId
        var next = batches.first.map { batch in Pending { try ingestion.read(batch, packName: "run\(runId)-0.pack") } }
        // Several batches share one transaction: the hash-keyed indexes take random pages, which each
        // commit would otherwise write again (measured: ~1,000 16 KiB pages per batch commit).
        var transactionOpen = false
        var filesInTransaction = 0
        defer { if transactionOpen { try? warehouse.rollback() } }
        for (k, _) in batches.enumerated() {
            if !transactionOpen {
                try warehouse.begin()
                transactionOpen = true
            }
            let waitStart = Date()
            let read = try next!.wait()
            summary.ingestWaitMs += Int(Date().timeIntervalSince(waitStart) * 1000)
            next = k + 1 < batches.count
                ? Pending { [batch = batches[k + 1]] in try ingestion.read(batch, packName: "run\(runId)-\(k + 1).pack") } : nil
            progress?(ProgressLine.files(done: bounds[k].lowerBound, of: found.count,
                                         rows: summary.rowsAccepted + summary.rowsRejected, elapsed: Date().timeIntervalSince(ingestStart)))
            let loadStart = Date()
            let r = try ingestion.load(read, into: warehouse, runId: summary.runId)
            summary.ingestLoadMs += Int(Date().timeIntervalSince(loadStart) * 1000)
            summary.filesNew += r.files
            summary.unread += r.unread
            summary.duplicates += r.duplicates
            summary.rowsAccepted += r.rowsAccepted
            summary.rowsRejected += r.rowsRejected
            changes.touchedDates.formUnion(r.touchedDates)
            changes.rowDates.formUnion(r.rowDates)
            filesInTransaction += bounds[k].count
            if filesInTransaction >= NightlyRun.batchSize * NightlyRun.batchesPerTransaction || k + 1 == batches.count {
                try warehouse.commit()
                transactionOpen = false
                filesInTransaction = 0
            }
        }
        return changes
    }

    /// Report days with an export folder.
    func exportedDays() -> [Day] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("exports").path)) ?? []
        return names.compactMap { Day(iso: $0) }.sorted()
    }

    /// Unit names by code, for the committee's page.
    lazy var unitNames: [String: String] = {
        var names: [String: String] = [:]
        for u in registries.units { names[u.code] = u.name }
        return names
    }()

    /// The registry files' paths and hashes, for `summary.json`.
    lazy var registryInputs: [RunInfo.Input] = {
        [config.units, config.procedures, config.contacts, config.calendar].compactMap { path in
            guard let path, let d = FileManager.default.contents(atPath: path) else { return nil }
            return RunInfo.Input(path: URL(fileURLWithPath: path).lastPathComponent, sha256: SHA256Hex.hex(of: d))
        }
    }()
}

import Foundation
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
    /// When this runner last ran the warehouse's full check (epoch seconds), for `warehouse.sqlite.checked`.
    var lastFullCheck: Int64?
    /// What the last `run` or `backfill` did, also when it failed after it began (for the invocation record).
    public private(set) var lastSummary: RunSummary?
    /// The run's clock (`--now`, contract §3): when set, the instant the run starts; later instants of the run
    /// advance from it with the system clock. Nil: the system clock.
    public var now: Timestamp?
    private let systemStart = Int64(Date().timeIntervalSince1970)
    /// Walk every inbox folder this run (`--full-scan`), not only those changed or within the horizon.
    public var fullScan = false
    /// The WAL's size and checkpoints during the current run.
    var wal = WALBound(limitBytes: 64 << 20)
    /// This run's facts that the restatements' cause and the summary line need (reset by each run).
    var registriesChanged = false
    var reingestedDays = Set<Day>()
    var restatedDays = Set<Day>()

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
        let summary = try execute(command: "run", arguments: arguments, upTo: date, historyFrom: date) { changes in
            let earliest = changes.rowDates.filter { $0 <= date }.min() ?? date
            return daysToCompute(from: min(earliest, date), to: date, changes: changes)
        } finish: { summary in
            summary.notReportDay = !registries.calendar.isReportDay(date)
        }
        // Every connection is closed now: the file is as the next run will find it.
        WarehouseCheck.recordClean(out: out, fullCheckAt: lastFullCheck)
        return summary
    }

    /// `backfill --from D1 --to D2`: ingest new files, then recompute every report day of the range in order.
    /// With `reingest`, the kept raw files of the range are normalized again with the current registries first.
    public func backfill(from: Day, to: Day, reingest: Bool = false, arguments: [String]) throws -> RunSummary {
        guard from <= to else { throw ReportError.reversedRange(from, to) }
        let summary = try execute(command: "backfill", arguments: arguments, upTo: to, historyFrom: from,
                                  reingest: reingest ? (from, to) : nil) { changes in
            let earliest = changes.rowDates.filter { $0 < from }.min() ?? from
            return daysToCompute(from: earliest, to: to, changes: changes)
        } finish: { _ in }
        WarehouseCheck.recordClean(out: out, fullCheckAt: lastFullCheck)
        return summary
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
        // Checked before anything in the output folder changes: a damaged warehouse is refused, never trusted.
        // The full check reads every page (~0.6 s of CPU for 15 national days): only when the file changed
        // since the last run left it, or weekly.
        try WarehouseCheck.beforeOpening(out: out, language: config.language)
        let checkClock = Int64(Date().timeIntervalSince1970)
        let fullCheck = WarehouseCheck.needsFullCheck(out: out, now: checkClock)
        let warehouse = try openWarehouse()
        var checkMs = -1
        if fullCheck {
            let start = Date()
            try WarehouseCheck.integrity(of: warehouse, language: config.language)
            checkMs = Int(Date().timeIntervalSince(start) * 1000)
            lastFullCheck = checkClock
        }
        try warehouse.deferCheckpoints()
        try warehouse.trimWAL(to: config.walCheckpointBytes)
        wal = WALBound(limitBytes: config.walCheckpointBytes)
        let warehousePath = warehouse.path
        // What earlier walks saw of the inbox (on a full scan, every file already seen) is read on another thread
        // while the output folder is swept and the registries recorded (neither changes them).
        let scanClock = now ?? clock()
        let scanSetup = Pending { [config, fullScan] in
            try InboxScan.prepare(warehousePath: warehousePath, inbox: config.inbox, clock: scanClock,
                                  horizonDays: config.discoveryHorizonDays, asked: fullScan)
        }
        defer { _ = try? scanSetup.wait() }
        // So is the checks' history of the first day likely computed (the days this run changes are recomputed,
        // and remembered, before any later day uses them).
        let preloadDays = HistoryCache.window(before: historyFrom, calendar: registries.calendar, size: config.checks.outlierWindow)
        let preload = Pending { try HistoryCache.load(preloadDays, warehouse: try Warehouse(path: warehousePath), parallel: false) }
        defer { _ = try? preload.wait() }
        let unlistedPacks = try Housekeeping.sweep(out: out, warehouse: warehouse)
        let replaced = try warehouse.replaceRegistries(registries)
        registriesChanged = replaced.changed
        reingestedDays = []
        restatedDays = []
        let setupMs = Int(Date().timeIntervalSince(setupStart) * 1000)
        let started = now ?? clock()
        var summary = RunSummary()
        summary.runId = try warehouse.beginRun(command: command, arguments: arguments, startedAt: started)
        summary.exportsFolder = out.appendingPathComponent("exports").path
        let log = RunLog(url: out.appendingPathComponent("run-log.jsonl"), runId: summary.runId)
        try log.stage(.setup) {
            ((), ["lock_open_sweep_registries_ms": setupMs, "unlisted_packs_left": unlistedPacks, "warehouse_quick_check_ms": checkMs])
        }
        if let previous = replaced.previous, reingest == nil, let change = try registryChange(previous: previous, warehouse: warehouse) {
            summary.registryHint = Self.registryHint(change.diff, dates: change.dates)
        }
        do {
            let scan = try scanSetup.wait()
            let discovered = try log.stage(.discover) { () throws -> (Discovery.Found, [String: Int]) in
                // Known file stamps are read only for the folders walked (all of them, beforehand, on a full scan).
                var knownMs = 0
                let all = try Discovery.discoverAll(inbox: config.inbox, plan: scan.plan) { walked in
                    let (known, ms) = try scan.knownFiles(walked: walked, warehousePath: warehousePath)
                    knownMs = ms
                    return known
                }
                summary.inProgress = all.inProgress
                summary.fullScan = scan.summaryNote
                let walked = all.folders.filter(\.walked).count
                return (all, ["files": all.files.count, "known": all.knownCount, "reading_known_ms": knownMs,
                              "folders_walked": walked, "folders_skipped": all.folders.count - walked,
                              "full_scan": scan.fullScan == nil ? 0 : 1, "uploads_in_progress": all.inProgress.count])
            }
            let found = discovered.files
            var changes = try log.stage(.ingest) { () throws -> (Ingestion.Result, [String: Int]) in
                let c = try ingest(found, into: warehouse, summary: &summary)
                return (c, ["files": summary.filesNew, "duplicates": summary.duplicates,
                            "waiting_for_parse_ms": summary.ingestWaitMs, "loading_ms": summary.ingestLoadMs,
                            "rows_accepted": summary.rowsAccepted, "rows_rejected": summary.rowsRejected])
            }
            if let (from, to) = reingest {
                let report = try log.stage(.reingest) { () throws -> (Ingestion.ReingestReport, [String: Int]) in
                    let subs = try warehouse.submissionsToReingest(from: from, through: to)
                    let start = Date()
                    let r = try ingestion.reingest(subs, warehouse: warehouse, runId: summary.runId) { done, total in
                        self.progress?(ProgressLine.reingest(done: done, of: total, elapsed: Date().timeIntervalSince(start)))
                    }
                    return (r, ["files": r.files, "dates": r.affected.count,
                                "rows_newly_accepted": r.newlyAccepted.values.reduce(0, +),
                                "rows_newly_rejected": r.newlyRejected.values.reduce(0, +)])
                }
                let affected = report.affected
                summary.reingest = RunSummary.Reingest(files: report.files, newlyAccepted: report.newlyAccepted,
                                                       newlyRejected: report.newlyRejected)
                reingestedDays = affected
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
            // A date one of whose kept copies is lost, and not in the inbox any more, keeps its archive as it was
            // (and stays pending); the other dates go on.
            let unarchivable = try keepCopiesWhole(changes.touchedDates.sorted(), warehouse: warehouse, summary: &summary)
            let archiveDays = changes.touchedDates.subtracting(unarchivable).sorted()
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
                if Publication(started: started, deadline: config.deadline.instant(for: day)) == .provisional {
                    summary.provisionalDays.append(day)
                }
                summary.missing = aggregate.scopes[0].missing
                summary.late = aggregate.scopes[0].late
                summary.anomalies = aggregate.scopes[0].anomalies
                rowsDone += aggregate.procedures.reduce(0) { $0 + $1.unitsReporting }
                try wal.committed(warehouse, more: i + 1 < toCompute.count)
            }

            try log.stage(.periods) { () throws -> ((), [String: Int]) in
                let r = try PeriodWriter(out: out, registries: registries, language: config.language)
                    .writeAfterRun(recomputed: toCompute, warehouse: warehouse)
                return ((), ["written": r.written, "skipped_unexported_days": r.skipped])
            }
            try log.stage(.archive) { () throws -> ((), [String: Int]) in
                let a = try archiving.wait()
                // The thread's own time (it ran beside the exports); the stage's duration is only the wait.
                return ((), ["archives": a.archives, "bytes_archived": a.bytesIn, "archiving_ms": a.milliseconds,
                             "checkpoint_ms": a.checkpointMs, "wal_peak_bytes": Int(wal.peakBytes), "wal_checkpoints": wal.checkpoints])
            }
            try log.stage(.finish) { () throws -> ((), [String: Int]) in
                if !toCompute.isEmpty {
                    try Restatements.publish(try warehouse.allRestatements(), to: out.appendingPathComponent("restatements.csv"))
                }
                try scan.record(discovered, leftForLater: summary.unread + summary.inProgress, warehouse: warehouse, at: started)
                // Dates after the last one computed stay pending: their run recomputes from them.
                try warehouse.clearPending(changes.touchedDates.union(toCompute).subtracting(unarchivable).filter { $0 <= last })
                // Days already exported after it read their history from the days just changed: the next
                // run that reaches them recomputes them (a run or backfill recomputes only through its date).
                var stale = Set<Day>()
                if let changed = changes.rowDates.filter({ $0 <= last }).min() {
                    stale = Set(exportedDays().filter { $0 > last && $0 > changed })
                    try warehouse.markPending(stale, figures: stale)
                }
                summary.leftPending = stale.sorted()
                return ((), ["later_days_left_pending": stale.count])
            }
            summary.restated = restatedDays.sorted()
            summary.skipped = (0...max(0, Int(last.ordinal - historyFrom.ordinal))).map { historyFrom.adding(days: $0) }
                .filter { !registries.calendar.isReportDay($0) }
            finish(&summary)
            lastSummary = summary
            try warehouse.finishRun(id: summary.runId, finishedAt: clock(),
                                    outcome: "ok", filesNew: summary.filesNew, rowsAccepted: summary.rowsAccepted,
                                    rowsRejected: summary.rowsRejected)
        } catch {
            lastSummary = summary
            let code = (error as? ReportError)?.exitCode ?? 70
            try? warehouse.finishRun(id: summary.runId, finishedAt: clock(),
                                     outcome: "failed (exit \(code)): \(error)", filesNew: summary.filesNew, rowsAccepted: summary.rowsAccepted,
                                     rowsRejected: summary.rowsRejected)
            throw error
        }
        return summary
    }

    /// The run's current instant: the system clock, shifted to `now` when that is set.
    func clock() -> Timestamp {
        let system = Int64(Date().timeIntervalSince1970)
        guard let now else { return Timestamp(seconds: system) }
        return Timestamp(seconds: now.seconds + max(0, system - systemStart))
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
                                         rejectUnregisteredReporter: config.rejectUnregisteredReporter,
                                         language: config.language),
                  calendar: registries.calendar, deadline: config.deadline, rawStore: rawStore)
    }

    func ingest(_ found: [DiscoveredFile], into warehouse: Warehouse, summary: inout RunSummary) throws -> Ingestion.Result {
        let ingestion = self.ingestion
        let ingestStart = Date()
        var changes = Ingestion.Result()
        // Batches overlap: the next one is read and normalized on the worker threads while this one loads.
        let bounds = NightlyRun.batchBounds(count: found.count)
        // Each batch is copied out of `found` only when it is read (a year's backfill: 835,000 files, not twice).
        let packNames = try planPacks(count: bounds.count, runId: summary.runId, warehouse: warehouse)
        func startReading(_ k: Int) -> Pending<Ingestion.ReadBatch>? {
            guard k < bounds.count else { return nil }
            let batch = Array(found[bounds[k]]), packName = packNames[k]
            return Pending { try ingestion.read(batch, packName: packName) }
        }
        var next = startReading(0)
        // Several batches share one transaction: the hash-keyed indexes take random pages, which each
        // commit would otherwise write again (measured: ~1,000 16 KiB pages per batch commit).
        var transactionOpen = false
        var filesInTransaction = 0
        defer { if transactionOpen { try? warehouse.rollback() } }
        for k in bounds.indices {
            if !transactionOpen {
                try warehouse.begin()
                transactionOpen = true
            }
            let waitStart = Date()
            let read = try next!.wait()
            summary.ingestWaitMs += Int(Date().timeIntervalSince(waitStart) * 1000)
            next = startReading(k + 1)
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
            if filesInTransaction >= NightlyRun.batchSize * NightlyRun.batchesPerTransaction || k + 1 == bounds.count {
                try warehouse.commit()
                transactionOpen = false
                filesInTransaction = 0
                try wal.committed(warehouse, more: k + 1 < bounds.count)
            }
        }
        return changes
    }

    /// Checks that the kept copies of `days`' submissions are all there; a lost one whose bytes are still in
    /// the inbox is kept again. Returns the dates that still lack one, whose files the summary names.
    /// A pack the warehouse lists that is gone from `raw/` is noticed by every run (one listing of the folder);
    /// a pack cut short, only when a date it serves is archived (a `stat` per pack of that date).
    func keepCopiesWhole(_ days: [Day], warehouse: Warehouse, summary: inout RunSummary) throws -> Set<Day> {
        let onDisk = Set((try? FileManager.default.contentsOfDirectory(atPath: rawStore.root.path)) ?? [])
        var candidates: [(blob: RawBlob, path: String)] = []
        for pack in try warehouse.referencedPacks().subtracting(onDisk).sorted() {
            candidates += try warehouse.keptCopies(inPack: pack)
        }
        var byDay: [Day: [(blob: RawBlob, path: String)]] = [:]
        for day in days {
            byDay[day] = try warehouse.keptCopies(on: day)
            candidates += byDay[day]!
        }
        var unique: [String: RawCopies.Lost] = [:]
        for l in RawCopies.missing(candidates, store: rawStore) { unique[l.blob.sha256] = l }
        guard !unique.isEmpty else { return [] }
        let name = try planPacks(count: 1, runId: summary.runId, warehouse: warehouse, kind: "recovered")[0]
        let notFound = try RawCopies.recover(unique.values.sorted { $0.path < $1.path }, inbox: config.inbox, store: rawStore,
                                             warehouse: warehouse, packName: name)
        summary.recoveredCopies = unique.count - notFound.count
        summary.lostCopies = notFound.map(\.path)
        let gone = Set(notFound.map(\.blob.sha256))
        return Set(byDay.filter { $0.value.contains { gone.contains($0.blob.sha256) } }.keys)
    }

    /// The names of the run's packs (`runN-K.pack`), none that `raw/` already holds (a pack an older warehouse
    /// wrote is never overwritten), recorded in the warehouse before the first is written.
    func planPacks(count: Int, runId: Int64, warehouse: Warehouse, kind: String = "") throws -> [String] {
        guard count > 0 else { return [] }
        let existing = Set((try? FileManager.default.contentsOfDirectory(atPath: rawStore.root.path)) ?? [])
        let names = (0..<count).map { k in
            let base = "run\(runId)-\(kind)\(k)"
            var name = base + ".pack", n = 1
            while existing.contains(name) {
                n += 1
                name = "\(base)-\(n).pack"
            }
            return name
        }
        try warehouse.planPacks(names, runId: runId)
        return names
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

    /// Unit code → province code, to place findings and rejects in their province.
    lazy var provinceOf: [String: String] = {
        var map: [String: String] = [:]
        for u in registries.units { map[u.code] = u.provinceCode }
        return map
    }()

    /// The registry files' paths and hashes, for `summary.json`.
    lazy var registryInputs: [RunInfo.Input] = {
        [config.units, config.procedures, config.contacts, config.calendar].compactMap { path in
            guard let path, let d = FileManager.default.contents(atPath: path) else { return nil }
            return RunInfo.Input(path: URL(fileURLWithPath: path).lastPathComponent, sha256: SHA256Hex.hex(of: d))
        }
    }()
}

import Foundation
import ReportExport
import ReportModel
import ReportWarehouse

/// The steps `execute` runs, in order (docs/ARCHITECTURE.md): set up, start background reads, ingest,
/// compute days, finish.
extension NightlyRun {
    /// Set up: the output folder, its lock, and the warehouse, checked before anything in the folder changes
    /// (a damaged warehouse is refused, never trusted). `checkMs` is the full check's time, -1 when not run.
    func setUp() throws -> (lock: RunLock, warehouse: Warehouse, checkMs: Int) {
        do {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        } catch {
            throw ReportError(wrapping: error)
        }
        let lock = try RunLock(folder: out)
        // A mistyped inbox is refused before a warehouse is opened, or made, in the output folder.
        try Discovery.checkInbox(config.inbox)
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
        return (lock, warehouse, checkMs)
    }

    /// Starts reading, each on its own thread and connection, what earlier walks saw of the inbox (on a full
    /// scan, every file already seen) and the checks' history of `historyFrom` (the days this run changes are
    /// recomputed, and remembered, before a later day uses them): the sweep and registries change neither.
    func startBackgroundReads(warehousePath: String, historyFrom: Day) -> BackgroundReads {
        let scanClock = now ?? clock()
        let inboxScan = Pending { [config, fullScan] in
            try InboxScan.prepare(warehousePath: warehousePath, inbox: config.inbox, clock: scanClock,
                                  horizonDays: config.discoveryHorizonDays, asked: fullScan)
        }
        let days = HistoryCache.window(before: historyFrom, calendar: registries.calendar, size: config.checks.outlierWindow)
        let history = Pending { try HistoryCache.load(days, warehouse: try Warehouse(path: warehousePath), parallel: false) }
        return BackgroundReads(inboxScan: inboxScan, history: history)
    }

    /// Set up, continued: the output folder swept, the registries recorded, the run's record begun, the
    /// `setup` line logged, and (not for a re-ingest) the dates a registry change may alter named.
    func beginRun(command: String, arguments: [String], from first: Day, last: Day, reingesting: Bool, warehouse: Warehouse,
                  checkMs: Int, setupStart: Date) throws -> RunContext {
        let unlistedPacks = try Housekeeping.sweep(out: out, warehouse: warehouse)
        let replaced = try warehouse.replaceRegistries(registries)
        registriesChanged = replaced.changed
        reingestedDays = []
        restatedDays = []
        let setupMs = Int(Date().timeIntervalSince(setupStart) * 1000)
        let started = now ?? clock()
        var summary = RunSummary()
        summary.language = config.language
        summary.runId = try warehouse.beginRun(command: command, arguments: arguments, startedAt: started)
        summary.exportsFolder = out.appendingPathComponent("exports").path
        let log = RunLog(url: out.appendingPathComponent("run-log.jsonl"), runId: summary.runId)
        try log.stage(.setup) {
            ((), ["lock_open_sweep_registries_ms": setupMs, "unlisted_packs_left": unlistedPacks, "warehouse_quick_check_ms": checkMs])
        }
        if let previous = replaced.previous, !reingesting, let change = try registryChange(previous: previous, warehouse: warehouse) {
            summary.registryHint = Self.registryHint(change.diff, dates: change.dates, language: config.language)
        }
        return RunContext(command: command, warehouse: warehouse, log: log, started: started, first: first, last: last,
                          summary: summary)
    }

    /// Ingest: the inbox discovered, its new files ingested, with `reingest` the range's kept files normalized
    /// again; returns the dates whose files or figures changed, with those a killed run left unpublished.
    func ingestAll(_ run: inout RunContext, reads: BackgroundReads, reingest: (Day, Day)?) throws -> Ingestion.Result {
        let found = try discover(&run, scan: try reads.inboxScan.wait())
        // A night touches a few thousand pages; with the 64 MiB of the open, a year's warehouse filled the cache
        // with pages read once (a night after a year: +16 MB). A large load or re-ingest keeps it: its index
        // inserts come back to the same pages.
        if found.count < NightlyRun.largeLoadFiles && reingest == nil { try run.warehouse.setPageCache(mib: 16) }
        let log = run.log
        var changes = try log.stage(.ingest) { () throws -> (Ingestion.Result, [String: Int]) in
            let c = try ingest(found, into: run.warehouse, summary: &run.summary, settle: run.inbox?.scan.fullScan != nil)
            let s = run.summary
            return (c, ["files": s.filesNew, "duplicates": s.duplicates, "waiting_for_parse_ms": s.ingestWaitMs,
                        "loading_ms": s.ingestLoadMs, "rows_accepted": s.rowsAccepted, "rows_rejected": s.rowsRejected,
                        "hashes_settled": s.hashesSettled])
        }
        if let (from, to) = reingest {
            let affected = try reingestKept(from: from, to: to, &run)
            changes.touchedDates.formUnion(affected)
            changes.rowDates.formUnion(affected)
        }
        let pending = try run.warehouse.pendingDates()
        changes.touchedDates.formUnion(pending.all)
        changes.rowDates.formUnion(pending.figures)
        return changes
    }

    /// Discover: the inbox walked as `scan` plans (known file stamps read only for the folders walked; all
    /// of them, beforehand, on a full scan).
    func discover(_ run: inout RunContext, scan: InboxScan) throws -> [DiscoveredFile] {
        let log = run.log
        let warehousePath = run.warehouse.path
        let all = try log.stage(.discover) { () throws -> (Discovery.Found, [String: Int]) in
            var knownMs = 0
            let all = try Discovery.discoverAll(inbox: config.inbox, plan: scan.plan) { walked in
                let (known, ms) = try scan.knownFiles(walked: walked, warehousePath: warehousePath)
                knownMs = ms
                return known
            }
            let stalled = all.inProgress.filter { $0.modified.seconds < run.started.seconds - RunSummary.stalledUploadSeconds }
            run.summary.inProgress = all.inProgress.filter { !stalled.contains($0) }.map(\.path)
            run.summary.stalledUploads = stalled
            run.summary.inboxWalked = true
            run.summary.notRegular = all.notRegular
            run.summary.timesAhead = all.timesAhead
            run.summary.fullScan = scan.summaryNote(config.language)
            let walked = all.folders.filter(\.walked).count
            return (all, ["files": all.files.count, "known": all.knownCount, "reading_known_ms": knownMs,
                          "folders_walked": walked, "folders_skipped": all.folders.count - walked,
                          "full_scan": scan.fullScan == nil ? 0 : 1, "uploads_in_progress": all.inProgress.count,
                          "uploads_stalled": stalled.count,
                          "not_regular_files": all.notRegular.count, "times_ahead": all.timesAhead.count])
        }
        // Kept for `finish`, which records the folders: the files (a year's backfill: 860,000) are the ingest's only.
        var folders = all
        folders.files = []
        run.inbox = (scan, folders)
        return all.files
    }

    /// Re-ingest (`backfill --reingest`): the range's kept files normalized again with the current registries;
    /// returns the dates whose figures may change (what changed per date goes to the summary).
    func reingestKept(from: Day, to: Day, _ run: inout RunContext) throws -> Set<Day> {
        let log = run.log
        let report = try log.stage(.reingest) { () throws -> (Ingestion.ReingestReport, [String: Int]) in
            let start = Date()
            let r = try ingestion.reingest(from: from, through: to, warehouse: run.warehouse, runId: run.summary.runId) { done, total in
                self.progress?(ProgressLine.reingest(done: done, of: total, elapsed: Date().timeIntervalSince(start),
                                                     language: self.config.language))
            }
            return (r, ["files": r.files, "dates": r.affected.count,
                        "rows_newly_accepted": r.newlyAccepted.values.reduce(0, +),
                        "rows_newly_rejected": r.newlyRejected.values.reduce(0, +)])
        }
        run.summary.reingest = RunSummary.Reingest(files: report.files, newlyAccepted: report.newlyAccepted,
                                                   newlyRejected: report.newlyRejected)
        reingestedDays = report.affected
        return report.affected
    }

    /// Compute days: each report day checked, aggregated and exported in date order while the archives are
    /// written on another thread, then the periods those days complete. Returns the dates whose archive stays
    /// as it was (a kept copy is lost and no longer in the inbox).
    func computeDays(_ days: [Day], changes: Ingestion.Result, run: inout RunContext, reads: BackgroundReads) throws -> Set<Day> {
        var history = HistoryCache(warehouse: run.warehouse, calendar: registries.calendar, window: config.checks.outlierWindow)
        history.seed(try reads.history.wait())
        let (archiving, unarchivable) = try startArchiving(changes.touchedDates, fresh: changes.packsWritten, run: &run)
        // Even when a day fails, nothing is left writing after this function returns.
        defer { _ = try? archiving.wait() }
        try computeEachDay(days, history: &history, run: &run)
        let (log, warehouse) = (run.log, run.warehouse)
        try log.stage(.periods) { () throws -> ((), [String: Int]) in
            let r = try PeriodWriter(out: out, registries: registries, language: config.language)
                .writeAfterRun(recomputed: days, warehouse: warehouse)
            return ((), ["written": r.written, "skipped_unexported_days": r.skipped])
        }
        let archived = try log.stage(.archive) { () throws -> (Archiver.Report, [String: Int]) in
            let a = try archiving.wait()
            // The thread's own time (it ran beside the exports); the stage's duration is only the wait.
            return (a, ["archives": a.archives, "bytes_archived": a.bytesIn, "archiving_ms": a.milliseconds,
                         "checkpoint_ms": a.checkpointMs, "wal_peak_bytes": Int(wal.peakBytes), "wal_checkpoints": wal.checkpoints,
                         "wal_checkpoint_ms": wal.checkpointMs, "dates_with_damaged_copies": a.damaged.count])
        }
        // Such a date stays pending: the next run reads its copies again (no longer this run's) and takes the
        // damaged ones again from the inbox.
        run.summary.unarchivedCopies = archived.damaged.values.flatMap { $0 }.sorted()
        return unarchivable.union(archived.damaged.keys)
    }

    /// Starts writing the archives of `dates` on another thread, with its own connection (the WAL the load
    /// wrote is checkpointed there first, beside the exports). A date one of whose kept copies is lost, and
    /// not in the inbox any more, keeps its archive as it was (and stays pending); the other dates go on.
    func startArchiving(_ dates: Set<Day>, fresh: Set<String>, run: inout RunContext) throws -> (Pending<Archiver.Report>, unarchivable: Set<Day>) {
        let archiver = Archiver(out: out, rawStore: rawStore)
        let warehousePath = run.warehouse.path
        let unarchivable = try keepCopiesWhole(dates.sorted(), fresh: fresh, warehouse: run.warehouse, summary: &run.summary)
        let archiveDays = dates.subtracting(unarchivable).sorted()
        let archiving = Pending { () throws -> Archiver.Report in
            let start = Date()
            try Warehouse(path: warehousePath).checkpoint()
            let checkpointMs = Int(Date().timeIntervalSince(start) * 1000)
            var report = try archiver.write(archiveDays, warehousePath: warehousePath)
            report.checkpointMs = checkpointMs
            return report
        }
        return (archiving, unarchivable)
    }

    /// Check, aggregate and export each of `days` in order (a day's checks read the days before it). A day's files
    /// are rendered and published on another thread while the next day is checked; each is recorded in the
    /// warehouse once its folder is in place, before the next day's is started.
    func computeEachDay(_ days: [Day], history: inout HistoryCache, run: inout RunContext) throws {
        let computeStart = Date()
        var rowsDone = 0
        var publishing: (export: DayExport, timing: Pending<DayExport.Timing>)?
        // Even when a day fails, nothing is left writing after this function returns.
        defer { _ = try? publishing?.timing.wait() }
        // The day being published, once its folder is in place, recorded and logged.
        func recordPublishing() throws {
            guard let p = publishing else { return }
            publishing = nil
            try recordPublished(p.export, timing: try p.timing.wait(), run: run)
        }
        for (i, day) in days.enumerated() {
            progress?(ProgressLine.days(done: i, of: days.count, day: day, rows: rowsDone,
                                        elapsed: Date().timeIntervalSince(computeStart), language: config.language))
            let (aggregate, export) = try computeDay(day, warehouse: run.warehouse, history: &history, runId: run.summary.runId,
                                                     startedAt: run.started, command: run.command, log: run.log)
            try recordPublishing()
            publishing = (export, Pending { try export.publish() })
            run.summary.daysExported.append(day)
            if Publication(started: run.started, deadline: config.deadline.instant(for: day)) == .provisional {
                run.summary.provisionalDays.append(day)
            }
            run.summary.missing = aggregate.scopes[0].missing
            run.summary.late = aggregate.scopes[0].late
            run.summary.anomalies = aggregate.scopes[0].anomalies
            rowsDone += aggregate.procedures.reduce(0) { $0 + $1.unitsReporting }
            try wal.committed(run.warehouse, more: i + 1 < days.count)
            // A backfill computes hundreds of days: the memory each one freed goes back to the system.
            MemoryTrim.release()
        }
        try recordPublishing()
    }

    /// A day's published folder recorded in the warehouse, and its `export` line logged.
    private func recordPublished(_ export: DayExport, timing: DayExport.Timing, run: RunContext) throws {
        try recordExport(export, warehouse: run.warehouse, runId: run.summary.runId)
        run.log.record(.export, day: export.day, start: timing.start, end: timing.end, counts: ["files": timing.files])
    }

    /// Finish: `restatements.csv` rewritten, the pending dates cleared through the run's last day, later
    /// exported days, whose history the changed days are, left pending for the run that reaches them; the
    /// summary's restated, left-pending and skipped days.
    func finish(_ run: inout RunContext, computed: [Day], changes: Ingestion.Result, unarchivable: Set<Day>) throws {
        let (log, warehouse, first, last) = (run.log, run.warehouse, run.first, run.last)
        let (inbox, started) = (run.inbox, run.started)
        let leftForLater = run.summary.unread + run.summary.inProgress + run.summary.stalledUploads.map(\.path) + run.summary.notRegular
        let stale = try log.stage(.finish) { () throws -> (Set<Day>, [String: Int]) in
            if !computed.isEmpty {
                try Restatements.publish(try warehouse.allRestatements(), to: out.appendingPathComponent("restatements.csv"))
            }
            if let inbox { try inbox.scan.record(inbox.found, leftForLater: leftForLater, warehouse: warehouse, at: started) }
            // Dates after the last one computed stay pending: their run recomputes from them.
            try warehouse.clearPending(changes.touchedDates.union(computed).subtracting(unarchivable).filter { $0 <= last })
            // Days already exported after it read their history from the days just changed: the next
            // run that reaches them recomputes them (a run or backfill recomputes only through its date).
            var stale = Set<Day>()
            let exported = exportedDays()
            if let changed = changes.rowDates.filter({ $0 <= last }).min() {
                stale = Set(exported.filter { $0 > last && $0 > changed })
                try warehouse.markPending(stale, figures: stale)
            }
            // Exported days after it that this run's files changed themselves (a rerun of an earlier date): pending
            // since the ingest, and said, since their published exports are now out of date.
            stale.formUnion(exported.filter { $0 > last && changes.touchedDates.contains($0) })
            return (stale, ["later_days_left_pending": stale.count])
        }
        run.summary.leftPending = stale.sorted()
        run.summary.restated = restatedDays.sorted()
        run.summary.skipped = (0...max(0, Int(last.ordinal - first.ordinal))).map { first.adding(days: $0) }
            .filter { !registries.calendar.isReportDay($0) }
    }

    /// The run's record closed: `ok`, or how it failed (the exit code it leaves with and why).
    func recordOutcome(_ run: RunContext, failure: (any Error)? = nil) throws {
        let s = run.summary
        var outcome = "ok"
        if let failure { outcome = "failed (exit \((failure as? ReportError)?.exitCode ?? 70)): \(failure)" }
        try run.warehouse.finishRun(id: s.runId, finishedAt: clock(), outcome: outcome, filesNew: s.filesNew,
                                    rowsAccepted: s.rowsAccepted, rowsRejected: s.rowsRejected)
    }
}

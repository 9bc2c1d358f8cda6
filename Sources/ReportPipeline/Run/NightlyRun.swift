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
    /// From this many new files a run keeps the warehouse's full page cache (three national nights).
    static let largeLoadFiles = 10_000
    /// Hashes tier 1 may hold before the ingest settles them (migration v12): ~30 national nights, ~2 MB of each index.
    static let unsettledHashBound = 100_000

    /// The tier a run's new hashes go to: a large load's (a backfill, nights caught up) straight to tier 0, where the
    /// next settling would move them anyway; a night's to tier 1.
    static func hashTier(forNewFiles count: Int) -> HashTier {
        count >= largeLoadFiles ? .settled : .recent
    }

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
        } summarize: { summary in
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
        } summarize: { _ in }
        WarehouseCheck.recordClean(out: out, fullCheckAt: lastFullCheck)
        return summary
    }

    /// Report days `from...to`, plus earlier report days whose rejects changed (their figures did not).
    private func daysToCompute(from: Day, to: Day, changes: Ingestion.Result) -> [Day] {
        let extra = changes.touchedDates.filter { $0 < from && registries.calendar.isReportDay($0) }
        return (extra.sorted() + registries.calendar.reportDays(from: from, to: to))
    }

    /// One run or backfill, as its steps (`NightlyRun+Steps`): set up, start background reads, ingest,
    /// compute days, finish. `days` picks the report days to compute from what ingesting changed.
    private func execute(command: String, arguments: [String], upTo last: Day, historyFrom: Day, reingest: (Day, Day)? = nil,
                         days: (Ingestion.Result) -> [Day],
                         summarize: (inout RunSummary) -> Void) throws -> RunSummary {
        let setupStart = Date()
        let (lock, warehouse, checkMs) = try setUp()
        defer { withExtendedLifetime(lock) {} }
        let reads = startBackgroundReads(warehousePath: warehouse.path, historyFrom: historyFrom)
        defer { reads.settle() }
        var run = try beginRun(command: command, arguments: arguments, from: historyFrom, last: last, reingesting: reingest != nil,
                               warehouse: warehouse, checkMs: checkMs, setupStart: setupStart)
        do {
            let changes = try ingestAll(&run, reads: reads, reingest: reingest)
            let toCompute = days(changes)
            let unarchivable = try computeDays(toCompute, changes: changes, run: &run, reads: reads)
            try finish(&run, computed: toCompute, changes: changes, unarchivable: unarchivable)
            summarize(&run.summary)
            lastSummary = run.summary
            try recordOutcome(run)
        } catch {
            lastSummary = run.summary
            try? recordOutcome(run, failure: error)
            throw error
        }
        return run.summary
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

    /// Ingestion (read, decode, parse, normalize, load), as configured.
    var ingestion: Ingestion {
        Ingestion(ingester: FileIngester(registries: registries, sizeLimit: config.sizeLimit,
                                         rejectUnregisteredReporter: config.rejectUnregisteredReporter,
                                         language: config.language),
                  calendar: registries.calendar, deadline: config.deadline, rawStore: rawStore)
    }

    /// The `ingest` step's batches over the discovered files; returns the dates that received new data.
    /// `settle`: tier 1's hashes settled at the end too (a full scan: a run that reads all history anyway).
    func ingest(_ found: [DiscoveredFile], into warehouse: Warehouse, summary: inout RunSummary,
                settle: Bool = false) throws -> Ingestion.Result {
        var configured = self.ingestion
        if found.count >= NightlyRun.largeLoadFiles { configured.readers = Ingestion.largeLoadReaders }
        let ingestion = configured
        let ingestStart = Date()
        var changes = Ingestion.Result()
        // Batches overlap: the next one is read and normalized on the worker threads while this one loads.
        let bounds = NightlyRun.batchBounds(count: found.count)
        // Each batch is copied out of `found` only when it is read (a year's backfill: 835,000 files, not twice).
        let packNames = try planPacks(count: bounds.count, runId: summary.runId, warehouse: warehouse)
        changes.packsWritten.formUnion(packNames)
        func startReading(_ k: Int) -> Pending<Ingestion.ReadBatch>? {
            guard k < bounds.count else { return nil }
            let batch = Array(found[bounds[k]]), packName = packNames[k]
            return Pending { try ingestion.read(batch, packName: packName) }
        }
        // Two batches are read ahead: parsing one batch sometimes takes longer than loading the one before it, and
        // with a single batch ahead the loader waited (a 64-day backfill: 6–18 s of its ~45 s).
        var ahead = [startReading(0), startReading(1)].compactMap { $0 }
        // Several batches share one transaction: the hash-keyed indexes take random pages, which each
        // commit would otherwise write again (measured: ~1,000 16 KiB pages per batch commit).
        var transactionOpen = false
        var filesInTransaction = 0
        var unsettled = try warehouse.unsettledHashes()
        warehouse.newHashTier = NightlyRun.hashTier(forNewFiles: found.count)
        defer { warehouse.newHashTier = .recent }
        func settleHashes() throws {
            summary.hashesSettled += try warehouse.settleHashes()
            unsettled = 0
        }
        defer { if transactionOpen { try? warehouse.rollback() } }
        for k in bounds.indices {
            if !transactionOpen {
                try warehouse.begin()
                transactionOpen = true
            }
            let waitStart = Date()
            let read = try ahead.removeFirst().wait()
            summary.ingestWaitMs += Int(Date().timeIntervalSince(waitStart) * 1000)
            if let more = startReading(k + 2) { ahead.append(more) }
            progress?(ProgressLine.files(done: bounds[k].lowerBound, of: found.count,
                                         rows: summary.rowsAccepted + summary.rowsRejected, elapsed: Date().timeIntervalSince(ingestStart),
                                         language: config.language))
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
            if warehouse.newHashTier == .recent { unsettled += read.blobs.count }
            if filesInTransaction >= NightlyRun.batchSize * NightlyRun.batchesPerTransaction || k + 1 == bounds.count {
                try warehouse.commit()
                transactionOpen = false
                filesInTransaction = 0
                if unsettled >= NightlyRun.unsettledHashBound { try settleHashes() }
                try wal.committed(warehouse, more: k + 1 < bounds.count)
            }
        }
        if settle && unsettled > 0 { try settleHashes() }
        return changes
    }

    /// Checks that the kept copies of `days`' submissions are all there; a lost one whose bytes are still in
    /// the inbox is kept again. Returns the dates that still lack one, whose files the summary names.
    /// A pack the warehouse lists that is gone from `raw/` is noticed by every run (one listing of the folder);
    /// a copy cut short or changed in place, when a date it serves is archived (each of that date's copies read
    /// and hashed: the archive is rewritten from them, and must not take bad bytes over the good ones it holds).
    /// Copies in `fresh` packs (this run's) are not read again: they were hashed as they were read from the inbox
    /// minutes before (a year's backfill: 835,000 copies, ~8 s before the first day could start).
    func keepCopiesWhole(_ days: [Day], fresh: Set<String> = [], warehouse: Warehouse,
                         summary: inout RunSummary) throws -> Set<Day> {
        let onDisk = Set((try? FileManager.default.contentsOfDirectory(atPath: rawStore.root.path)) ?? [])
        var candidates: [(blob: RawBlob, path: String)] = []
        for pack in try warehouse.referencedPacks().subtracting(onDisk).sorted() {
            candidates += try warehouse.keptCopies(inPack: pack)
        }
        var unique: [String: RawCopies.Lost] = [:]
        for l in RawCopies.missing(candidates, store: rawStore) { unique[l.blob.sha256] = l }
        // Day by day, keeping only the hashes found lost: a year's backfill has 835,000 copies (~210 MB at once).
        var lostOn: [Day: Set<String>] = [:]
        for day in days {
            let lost = try RawCopies.damaged(try warehouse.keptCopies(on: day, notIn: fresh), store: rawStore)
            for l in lost { unique[l.blob.sha256] = l }
            if !lost.isEmpty { lostOn[day] = Set(lost.map(\.blob.sha256)) }
        }
        guard !unique.isEmpty else { return [] }
        let name = try planPacks(count: 1, runId: summary.runId, warehouse: warehouse, kind: "recovered")[0]
        let notFound = try RawCopies.recover(unique.values.sorted { $0.path < $1.path }, inbox: config.inbox, store: rawStore,
                                             warehouse: warehouse, packName: name)
        summary.recoveredCopies = unique.count - notFound.count
        summary.lostCopies = notFound.map(\.path)
        let gone = Set(notFound.map(\.blob.sha256))
        return Set(lostOn.filter { !$0.value.isDisjoint(with: gone) }.keys)
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

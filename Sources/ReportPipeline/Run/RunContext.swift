import ReportModel
import ReportWarehouse

/// One `run` or `backfill` once set up: what every later step reads, and the summary they fill in.
struct RunContext {
    /// `run` or `backfill`, as the run record and `summary.json` name it.
    let command: String
    let warehouse: Warehouse
    let log: RunLog
    /// The run's first instant (from `--now` when given).
    let started: Timestamp
    /// The first day the run asks for (`--date`, `--from`), whose history is read ahead.
    let first: Day
    /// The last day the run computes through: later pending dates stay pending.
    let last: Day
    var summary: RunSummary
    /// The inbox's walk (set by `discover`), recorded by `finish` for the next run's discovery.
    var inbox: (scan: InboxScan, found: Discovery.Found)?
}

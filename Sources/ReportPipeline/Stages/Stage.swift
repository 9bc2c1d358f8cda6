/// A step of a run, in the order `NightlyRun` runs them; its name is the `"stage"` of its line in `run-log.jsonl`.
///
/// Data flows one way through them; each step's input and output types are declared in this folder
/// (`Stages/`) or named here when another module owns them:
///
/// - **setup**: lock, warehouse check, output folder swept, registries recorded → the run's id.
/// - **discover** (`Discovery`): the inbox and its `InboxScan` plan → `Discovery.Found` (`[DiscoveredFile]`).
/// - **ingest** (`Ingestion`): `[DiscoveredFile]` → `Ingestion.ReadBatch` (read, hashed, decoded, parsed and
///   normalized per file by `FileIngester` in ReportIngest, on both cores; bytes kept in a pack) → loaded into
///   the warehouse (`Ingestion.load`) → `Ingestion.Result` (the dates whose files or figures changed).
/// - **reingest** (`backfill --reingest` only): kept files normalized again with the current registries → the
///   dates that changed.
/// - For each report day to recompute, in date order:
///   - **check** (`Checks.run`, ReportChecks): the day's `DayReports` + its history → `NightlyRun.CheckedDay`.
///   - **aggregate** (`Aggregation`): `CheckedDay` → `DayAggregate` + `DayFigures`.
///   - **export** (`DayExporters`, ReportExport): `DayExportInput` → the day's folder, published whole.
/// - **periods** (`PeriodWriter`): the weeks, months, quarters and years the recomputed days complete.
/// - **archive** (`Archiver`): each date that received files → `archive/YYYY/MM/D.tar.gz` (written on its own
///   thread beside check/aggregate/export; the line is logged when the run waits for it).
/// - **finish**: `restatements.csv`, pending dates cleared, later exported days left pending.
public enum Stage: String, CaseIterable, Sendable {
    case setup, discover, ingest, reingest, check, aggregate, export, periods, archive, finish

    /// The stage's name in `run-log.jsonl`.
    public var name: String { rawValue }
}

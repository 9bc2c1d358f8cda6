/// The pipeline's stages, in the order data flows through them.
///
/// 1. **Discover** (`Discovery`): inbox files not yet processed → `[DiscoveredFile]`.
/// 2. **Decode** (`TextDecoder`, in ReportIngest): bytes → NFC UTF-8 text, `.gz` unwrapped.
/// 3. **Parse** (`CSVReader` / `JSONReader`): text → `RawRecord`s with their lines; file rejects.
/// 4. **Normalize** (`RowNormalizer`): `RawRecord` + registries as of the date → `ReportRow` or `Reject`.
///    Stages 2–4 run per file in `FileIngester`; `Ingestion` runs them over new files on both cores.
/// 5. **Load** (`Warehouse.recordBatch`): submissions, rows, unit reports, rejects, notes → SQLite.
/// 6. **Check** (`Checks.run`, in ReportChecks): a report day + its history → `[Finding]`.
/// 7. **Aggregate** (`Aggregation.aggregate`): a report day → `DayAggregate`.
/// 8. **Export** (`DayExporters`, in ReportExport): `DayExportInput` → the day's files, published whole.
/// 9. **Archive** (`ArchiveWriter`): a report day's raw submissions → `archive/YYYY/MM/D.tar.gz`.
///
/// `NightlyRun` drives stages 1–5 once, then 6–9 for each report day to recompute.
public enum Stage: Int, CaseIterable, Sendable {
    case discover = 1, decode, parse, normalize, load, check, aggregate, export, archive

    /// The stage's name in logs.
    public var name: String { String(describing: self) }
}

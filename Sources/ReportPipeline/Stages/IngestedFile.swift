import ReportIngest

/// A new file after stages 2–4, ready to load.
struct IngestedFile: Sendable {
    var file: DiscoveredFile
    var bytes: [UInt8]
    var sha256: String
    var outcome: FileOutcome?
    /// False for a file past `Ingestion.keepLimit`: hashed as it streams, rejected `too_large`, its bytes not kept.
    var kept = true
}

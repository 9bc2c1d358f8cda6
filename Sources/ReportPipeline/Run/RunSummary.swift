import ReportModel

/// What a run did, for the one-line summary and the tests.
public struct RunSummary: Sendable {
    public var runId: Int64 = 0
    public var filesNew = 0
    public var duplicates = 0
    public var rowsAccepted = 0
    public var rowsRejected = 0
    /// Report days exported, in order.
    public var daysExported: [Day] = []
    /// Exported days whose deadline had not passed when the run started (their exports say `provisional`).
    public var provisionalDays: [Day] = []
    /// Exported days whose published figures changed (see restatements.csv).
    public var restated: [Day] = []
    /// Days after the run's last one whose history changed: pending, recomputed by the next run that reaches them.
    public var leftPending: [Day] = []
    /// Days of the requested range that are not report days (nothing expected, nothing exported).
    public var skipped: [Day] = []
    /// What `--reingest` changed.
    public var reingest: Reingest?
    /// Set when the registries changed in a way that concerns kept rows (a plain run re-reads none).
    public var registryHint: String?

    /// What a re-ingest changed, per date.
    public struct Reingest: Sendable {
        public var files: Int
        public var newlyAccepted: [Day: Int]
        public var newlyRejected: [Day: Int]
    }
    /// The requested day is not a report day.
    public var notReportDay = false
    public var missing = 0
    public var late = 0
    public var anomalies = 0
    public var exportsFolder = ""
    /// Inbox files that vanished or could not be read: not recorded, tried again next run.
    public var unread: [String] = []
    /// Kept copies found lost and taken again from the inbox.
    public var recoveredCopies = 0
    /// Kept copies lost and no longer in the inbox (inbox paths): their dates' archives were left as they were.
    public var lostCopies: [String] = []
    /// Uploads still in progress (`.part`, `.tmp`, …): left for a later run.
    public var inProgress: [String] = []
    /// Set when this run walked every inbox folder: why (`--full-scan`, weekly, a new inbox).
    public var fullScan: String?
    /// Milliseconds the loader waited for parsing, and spent loading (for the run log).
    public var ingestWaitMs = 0
    public var ingestLoadMs = 0

    /// One line for cron and for people.
    public func line(for day: Day) -> String {
        var s = "\(day.iso): \(filesNew) new file(s), \(rowsAccepted) row(s) accepted, \(rowsRejected) rejected"
        if duplicates > 0 { s += ", \(duplicates) duplicate(s) skipped" }
        if !unread.isEmpty { s += ", \(unread.count) unreadable file(s) left for the next run (\(unread.prefix(3).joined(separator: ", ")))" }
        if !inProgress.isEmpty {
            s += ", \(inProgress.count) upload(s) still in progress left for a later run (\(inProgress.prefix(3).joined(separator: ", ")))"
        }
        if recoveredCopies > 0 { s += ", \(recoveredCopies) lost kept copy(ies) taken again from the inbox" }
        if !lostCopies.isEmpty {
            s += ", \(lostCopies.count) kept copy(ies) lost and not in the inbox (\(lostCopies.prefix(3).joined(separator: ", "))): "
                + "their dates' archives were left as they were; put the files back in the inbox and rerun"
        }
        if notReportDay { s += "; \(day.iso) is not a report day, nothing expected" }
        if let first = daysExported.first, let last = daysExported.last {
            s += daysExported.count == 1 ? "; exported 1 day (\(first.iso))" : "; exported \(daysExported.count) days (\(first.iso) … \(last.iso))"
            s += " to \(exportsFolder)"
        } else {
            s += "; exported nothing"
        }
        if !restated.isEmpty { s += "; restated \(Self.dates(restated)) (see restatements.csv)" }
        let skippedOthers = skipped.filter { $0 != day }
        if !skippedOthers.isEmpty { s += "; skipped \(Self.dates(skippedOthers)) (not report days)" }
        if let first = leftPending.first, let last = leftPending.last {
            s += "; left pending \(Self.dates(leftPending)): their history changed, the next run recomputes them"
                + " (or now: backfill --from \(first.iso) --to \(last.iso))"
        }
        if !notReportDay { s += "; \(missing) missing, \(late) late, \(anomalies) anomalies" }
        if !provisionalDays.isEmpty {
            s += "; provisional (run before the deadline): \(provisionalDays.map(\.iso).joined(separator: ", "))"
        }
        if let r = reingest {
            s += "; re-ingested \(r.files) kept file(s): \(r.newlyAccepted.values.reduce(0, +)) row(s) newly accepted, "
                + "\(r.newlyRejected.values.reduce(0, +)) newly rejected"
        }
        if let registryHint { s += "; " + registryHint }
        if let fullScan { s += "; \(fullScan)" }
        return s
    }

    /// Lines after the summary line: what a re-ingest changed, date by date.
    public var detailLines: [String] {
        guard let r = reingest else { return [] }
        let restatedSet = Set(restated)
        let days = Set(r.newlyAccepted.keys).union(r.newlyRejected.keys).union(restatedSet).sorted()
        if days.isEmpty { return ["  re-ingest: no row and no published figure changed"] }
        return days.map { d in
            var parts: [String] = []
            if let n = r.newlyAccepted[d] { parts.append("\(n) row(s) newly accepted") }
            if let n = r.newlyRejected[d] { parts.append("\(n) row(s) newly rejected (see exports/\(d.iso)/rejects.csv)") }
            parts.append(restatedSet.contains(d) ? "figures restated (restatements.csv, cause reingest)" : "no published figure changed")
            return "  \(d.iso): " + parts.joined(separator: ", ")
        }
    }

    /// Up to 5 dates by name, then how many more.
    static func dates(_ days: [Day]) -> String {
        days.count <= 5 ? days.map(\.iso).joined(separator: ", ")
            : days.prefix(4).map(\.iso).joined(separator: ", ") + " … \(days.last!.iso) (\(days.count) days)"
    }
}

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
        if !daysExported.isEmpty {
            s += "; exported \(daysExported.map(\.iso).joined(separator: ", ")) to \(exportsFolder)"
        }
        if !notReportDay { s += "; \(missing) missing, \(late) late, \(anomalies) anomalies" }
        if !provisionalDays.isEmpty {
            s += "; provisional (run before the deadline): \(provisionalDays.map(\.iso).joined(separator: ", "))"
        }
        return s
    }
}

import ReportChecks

/// What set up starts reading on other threads, each waited for by the step that needs it.
struct BackgroundReads {
    /// What earlier walks saw of the inbox: the folders to walk, and on a full scan every file already seen.
    let inboxScan: Pending<InboxScan>
    /// The checks' history of the first day the run likely computes.
    let history: Pending<[DayReports]>

    /// Waits for both, whatever happened: nothing is left reading once the run returns.
    func settle() {
        _ = try? inboxScan.wait()
        _ = try? history.wait()
    }
}

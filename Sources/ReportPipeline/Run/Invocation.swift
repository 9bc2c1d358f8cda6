import Foundation
import ReportModel

/// One command-line invocation of `run` or `backfill`, put on record when it ends, whatever its outcome
/// (contract §7): a line in `OUT/run-log.jsonl` and the metrics file.
public struct Invocation: Sendable {
    public var command: String
    public var arguments: [String]
    public var start: Date
    /// The output folder, once the configuration named it (an invocation that fails before has nowhere to log).
    public var out: URL?
    /// Where the metrics file goes (default `OUT/metrics/dailyreports.prom`).
    public var metricsFile: URL?
    /// What the run did, once it began (its warehouse run id and counts).
    public var summary: RunSummary?
    /// The language of the one line this prints itself (a metrics file it could not write).
    public var language: Language = .vi

    public init(command: String, arguments: [String], start: Date = Date()) {
        self.command = command; self.arguments = arguments; self.start = start
    }

    /// The default place of the metrics file in an output folder.
    public static func defaultMetricsFile(out: URL) -> URL {
        out.appendingPathComponent("metrics").appendingPathComponent("dailyreports.prom")
    }

    /// Rewrites the metrics file and appends the invocation's line to the run log; returns the exit status. A run that
    /// failed keeps its own; a run that succeeded but whose metrics file could not be written ends with that error's
    /// (64: a place it may not write; 75: a full disk), since monitoring would otherwise go blind without a word under
    /// cron. A run log that cannot be written loses the line, never the status.
    public func finish(exitCode: Int32, error: String?, end: Date = Date()) -> Int32 {
        guard let out, FileManager.default.fileExists(atPath: out.path) else { return exitCode }
        var exitCode = exitCode, error = error
        if let failure = writeMetrics(out: out, exitCode: exitCode, end: end), exitCode == 0 {
            exitCode = failure.exitCode
            error = failure.rendered(language)
        }
        var entry: [String: Any] = [
            "event": "invocation", "command": command, "arguments": arguments,
            "start": RunLog.iso(start), "end": RunLog.iso(end),
            "duration_s": (end.timeIntervalSince(start) * 1000).rounded() / 1000,
            "exit_code": Int(exitCode), "version": BuildInfo.current.short,
        ]
        entry["error"] = error ?? NSNull()
        if let s = summary, s.runId > 0 {
            entry["run"] = s.runId
            entry["counts"] = ["files": s.filesNew, "rows_accepted": s.rowsAccepted, "rows_rejected": s.rowsRejected]
        }
        if let s = summary, s.inboxWalked { entry["inbox"] = InboxLeftovers(s).logObject }
        RunLog.append(entry, to: out.appendingPathComponent("run-log.jsonl"))
        return exitCode
    }

    /// Writes the metrics file; the error when it could not be written (said on stderr).
    private func writeMetrics(out: URL, exitCode: Int32, end: Date) -> ReportError? {
        var outcome = MetricsFile.Outcome(end: end, duration: end.timeIntervalSince(start), exitCode: exitCode,
                                          filesIngested: summary?.filesNew ?? 0, rowsAccepted: summary?.rowsAccepted ?? 0,
                                          rowsRejected: summary?.rowsRejected ?? 0)
        if let s = summary, s.inboxWalked {
            outcome.inbox = .init(uploadsInProgress: s.inProgress.count + s.stalledUploads.count, uploadsStalled: s.stalledUploads.count,
                                  notRegularFiles: s.notRegular.count)
        }
        let file = metricsFile ?? Self.defaultMetricsFile(out: out)
        let metrics = MetricsFile.gather(out: out, outcome: outcome, version: BuildInfo.current.short, previous: file)
        do {
            try metrics.write(to: file)
            return nil
        } catch {
            let failure = ReportError(wrapping: error)
            let why = failure.rendered(language)
            let line = exitCode == 0
                ? language.pick(vi: "các báo cáo đã được công bố, nhưng không ghi được tệp chỉ số metrics (\(why))",
                                en: "the reports were published, but the metrics file could not be written (\(why))")
                : language.pick(vi: "không ghi được tệp chỉ số metrics (\(why))", en: "cannot write the metrics file (\(why))")
            FileHandle.standardError.write(Data("dailyreports: \(line)\n".utf8))
            return failure
        }
    }
}

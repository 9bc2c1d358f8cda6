import Foundation
import ReportPipeline

/// The `run` or `backfill` invocation under way, put on record when it ends: by `finish(0)` after success,
/// by `DailyReports.fail` otherwise (contract §7: every invocation in `run-log.jsonl`, metrics after every run).
///
/// Used from the main thread only (a command's `run()` and its exit path), hence `nonisolated(unsafe)`.
enum Recorder {
    nonisolated(unsafe) private static var invocation: Invocation?
    nonisolated(unsafe) private static var runner: NightlyRun?

    /// Starts recording an invocation of `command` (read-only commands are not recorded: they change nothing).
    static func begin(_ command: String) {
        invocation = Invocation(command: command, arguments: CommandLine.arguments)
    }

    /// The output folder and metrics file are known now.
    static func configured(_ config: PipelineConfig) {
        let out = URL(fileURLWithPath: config.output).standardized
        invocation?.out = out
        invocation?.metricsFile = config.metricsFile.map { URL(fileURLWithPath: $0) }
    }

    /// The runner whose last summary says what the run did.
    static func running(_ r: NightlyRun) { runner = r }

    /// Writes the record (once); `error` is the message printed, nil on success. Returns the exit status: a success
    /// whose metrics file could not be written ends with that error's.
    @discardableResult
    static func finish(exitCode: Int32, error: String?, language: Language) -> Int32 {
        guard var i = invocation else { return exitCode }
        i.language = language
        invocation = nil
        i.summary = runner?.lastSummary
        return i.finish(exitCode: exitCode, error: error)
    }
}

import ArgumentParser
import Foundation
import ReportPipeline

/// Parses a `YYYY-MM-DD` flag, or fails as a usage error.
func parseDay(_ text: String, flag: String) throws(ReportError) -> Day {
    guard let d = Day(iso: text) else { throw ReportError(.usage, "\(flag) \"\(text)\" is not a date; write it as YYYY-MM-DD") }
    return d
}

/// Builds the runner, with a progress line when stderr is a terminal.
func makeRunner(_ options: CommonOptions) throws -> NightlyRun {
    let config = try options.config()
    let registries = try RegistryLoader.load(config.registryPaths)
    let runner = NightlyRun(config: config, registries: registries)
    if isatty(2) == 1 {
        runner.progress = { line in FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8)) }
    }
    return runner
}

func finishProgress() {
    if isatty(2) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The nightly job: ingest new inbox files and export every report day from the earliest touched through D.")
    @OptionGroup var options: CommonOptions
    @Option(help: "The report date, YYYY-MM-DD.") var date: String

    func run() throws {
        do {
            let day = try parseDay(date, flag: "--date")
            let summary = try makeRunner(options).run(date: day, arguments: CommandLine.arguments)
            finishProgress()
            print(summary.line(for: day))
        } catch {
            finishProgress()
            DailyReports.fail(error)
        }
    }
}

struct Backfill: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Ingest new inbox files, then recompute every report day of a range.")
    @OptionGroup var options: CommonOptions
    @Option(help: "First report date, YYYY-MM-DD.") var from: String
    @Option(help: "Last report date, YYYY-MM-DD.") var to: String

    func run() throws {
        do {
            let first = try parseDay(from, flag: "--from"), last = try parseDay(to, flag: "--to")
            let summary = try makeRunner(options).backfill(from: first, to: last, arguments: CommandLine.arguments)
            finishProgress()
            print(summary.line(for: last))
        } catch {
            finishProgress()
            DailyReports.fail(error)
        }
    }
}

struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The archive of record.")
}

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
    @Flag(help: "Print the plan (dates, new files, what would be restated) and change nothing.") var dryRun = false
    @Flag(help: "Normalize the range's kept raw files again with the current registries (after a registry correction).")
    var reingest = false

    func run() throws {
        do {
            let first = try parseDay(from, flag: "--from"), last = try parseDay(to, flag: "--to")
            if dryRun {
                for line in try makeRunner(options).plan(from: first, to: last) { print(line) }
                return
            }
            let summary = try makeRunner(options).backfill(from: first, to: last, reingest: reingest, arguments: CommandLine.arguments)
            finishProgress()
            print(summary.line(for: last))
        } catch {
            finishProgress()
            DailyReports.fail(error)
        }
    }
}

struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The archive of record.", subcommands: [Verify.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-hash every archive member against its manifest and the warehouse. Exit 0 when all match, 65 naming the first bad member.")
        @Option(help: "The output folder (default: the pipeline file's).") var out: String?
        @Option(help: "Only this report date's archive, YYYY-MM-DD.") var date: String?
        @Option(help: "The pipeline file.") var pipeline: String?

        func run() throws {
            do {
                var folder = out
                if folder == nil {
                    let path = pipeline ?? PipelineConfig.defaultPath
                    folder = try PipelineConfig.load(path: path).output
                }
                let day = try date.map { d throws(ReportError) in try parseDay(d, flag: "--date") }
                let report = try ArchiveVerifier.verify(out: folder!, date: day)
                print("\(report.archives) archive(s), \(report.members) member(s): all match")
            } catch {
                DailyReports.fail(error)
            }
        }
    }
}

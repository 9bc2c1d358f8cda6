import ArgumentParser
import Foundation
import ReportPipeline

/// Parses a `YYYY-MM-DD` flag, or fails as a usage error.
func parseDay(_ text: String, flag: String) throws(ReportError) -> Day {
    guard let d = Day(iso: text) else {
        throw ReportError(.usage, vi: "\(flag) \"\(text)\" không phải là ngày; hãy viết theo dạng YYYY-MM-DD",
                          en: "\(flag) \"\(text)\" is not a date; write it as YYYY-MM-DD")
    }
    return d
}

/// Parses a report date, which may not be after today in Vietnam (+07:00) by the run's clock (`--now` when given):
/// reports exist only for days that came.
func parseReportDay(_ text: String, flag: String, now: Timestamp?) throws(ReportError) -> Day {
    let today = (now ?? Timestamp(seconds: Int64(Date().timeIntervalSince1970))).vietnamDay
    let d = try parseDay(text, flag: flag)
    guard d <= today else {
        throw ReportError(.usage,
            vi: "\(flag) \(d.iso) là sau hôm nay (\(today.iso), giờ Việt Nam); chỉ có báo cáo cho những ngày đã đến — hãy kiểm tra lại ngày",
            en: "\(flag) \(d.iso) is after today (\(today.iso) in Vietnam); reports exist only for days that have come — check the date")
    }
    return d
}

/// Builds the runner, with a progress line when stderr is a terminal.
func makeRunner(_ options: CommonOptions) throws -> NightlyRun {
    let config = try options.config()
    let registries = try RegistryLoader.load(config.registryPaths)
    let runner = NightlyRun(config: config, registries: registries)
    Recorder.running(runner)
    runner.now = try options.clock()
    if isatty(2) == 1 {
        runner.progress = { line in FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8)) }
    }
    return runner
}

func finishProgress() {
    if isatty(2) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}

struct Run: ParsableCommand, SpeaksToAPerson {
    static let configuration = CommandConfiguration(
        abstract: "The nightly job: ingest new inbox files and export every report day from the earliest touched through D.")
    @OptionGroup var options: CommonOptions
    @Option(help: "The report date, YYYY-MM-DD, not after today (+07:00).") var date: String
    @Flag(help: "Walk every inbox folder, also those unchanged and older than the discovery horizon (done weekly on its own).")
    var fullScan = false

    var messageLanguage: Language { options.messageLanguage }

    func run() throws {
        Recorder.begin("run")
        // The runner first: once the configuration is read, even a bad date is on record in OUT.
        let runner = try makeRunner(options)
        let day = try parseReportDay(date, flag: "--date", now: runner.now)
        runner.fullScan = fullScan
        let summary = try runner.run(date: day, arguments: CommandLine.arguments)
        finishProgress()
        print(summary.line(for: day))
        for line in summary.detailLines { print(line) }
        try publishAfterRun(runner.config)
    }
}

struct Backfill: ParsableCommand, SpeaksToAPerson {
    static let configuration = CommandConfiguration(abstract: "Ingest new inbox files, then recompute every report day of a range.")
    @OptionGroup var options: CommonOptions
    @Option(help: "First report date, YYYY-MM-DD.") var from: String
    @Option(help: "Last report date, YYYY-MM-DD, not after today (+07:00).") var to: String
    @Flag(help: "Print the plan (dates, new files, what would be restated) and change nothing.") var dryRun = false
    @Flag(help: "Normalize the range's kept raw files again with the current registries (after a registry correction).")
    var reingest = false
    @Flag(help: "Walk every inbox folder, also those unchanged and older than the discovery horizon (done weekly on its own).")
    var fullScan = false

    var messageLanguage: Language { options.messageLanguage }

    func run() throws {
        if !dryRun { Recorder.begin("backfill") }
        let runner = try makeRunner(options)
        let first = try parseDay(from, flag: "--from"), last = try parseReportDay(to, flag: "--to", now: runner.now)
        runner.fullScan = fullScan
        if dryRun {
            for line in try runner.plan(from: first, to: last, reingest: reingest) { print(line) }
            return
        }
        let summary = try runner.backfill(from: first, to: last, reingest: reingest, arguments: CommandLine.arguments)
        finishProgress()
        print(summary.line(for: last))
        for line in summary.detailLines { print(line) }
        try publishAfterRun(runner.config)
    }
}

struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The archive of record.", subcommands: [Verify.self])

    struct Verify: ParsableCommand, SpeaksToAPerson {
        static let configuration = CommandConfiguration(
            abstract: "Re-hash every archive member against its manifest and the warehouse. Exit 0 when all match, 65 naming the first bad member.")
        @Option(help: "The output folder (default: the pipeline file's).") var out: String?
        @Option(help: "Only this report date's archive, YYYY-MM-DD.") var date: String?
        @Option(help: "The pipeline file.") var pipeline: String?
        @Option(help: "Language of messages: vi (default) or en.") var lang: String?

        var messageLanguage: Language { PipelineFlags.messageLanguage(lang: lang, pipeline: pipeline) }

        func run() throws {
            if let lang { _ = try PipelineFlags.language(lang) }
            var folder = out
            if folder == nil {
                let path = pipeline ?? PipelineConfig.defaultPath
                folder = try PipelineConfig.load(path: path).output
            }
            let day = try date.map { d throws(ReportError) in try parseDay(d, flag: "--date") }
            let report = try ArchiveVerifier.verify(out: folder!, date: day, language: messageLanguage)
            print(report.line(messageLanguage))
        }
    }
}

import ArgumentParser
import ReportPipeline

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The nightly job: ingest new inbox files and export report day D.")
    @OptionGroup var options: CommonOptions
    @Option(help: "The report date, YYYY-MM-DD.") var date: String
    func run() throws { DailyReports.fail(ReportError(.usage, "run is not built yet")) }
}

struct Backfill: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Recompute every report day of a range.")
    @OptionGroup var options: CommonOptions
    @Option var from: String
    @Option var to: String
    func run() throws { DailyReports.fail(ReportError(.usage, "backfill is not built yet")) }
}

struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The archive of record.")
}

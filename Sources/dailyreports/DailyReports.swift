import ArgumentParser
import Foundation
import ReportPipeline

@main
struct DailyReports: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dailyreports",
        abstract: "Gathers the daily reports of Vietnam's units into national summaries.",
        discussion: """
            Exit codes: 0 done (findings are data, not failure); 64 usage or configuration; \
            65 input too broken to use (validate: something was rejected); 75 lock held or \
            temporary failure, try later; 70 internal error.
            """,
        subcommands: [Run.self, Backfill.self, Validate.self, Archive.self])

    /// The one place that turns an error into a message and an exit status.
    static func fail(_ error: Error) -> Never {
        let message: String
        let code: Int32
        switch error {
        case let e as ReportError:
            message = e.description
            code = e.exitCode
        default:
            message = "internal error: \(error)"
            code = 70
        }
        FileHandle.standardError.write(Data("dailyreports: \(message)\n".utf8))
        Foundation.exit(code)
    }
}

import ArgumentParser
import Foundation
import ReportPipeline

@main
struct DailyReports: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dailyreports",
        abstract: "Gathers the daily reports of Vietnam's units into national summaries.",
        discussion: """
            Exit codes: 0 done (findings are data, not failure); 64 usage or configuration, or a path the job \
            may not write; 65 input too broken to use (validate: something was rejected); 74 damaged state \
            (the warehouse), refused; 75 lock held, full disk or a passing failure, try later; 70 internal error.
            """,
        version: BuildInfo.current.lines.joined(separator: "\n"),
        subcommands: [Run.self, Backfill.self, Report.self, Validate.self, Archive.self, Status.self, Publish.self])

    /// The one exit path: parse, run, and turn whatever is thrown into one message and one exit status.
    static func main() {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitUnparsed(error)
        }
        do {
            try command.run()
            let code = Recorder.finish(exitCode: 0, error: nil, language: (command as? SpeaksToAPerson)?.messageLanguage ?? .vi)
            if code != 0 { Foundation.exit(code) }
        } catch {
            finishProgress()
            fail(error, language: (command as? SpeaksToAPerson)?.messageLanguage ?? .vi)
        }
    }

    /// A command line that did not parse: the parser's message in the message language (help and version as they are).
    static func exitUnparsed(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        guard code != .success else { exit(withError: error) }
        let message = ParseErrorText.render(fullMessage(for: error), ParseErrorText.language(of: Array(CommandLine.arguments.dropFirst())))
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(code.rawValue)
    }

    /// Writes `dailyreports: MESSAGE` to stderr and exits with the documented status (contract §7).
    static func fail(_ error: any Error, language: Language) -> Never {
        switch error {
        case is ExitCode, is CleanExit:
            exit(withError: error)
        case is ValidationError:
            exitUnparsed(error)
        case _ where !(error is ReportError) && exitCode(for: error) == .success:
            // `--help` of a subcommand reaches here as ArgumentParser's own (internal) error: print the help.
            exit(withError: error)
        default:
            let e = ReportError(wrapping: error)
            FileHandle.standardError.write(Data("dailyreports: \(e.rendered(language))\n".utf8))
            Recorder.finish(exitCode: e.exitCode, error: e.rendered(language), language: language)
            Foundation.exit(e.exitCode)
        }
    }
}

/// A command that knows the language its messages are read in.
protocol SpeaksToAPerson {
    var messageLanguage: Language { get }
}

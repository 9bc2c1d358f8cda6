import ArgumentParser
import Foundation
import ReportPipeline

struct Validate: ParsableCommand, SpeaksToAPerson {
    static let configuration = CommandConfiguration(
        abstract: "Checks submission files as the pipeline would, and writes nothing.",
        discussion: "Prints FILE:LINE: REASON: detail per problem. Exit 0 when all is accepted, 65 when anything is rejected.")

    @OptionGroup var options: CommonOptions
    @Argument(help: "Submission files (.csv, .json, .csv.gz, .json.gz).") var files: [String]

    var messageLanguage: Language { options.messageLanguage }

    func run() throws {
        let config = try options.config()
        let registries = try RegistryLoader.load(config.registryPaths)
        let report = try Validator(registries: registries, config: config).validate(paths: files)
        var out = ""
        for line in report.lines { out += line + "\n" }
        // Notes (an unknown column, say) reject nothing: they go to stderr, so stdout lists only rejections.
        if !report.notes.isEmpty {
            FileHandle.standardError.write(Data(report.notes.map { $0 + "\n" }.joined().utf8))
        }
        out += "\(report.accepted) rows accepted, \(report.rejected) rejected\n"
        FileHandle.standardOutput.write(Data(out.utf8))
        if report.rejected > 0 {
            throw ReportError(.dataError, vi: "có \(report.rejected) dòng bị từ chối; hãy sửa các dòng nêu trên rồi gửi lại",
                              en: "\(report.rejected) row(s) rejected; fix the lines listed above and send the files again")
        }
    }
}

import ArgumentParser
import Foundation
import ReportPipeline

struct Status: ParsableCommand, SpeaksToAPerson {
    static let configuration = CommandConfiguration(
        abstract: "What an operator asks in the morning: last runs, pending and provisional dates, provinces, units missing for days.",
        discussion: "Reads only (the warehouse is opened read-only) and exits 0; a bad pipeline file or flag is 64.")

    @Option(help: "The output folder (default: the pipeline file's).") var out: String?
    @Option(help: "The pipeline file (default: \(PipelineConfig.defaultPath)).") var pipeline: String?
    @Option(help: "Language: vi (default) or en.") var lang: String?
    @Flag(help: "Print the report as JSON.") var json = false

    var messageLanguage: Language { PipelineFlags.messageLanguage(lang: lang, pipeline: pipeline) }

    func run() throws {
        let config = try PipelineFlags.load(pipeline)
        var language = config?.language ?? .vi
        if let lang { language = try PipelineFlags.language(lang) }
        guard let folder = out ?? config?.output else {
            throw ReportError(.usage, vi: "chưa biết thư mục kết quả: hãy dùng --out THƯ_MỤC hoặc --pipeline TỆP",
                              en: "no output folder: give --out DIR or --pipeline FILE")
        }
        let report = StatusReport.gather(out: URL(fileURLWithPath: folder).standardized, deadline: config?.deadline ?? .standard,
                                        language: language)
        if json {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try e.encode(report) + Data([0x0A]))
        } else {
            print(report.text(language), terminator: "")
        }
    }
}

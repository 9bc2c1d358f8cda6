import Foundation
import ReportModel
import ReportPipeline

/// How the commands read `--pipeline` and `--lang`: one rule for the pipeline file and one for the language.
enum PipelineFlags {
    /// The pipeline file's settings: `pipeline`, else the default file when present; nil when there is none.
    static func load(_ pipeline: String?) throws(ReportError) -> PipelineConfig? {
        if let pipeline { return try PipelineConfig.load(path: pipeline) }
        guard FileManager.default.fileExists(atPath: PipelineConfig.defaultPath) else { return nil }
        return try PipelineConfig.load(path: PipelineConfig.defaultPath)
    }

    /// The language `--lang` names; a usage error when it is neither vi nor en.
    static func language(_ lang: String) throws(ReportError) -> Language {
        guard let l = Language(rawValue: lang) else {
            throw ReportError(.usage, vi: "--lang \"\(lang)\" không phải vi hay en; hãy ghi --lang vi hoặc --lang en",
                              en: "--lang \"\(lang)\" is not vi or en; write --lang vi or --lang en")
        }
        return l
    }

    /// The language for messages: `--lang`, else the pipeline file's, else Vietnamese (whatever else is wrong).
    static func messageLanguage(lang: String?, pipeline: String?) -> Language {
        if let lang, let l = Language(rawValue: lang) { return l }
        return (try? PipelineConfig.load(path: pipeline ?? PipelineConfig.defaultPath))?.language ?? .vi
    }
}

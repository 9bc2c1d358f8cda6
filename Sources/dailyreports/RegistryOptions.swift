import ArgumentParser
import Foundation
import ReportPipeline

/// The flags that choose the pipeline file, the registries, how rows are read and the language: shared by the
/// pipeline's commands (`CommonOptions`) and `validate` (`ValidateOptions`).
struct RegistryOptions: ParsableArguments {
    @Option(help: "The pipeline file to take registries and settings from (default: \(PipelineConfig.defaultPath) when present).")
    var pipeline: String?
    @Option(help: "The unit registry CSV.") var units: String?
    @Option(help: "The procedure registry CSV.") var procedures: String?
    @Option(help: "The contact points CSV.") var contacts: String?
    @Option(help: "The holiday calendar CSV.") var calendar: String?
    @Option(help: "Largest submission once decompressed, in MiB.") var sizeLimitMib: Int?
    @Flag(help: "Reject rows whose reporter is no contact point of the unit or its province (else only flagged).")
    var rejectUnregisteredReporter = false
    @Option(help: "Language of messages and of the texts the exports write: vi (default) or en.") var lang: String?

    /// The language for messages: `--lang`, else the pipeline file's, else Vietnamese (whatever else is wrong).
    var messageLanguage: Language { PipelineFlags.messageLanguage(lang: lang, pipeline: pipeline) }

    /// The pipeline file's settings: `--pipeline`, else the default file when present; nil when there is none.
    func pipelineFile() throws(ReportError) -> PipelineConfig? { try PipelineFlags.load(pipeline) }

    /// Applies these flags over `c`'s settings.
    func apply(to c: inout PipelineConfig) throws(ReportError) {
        if let units { c.units = units }
        if let procedures { c.procedures = procedures }
        if let contacts { c.contacts = contacts }
        if let calendar { c.calendar = calendar }
        if let sizeLimitMib { c.sizeLimit = sizeLimitMib << 20 }
        if rejectUnregisteredReporter { c.rejectUnregisteredReporter = true }
        if let lang { c.language = try PipelineFlags.language(lang) }
    }
}

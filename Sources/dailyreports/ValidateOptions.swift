import ArgumentParser
import Foundation
import ReportPipeline

/// The flags `validate` uses: registries, size limit, reporter rule, language — not the inbox, output or checks.
struct ValidateOptions: ParsableArguments {
    @Option(help: "A pipeline file to take registries and settings from (default: \(PipelineConfig.defaultPath) when present, else the registries built into the program).")
    var pipeline: String?
    @Option(help: "The unit registry CSV.") var units: String?
    @Option(help: "The procedure registry CSV.") var procedures: String?
    @Option(help: "The contact points CSV.") var contacts: String?
    @Option(help: "The holiday calendar CSV.") var calendar: String?
    @Option(help: "Largest submission once decompressed, in MiB.") var sizeLimitMib: Int?
    @Flag(help: "Reject rows whose reporter is no contact point of the unit or its province (else only flagged).")
    var rejectUnregisteredReporter = false
    @Option(help: "Language of messages: vi (default) or en.") var lang: String?

    var messageLanguage: Language {
        if let lang, let l = Language(rawValue: lang) { return l }
        return (try? PipelineConfig.load(path: pipeline ?? PipelineConfig.defaultPath))?.language ?? .vi
    }

    /// The settings, and whether registries built into the program fill what no file names.
    func config() throws(ReportError) -> (config: PipelineConfig, builtIn: Bool) {
        var c: PipelineConfig
        var builtIn = false
        if let pipeline {
            c = try PipelineConfig.load(path: pipeline)
        } else if FileManager.default.fileExists(atPath: PipelineConfig.defaultPath) {
            c = try PipelineConfig.load(path: PipelineConfig.defaultPath)
        } else {
            // Outside the project folder: a commune officer's machine has no pipeline file.
            let paths = BuiltInRegistries.paths
            c = PipelineConfig(units: paths.units, procedures: paths.procedures, contacts: paths.contacts,
                               calendar: paths.calendar, inbox: "inbox", output: "out")
            builtIn = true
        }
        if let units { c.units = units }
        if let procedures { c.procedures = procedures }
        if let contacts { c.contacts = contacts }
        if let calendar { c.calendar = calendar }
        if let sizeLimitMib { c.sizeLimit = sizeLimitMib << 20 }
        if rejectUnregisteredReporter { c.rejectUnregisteredReporter = true }
        if let lang {
            guard let l = Language(rawValue: lang) else {
                throw ReportError(.usage, vi: "--lang \"\(lang)\" không phải vi hay en; hãy ghi --lang vi hoặc --lang en",
                                  en: "--lang \"\(lang)\" is not vi or en; write --lang vi or --lang en")
            }
            c.language = l
        }
        try c.checkLimits(in: nil)
        return (c, builtIn && [c.units, c.procedures, c.contacts, c.calendar ?? ""].contains { $0.hasPrefix("builtin:") })
    }
}

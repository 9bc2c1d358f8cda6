import ArgumentParser
import Foundation
import ReportPipeline

/// The flags `validate` uses: registries, size limit, reporter rule, language — not the inbox, output or checks.
struct ValidateOptions: ParsableArguments {
    @OptionGroup var registry: RegistryOptions

    /// The language for messages (see `RegistryOptions`).
    var messageLanguage: Language { registry.messageLanguage }

    /// The settings, and whether registries built into the program fill what no file names.
    func config() throws(ReportError) -> (config: PipelineConfig, builtIn: Bool) {
        var c: PipelineConfig
        var builtIn = false
        if let file = try registry.pipelineFile() {
            c = file
        } else {
            // Outside the project folder: a commune officer's machine has no pipeline file.
            let paths = BuiltInRegistries.paths
            c = PipelineConfig(units: paths.units, procedures: paths.procedures, contacts: paths.contacts,
                               calendar: paths.calendar, inbox: "inbox", output: "out")
            builtIn = true
        }
        try registry.apply(to: &c)
        try c.checkLimits(in: nil)
        return (c, builtIn && [c.units, c.procedures, c.contacts, c.calendar ?? ""].contains { $0.hasPrefix("builtin:") })
    }
}

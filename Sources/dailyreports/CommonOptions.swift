import ArgumentParser
import Foundation
import ReportPipeline

/// Flags every command shares; each overrides the pipeline file.
struct CommonOptions: ParsableArguments {
    @OptionGroup var registry: RegistryOptions
    @Option(help: "The inbox folder.") var inbox: String?
    @Option(help: "The output folder.") var out: String?
    @Option(help: "The deadline, HH:MM +07:00 on the next calendar day (or '+N HH:MM').") var deadline: String?
    @Option(help: "Outlier check: report days of history before D.") var outlierWindow: Int?
    @Option(help: "Outlier check: no flag with fewer days of history.") var outlierMinHistory: Int?
    @Option(help: "Outlier check: |x − expected| / scale above which a value is flagged.") var outlierThreshold: Double?
    @Option(help: "Outlier check: and at least this many dossiers away.") var outlierMinDifference: Int?
    @Option(help: "Where to write the metrics file (default: OUT/metrics/dailyreports.prom).") var metricsFile: String?
    @Option(help: "Discovery walks again every inbox folder changed within this many days of the run's clock (default 7).")
    var discoveryHorizonDays: Int?
    @Option(help: "The run's clock, e.g. 2026-12-01T10:30:00+07:00 (tests, replays); default: the system clock.")
    var now: String?

    /// `--now` as an instant, nil when not given.
    func clock() throws(ReportError) -> Timestamp? {
        guard let now else { return nil }
        guard let t = Timestamp(parsing: now) else {
            throw ReportError(.usage, vi: "--now \"\(now)\" không phải là một thời điểm; hãy viết theo dạng 2026-12-01T10:30:00+07:00",
                              en: "--now \"\(now)\" is not a time; write it as 2026-12-01T10:30:00+07:00")
        }
        return t
    }

    /// The language for messages (see `RegistryOptions`).
    var messageLanguage: Language { registry.messageLanguage }

    /// The pipeline file's settings with these flags applied.
    func config() throws(ReportError) -> PipelineConfig {
        var c = try registry.pipelineFile()
            ?? PipelineConfig(units: "", procedures: "", contacts: "", calendar: nil, inbox: "inbox", output: "out")
        if let inbox { c.inbox = inbox }
        if let out { c.output = out }
        if let metricsFile { c.metricsFile = metricsFile }
        Recorder.configured(c)
        try registry.apply(to: &c)
        if let outlierWindow { c.outlier.window = outlierWindow }
        if let outlierMinHistory { c.outlier.minHistory = outlierMinHistory }
        if let outlierThreshold { c.outlier.threshold = outlierThreshold }
        if let outlierMinDifference { c.outlier.minDifference = outlierMinDifference }
        if let discoveryHorizonDays { c.discoveryHorizonDays = discoveryHorizonDays }
        if let deadline {
            guard let d = Deadline(parsing: deadline) else {
                throw ReportError(.usage, vi: "--deadline \"\(deadline)\" không có dạng HH:MM hay '+N HH:MM'; hãy ghi ví dụ 10:00",
                                  en: "--deadline \"\(deadline)\" is not HH:MM or '+N HH:MM'; write e.g. 10:00")
            }
            c.deadline = d
        }
        for (name, path) in [("--units", c.units), ("--procedures", c.procedures), ("--contacts", c.contacts)] where path.isEmpty {
            throw ReportError(.usage, vi: "chưa có danh mục \(name); hãy dùng \(name) hoặc một tệp pipeline nêu danh mục này",
                              en: "no \(name) registry is set; give \(name) or a pipeline file that names it")
        }
        try c.checkLimits(in: nil)
        return c
    }
}


import Foundation
import ReportModel
import ReportChecks
import Yams

/// The settings of a pipeline, read from a file under `Pipelines/` and overridden by flags.
public struct PipelineConfig: Sendable {
    public var units: String
    public var procedures: String
    public var contacts: String
    public var calendar: String?
    public var inbox: String
    public var output: String
    public var deadline: Deadline
    /// Largest submission once decompressed, in bytes.
    public var sizeLimit: Int
    /// Turn the `unregistered_reporter` check into a row reject.
    public var rejectUnregisteredReporter: Bool
    public var outlier: OutlierSettings
    /// The language of messages, pages and workbooks (`language`, `--lang`).
    public var language: Language = .vi
    /// Where the metrics file goes (`metrics_file`, `--metrics-file`); nil: `OUTPUT/metrics/dailyreports.prom`.
    public var metricsFile: String?
    /// Where `run` and `backfill` publish the warehouse afterwards (`postgres_url`; `publish --postgres`).
    public var postgresURL: String?
    /// Discovery skips a folder seen unchanged by an earlier run only when its time is older than this many days
    /// before the run's clock (`discovery_horizon_days`, `--discovery-horizon-days`; see docs/DECISIONS.md).
    public var discoveryHorizonDays = 7
    /// A WAL larger than this after a commit is copied into the warehouse before the next unit of work
    /// (`wal_checkpoint_mib`), so a backfill's disk stays bounded.
    public var walCheckpointBytes: Int64 = 64 << 20

    /// The checks' settings, from `outlier`.
    public var checks: CheckSettings {
        var c = CheckSettings()
        c.outlierWindow = outlier.window
        c.outlierMinHistory = outlier.minHistory
        c.outlierMinSameWeekday = outlier.minSameWeekday
        c.outlierThreshold = outlier.threshold
        c.outlierMinDifference = outlier.minDifference
        c.language = language
        return c
    }

    /// Settings of the `outlier` check.
    public struct OutlierSettings: Sendable, Codable, Equatable {
        /// Report days of history before D.
        public var window: Int = 28
        /// No flag with fewer days of history.
        public var minHistory: Int = 7
        /// Same-weekday values needed to use them for the expectation.
        public var minSameWeekday: Int = 3
        /// |x − expected| / scale above which a value is flagged.
        public var threshold: Double = 3.5
        /// And at least this many dossiers away.
        public var minDifference: Int = 5

        public init() {}

        enum CodingKeys: String, CodingKey {
            case window, threshold
            case minHistory = "min_history"
            case minSameWeekday = "min_same_weekday"
            case minDifference = "min_difference"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            window = try c.decodeIfPresent(Int.self, forKey: .window) ?? 28
            minHistory = try c.decodeIfPresent(Int.self, forKey: .minHistory) ?? 7
            minSameWeekday = try c.decodeIfPresent(Int.self, forKey: .minSameWeekday) ?? 3
            threshold = try c.decodeIfPresent(Double.self, forKey: .threshold) ?? 3.5
            minDifference = try c.decodeIfPresent(Int.self, forKey: .minDifference) ?? 5
        }
    }

    public init(units: String, procedures: String, contacts: String, calendar: String?, inbox: String, output: String,
                deadline: Deadline = .standard, sizeLimit: Int = 64 << 20, rejectUnregisteredReporter: Bool = false,
                outlier: OutlierSettings = OutlierSettings()) {
        self.units = units; self.procedures = procedures; self.contacts = contacts; self.calendar = calendar
        self.inbox = inbox; self.output = output; self.deadline = deadline; self.sizeLimit = sizeLimit
        self.rejectUnregisteredReporter = rejectUnregisteredReporter; self.outlier = outlier
    }

    /// The file the pipeline's settings are read from when none is named.
    public static let defaultPath = "Pipelines/national-daily.yaml"

    /// Reads a pipeline file; relative paths in it are relative to the file's folder.
    public static func load(path: String) throws(ReportError) -> PipelineConfig {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ReportError(.usage, vi: "không đọc được tệp pipeline \(path); hãy chỉ ra tệp bằng --pipeline hoặc chạy từ thư mục dự án",
                              en: "cannot read the pipeline file \(path); give one with --pipeline or run from the project folder")
        }
        let file: PipelineFile
        do {
            try checkKeys(of: try Yams.load(yaml: text), path: path)
            file = try YAMLDecoder().decode(PipelineFile.self, from: text)
        } catch let e as ReportError {
            throw e
        } catch {
            throw invalidFile(error, text: text, path: path)
        }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let base = URL(fileURLWithPath: absolute).deletingLastPathComponent()
        func resolve(_ p: String?) -> String? {
            guard let p, !p.isEmpty else { return nil }
            return p.hasPrefix("/") ? p : base.appendingPathComponent(p).standardized.path
        }
        var deadline = Deadline.standard
        if let d = file.deadline {
            guard let parsed = Deadline(parsing: d) else {
                throw ReportError(.usage, vi: "hạn nộp \"\(d)\" không có dạng HH:MM hay +N HH:MM; hãy sửa trong tệp pipeline",
                                  en: "deadline \"\(d)\" is not HH:MM or +N HH:MM; fix it in the pipeline file", location: path)
            }
            deadline = parsed
        }
        var config = PipelineConfig(
            units: resolve(file.registries.units) ?? "", procedures: resolve(file.registries.procedures) ?? "",
            contacts: resolve(file.registries.contacts) ?? "", calendar: resolve(file.registries.calendar),
            inbox: resolve(file.inbox) ?? "inbox", output: resolve(file.output) ?? "out", deadline: deadline,
            sizeLimit: (file.sizeLimitMiB ?? 64) << 20,
            rejectUnregisteredReporter: file.rejectUnregisteredReporter ?? false,
            outlier: file.checks?.outlier ?? OutlierSettings())
        config.metricsFile = resolve(file.metricsFile)
        if let lang = file.language {
            guard let parsed = Language(rawValue: lang) else {
                throw ReportError(.usage, vi: "ngôn ngữ \"\(lang)\" không phải vi hay en; hãy sửa trong tệp pipeline",
                                  en: "language \"\(lang)\" is not vi or en; fix it in the pipeline file", location: path)
            }
            config.language = parsed
        }
        config.postgresURL = file.postgresURL.flatMap { $0.isEmpty ? nil : $0 }
        if let w = file.walCheckpointMiB { config.walCheckpointBytes = Int64(w) << 20 }
        if let h = file.discoveryHorizonDays { config.discoveryHorizonDays = h }
        try config.checkLimits(in: path)
        return config
    }

    /// Limits a person can get wrong: a size limit below 1 MiB, outlier settings that cannot work.
    /// `place` is the pipeline file, or nil for the flags.
    public func checkLimits(in place: String?) throws(ReportError) {
        func fail(_ setting: String, _ flag: String, _ vi: String, _ en: String) throws(ReportError) {
            let name = place == nil ? flag : setting
            throw ReportError(.usage, vi: "\(name): \(vi)", en: "\(name): \(en)", location: place)
        }
        if sizeLimit < 1 << 20 {
            try fail("size_limit_mib", "--size-limit-mib", "giới hạn dưới 1 MiB sẽ từ chối mọi tệp; hãy ghi từ 1 trở lên (mặc định 64)",
                     "a limit below 1 MiB would reject every file; give 1 or more (the default is 64)")
        }
        if outlier.window < 1 {
            try fail("checks.outlier.window", "--outlier-window", "cần ít nhất 1 ngày báo cáo", "needs at least 1 report day")
        }
        if outlier.minHistory < 0 || outlier.minSameWeekday < 0 || outlier.minDifference < 0 {
            try fail("checks.outlier", "--outlier-min-history/--outlier-min-difference", "các giá trị tối thiểu không được âm",
                     "the minimums may not be negative")
        }
        if !(outlier.threshold > 0) || !outlier.threshold.isFinite {
            try fail("checks.outlier.threshold", "--outlier-threshold", "ngưỡng phải là số dương", "the threshold must be a positive number")
        }
        if discoveryHorizonDays < 1 || discoveryHorizonDays > 366 {
            try fail("discovery_horizon_days", "--discovery-horizon-days",
                     "cần từ 1 đến 366 ngày (mặc định 7): thư mục không đổi và cũ hơn chừng ấy ngày thì không được duyệt lại mỗi đêm",
                     "give 1 to 366 days (the default is 7): folders unchanged and older than that are not walked again each night")
        }
        if walCheckpointBytes < 0 {
            try fail("wal_checkpoint_mib", "wal_checkpoint_mib", "không được âm; hãy ghi 0 trở lên (mặc định 64)",
                     "may not be negative; give 0 or more (the default is 64)")
        }
    }

    /// The settings a pipeline file may hold, by section.
    static let knownKeys: [String: Set<String>] = [
        "": ["registries", "inbox", "output", "deadline", "size_limit_mib", "reject_unregistered_reporter", "checks", "language",
             "metrics_file", "postgres_url", "wal_checkpoint_mib", "discovery_horizon_days"],
        "registries": ["units", "procedures", "contacts", "calendar"],
        "checks": ["outlier"],
        "checks.outlier": ["window", "min_history", "min_same_weekday", "threshold", "min_difference"],
    ]

    /// A misspelt setting would silently keep its default: name it instead.
    static func checkKeys(of node: Any?, path: String, section: String = "") throws(ReportError) {
        guard let map = node as? [AnyHashable: Any], let known = knownKeys[section] else { return }
        for (key, value) in map {
            let name = "\(key)"
            guard known.contains(name) else {
                let names = known.sorted().joined(separator: ", ")
                throw ReportError(.usage, vi: "thiết lập \"\(name)\"\(section.isEmpty ? "" : " trong mục \(section)") không có trong tệp pipeline; "
                                      + "các thiết lập ở đó là: \(names)",
                                  en: "unknown setting \"\(name)\"\(section.isEmpty ? "" : " under \(section)") in the pipeline file; "
                                      + "the settings there are: \(names)",
                                  location: path)
            }
            try checkKeys(of: value, path: path, section: section.isEmpty ? name : section + "." + name)
        }
    }

    /// The registry paths, for the loader.
    public var registryPaths: RegistryLoaderPaths {
        RegistryLoaderPaths(units: units, procedures: procedures, contacts: contacts, calendar: calendar)
    }
}

/// The YAML shape of a pipeline file.
struct PipelineFile: Decodable {
    struct RegistryFiles: Decodable {
        var units: String?
        var procedures: String?
        var contacts: String?
        var calendar: String?
    }
    struct Checks: Decodable {
        var outlier: PipelineConfig.OutlierSettings?
    }

    var registries: RegistryFiles
    var inbox: String?
    var output: String?
    var deadline: String?
    var sizeLimitMiB: Int?
    var rejectUnregisteredReporter: Bool?
    var checks: Checks?
    var language: String?
    var metricsFile: String?
    var postgresURL: String?
    var walCheckpointMiB: Int?
    var discoveryHorizonDays: Int?

    enum CodingKeys: String, CodingKey {
        case registries, inbox, output, deadline, checks, language
        case walCheckpointMiB = "wal_checkpoint_mib"
        case discoveryHorizonDays = "discovery_horizon_days"
        case metricsFile = "metrics_file"
        case postgresURL = "postgres_url"
        case sizeLimitMiB = "size_limit_mib"
        case rejectUnregisteredReporter = "reject_unregistered_reporter"
    }
}

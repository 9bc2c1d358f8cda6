import Foundation
import ReportIngest
import ReportModel

/// `validate`: the check a unit runs before sending; reads files, writes nothing.
public struct Validator: Sendable {
    public let ingester: FileIngester

    public init(registries: Registries, config: PipelineConfig) {
        ingester = FileIngester(registries: registries, sizeLimit: config.sizeLimit,
                                rejectUnregisteredReporter: config.rejectUnregisteredReporter,
                                language: config.language)
    }

    /// The result of validating some files.
    public struct Report: Sendable {
        /// One line per problem: `FILE:LINE: REASON: detail`.
        public var lines: [String] = []
        public var accepted = 0
        public var rejected = 0
        public var notes: [String] = []
    }

    /// Validates each file as a submission received now (or at its modification time).
    public func validate(paths: [String]) throws(ReportError) -> Report {
        var report = Report()
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ReportError(.usage, vi: "không đọc được \(path); hãy kiểm tra đường dẫn", en: "cannot read \(path); check the path")
            }
            let mtime = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
            let received = Timestamp(seconds: Int64(mtime.timeIntervalSince1970))
            let outcome = ingester.ingest(Array(data), file: path, receivedAt: received)
            for r in outcome.rejects.sorted(by: { ($0.line, $0.reason.rawValue) < ($1.line, $1.reason.rawValue) }) {
                report.lines.append("\(path):\(r.line): \(r.reason.rawValue): \(r.detail)")
            }
            // A file rejected whole counts once, like a row.
            report.rejected += outcome.rejects.count
            report.accepted += outcome.rows.count
            for n in outcome.notes { report.notes.append("\(path):\(n.line): note: \(n.kind): \(n.detail)") }
        }
        return report
    }
}

import Foundation
import ReportModel

/// How fast recent runs went, from the stage lines of `OUT/run-log.jsonl`: what `backfill --dry-run` estimates
/// a plan's time from.
struct Throughput: Sendable, Equatable {
    /// Rows read and normalized per second of the `ingest` (and `reingest`) stages.
    var rowsPerSecond: Double
    /// Seconds per report day of the `check`, `aggregate` and `export` stages.
    var secondsPerDay: Double

    /// Runs whose stage lines are averaged (the latest ones).
    static let runsConsidered = 5

    /// The throughput of the last runs that ingested rows and computed days, nil without such runs.
    static func recent(runLog: URL) -> Throughput? {
        guard let data = FileManager.default.contents(atPath: runLog.path) else { return nil }
        var ingest: [Int64: (rows: Int, seconds: Double)] = [:]
        var days: [Int64: (days: Set<String>, seconds: Double)] = [:]
        for line in data.split(separator: 0x0A) {
            guard let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let run = (o["run"] as? NSNumber)?.int64Value, let stage = o["stage"] as? String,
                  let seconds = (o["duration_s"] as? NSNumber)?.doubleValue else { continue }
            let counts = o["counts"] as? [String: Int] ?? [:]
            switch stage {
            case "ingest":
                let rows = (counts["rows_accepted"] ?? 0) + (counts["rows_rejected"] ?? 0)
                if rows > 0 { ingest[run, default: (0, 0)].rows += rows; ingest[run, default: (0, 0)].seconds += seconds }
            case "check", "aggregate", "export":
                guard let date = o["date"] as? String else { continue }
                days[run, default: ([], 0)].days.insert(date)
                days[run, default: ([], 0)].seconds += seconds
            default: continue
            }
        }
        let i = ingest.keys.sorted().suffix(runsConsidered).compactMap { ingest[$0] }
        let d = days.keys.sorted().suffix(runsConsidered).compactMap { days[$0] }
        let rows = i.reduce(0) { $0 + $1.rows }, rowSeconds = i.reduce(0) { $0 + $1.seconds }
        let dayCount = d.reduce(0) { $0 + $1.days.count }, daySeconds = d.reduce(0) { $0 + $1.seconds }
        guard rows > 0, rowSeconds > 0, dayCount > 0 else { return nil }
        return Throughput(rowsPerSecond: Double(rows) / rowSeconds, secondsPerDay: daySeconds / Double(dayCount))
    }

    /// The estimated seconds to read `rows` rows and compute `days` report days.
    func seconds(rows: Int, days: Int) -> Double {
        Double(rows) / rowsPerSecond + Double(days) * secondsPerDay
    }

    /// `1 min 20 s`, `12 s`, `0.4 s` (Vietnamese: `1 phút 20 giây`).
    static func describe(_ seconds: Double, _ l: Language = .vi) -> String {
        let (sec, min, hour) = l == .vi ? ("giây", "phút", "giờ") : ("s", "min", "h")
        if seconds < 10 { return String(format: "%.1f", seconds) + " \(sec)" }
        let s = Int(seconds.rounded())
        return s < 60 ? "\(s) \(sec)" : s < 3600 ? "\(s / 60) \(min) \(s % 60) \(sec)" : "\(s / 3600) \(hour) \(s % 3600 / 60) \(min)"
    }
}

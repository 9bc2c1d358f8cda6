import Foundation
import ReportModel

/// Appends one JSON line per stage to `OUT/run-log.jsonl`: run, stage, start, end, duration, counts.
struct RunLog {
    let url: URL
    let runId: Int64

    /// Times `body` and logs it as `stage` with the counts it returns.
    func stage<T>(_ stage: Stage, day: Day? = nil, _ body: () throws -> (T, [String: Int])) throws -> T {
        let start = Date()
        let (value, counts) = try body()
        record(stage, day: day, start: start, end: Date(), counts: counts)
        return value
    }

    /// Logs `stage` as having run from `start` to `end` (work done on another thread, logged by the run's).
    func record(_ stage: Stage, day: Day? = nil, start: Date, end: Date, counts: [String: Int]) {
        var entry: [String: Any] = [
            "run": runId, "stage": stage.name, "start": Self.iso(start), "end": Self.iso(end),
            "duration_s": (end.timeIntervalSince(start) * 1000).rounded() / 1000, "counts": counts,
        ]
        if let day { entry["date"] = day.iso }
        Self.append(entry, to: url)
    }

    /// Appends `entry` as one JSON line (one `write` on an `O_APPEND` file: lines of concurrent runs never mix).
    static func append(_ entry: [String: Any], to url: URL) {
        guard let data = try? JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return }
        append(data + Data([0x0A]), to: url)
    }

    private static func append(_ data: Data, to url: URL) {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    static func iso(_ d: Date) -> String {
        Timestamp(seconds: Int64(d.timeIntervalSince1970)).iso
    }
}

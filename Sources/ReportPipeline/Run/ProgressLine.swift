import Foundation
import ReportModel

/// The progress line a terminal shows: a bar, what is done of the total, rows/s and the time left.
enum ProgressLine {
    static func days(done: Int, of total: Int, day: Day, rows: Int, elapsed: TimeInterval) -> String {
        line(done: done, of: total, unit: "days", now: day.iso, rows: rows, elapsed: elapsed)
    }

    static func files(done: Int, of total: Int, rows: Int, elapsed: TimeInterval) -> String {
        line(done: done, of: total, unit: "files", now: "ingesting", rows: rows, elapsed: elapsed)
    }

    static func reingest(done: Int, of total: Int, elapsed: TimeInterval) -> String {
        var s = line(done: done, of: total, unit: "files", now: "re-ingesting kept files", rows: 0, elapsed: 0)
        if elapsed > 0.5, done > 0 {
            s += "  \(Int(Double(done) / elapsed)) files/s"
            if done < total { s += "  ~\(Int((elapsed / Double(done) * Double(total - done)).rounded()))s left" }
        }
        return s
    }

    static func line(done: Int, of total: Int, unit: String, now: String, rows: Int, elapsed: TimeInterval) -> String {
        let width = 24
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var s = "\(bar) \(done)/\(total) \(unit)  \(now)"
        if elapsed > 0.5 {
            s += "  \(Int(Double(rows) / elapsed)) rows/s"
            if done > 0, done < total {
                s += "  ~\(Int((elapsed / Double(done) * Double(total - done)).rounded()))s left"
            }
        }
        return s
    }
}

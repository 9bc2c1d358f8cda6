import Foundation
import ReportModel

/// The progress line a terminal shows: a bar, what is done of the total, rows/s and the time left.
enum ProgressLine {
    static func days(done: Int, of total: Int, day: Day, rows: Int, elapsed: TimeInterval, language l: Language = .vi) -> String {
        line(done: done, of: total, unit: l.pick(vi: "ngày", en: "days"), now: day.iso, rows: rows, elapsed: elapsed, language: l)
    }

    static func files(done: Int, of total: Int, rows: Int, elapsed: TimeInterval, language l: Language = .vi) -> String {
        line(done: done, of: total, unit: l.pick(vi: "tệp", en: "files"), now: l.pick(vi: "đang nhập", en: "ingesting"),
             rows: rows, elapsed: elapsed, language: l)
    }

    static func reingest(done: Int, of total: Int, elapsed: TimeInterval, language l: Language = .vi) -> String {
        var s = line(done: done, of: total, unit: l.pick(vi: "tệp", en: "files"),
                     now: l.pick(vi: "đang đọc lại các tệp đã lưu", en: "re-ingesting kept files"), rows: 0, elapsed: 0, language: l)
        if elapsed > 0.5, done > 0 {
            s += l.pick(vi: "  \(Int(Double(done) / elapsed)) tệp/giây", en: "  \(Int(Double(done) / elapsed)) files/s")
            if done < total { s += left(elapsed / Double(done) * Double(total - done), l) }
        }
        return s
    }

    static func line(done: Int, of total: Int, unit: String, now: String, rows: Int, elapsed: TimeInterval,
                     language l: Language = .vi) -> String {
        let width = 24
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var s = "\(bar) \(done)/\(total) \(unit)  \(now)"
        if elapsed > 0.5 {
            s += l.pick(vi: "  \(Int(Double(rows) / elapsed)) dòng/giây", en: "  \(Int(Double(rows) / elapsed)) rows/s")
            if done > 0, done < total { s += left(elapsed / Double(done) * Double(total - done), l) }
        }
        return s
    }

    /// `  ~12s left`.
    static func left(_ seconds: Double, _ l: Language) -> String {
        let s = Int(seconds.rounded())
        return l.pick(vi: "  còn ~\(s) giây", en: "  ~\(s)s left")
    }
}

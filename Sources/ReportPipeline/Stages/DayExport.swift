import Foundation
import ReportExport
import ReportModel
import ReportWarehouse

/// A report day's exports between the warehouse and the folder (stage 8): read from the warehouse on the run's
/// thread, rendered and published on another (while the next day is checked), recorded on the run's thread.
struct DayExport: Sendable {
    var input: DayExportInput
    var figures: DayFigures
    /// `OUT/exports/DATE`.
    var folder: URL
    /// `national_summary.csv` as this run renders it (rendered first: the restatements compare it).
    var nationalSummary: [UInt8]
    /// The figures that changed since the day was last published, with their cause.
    var restatements: [Restatement]
    var unitNames: [String: String]
    var provinceOf: [String: String]
    var calendar: ReportCalendar

    var day: Day { input.aggregate.day }
}

extension DayExport {
    /// When the day's files were rendered and published, for the run log.
    struct Timing: Sendable {
        var start: Date
        var end: Date
        var files: Int
    }
}

import ReportChecks
import ReportModel

extension NightlyRun {
    /// What stage 6 found of a day, and what it read that the sums need again.
    struct CheckedDay {
        var today: DayReports
        var findings: [Finding]
        var unitReports: [UnitReport]
    }
}

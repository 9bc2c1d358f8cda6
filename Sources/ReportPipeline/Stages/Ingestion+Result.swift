import ReportModel

extension Ingestion {
    /// What loading found, for the run's summary and the days to recompute.
    struct Result {
        var files = 0
        var unread: [String] = []
        var duplicates = 0
        var rowsAccepted = 0
        var rowsRejected = 0
        /// Dates that received new files (rows, reports, rejects or duplicates): their archives change.
        var touchedDates = Set<Day>()
        /// Dates that received new accepted rows or reports: their figures, and later days' checks, change.
        var rowDates = Set<Day>()
        /// The packs this run kept new copies in (its copies were hashed as they were read).
        var packsWritten = Set<String>()
    }
}

import ReportModel

/// What the rules see of a report day: its counts, its history, its submissions and the registries.
public struct CheckContext: Sendable {
    /// The report day being checked.
    public let today: DayReports
    /// The previous report day's counts, when the history holds exactly that day.
    public let previous: DayReports?
    /// Up to `settings.outlierWindow` history days before today, oldest first.
    public let window: ArraySlice<DayReports>
    /// Today's unit reports (one per file × unit, reporter included).
    public let unitReports: [UnitReport]
    public let registries: Registries
    public let settings: CheckSettings

    /// Builds the context; `history` is oldest first, and days on or after today are ignored.
    public init(today: DayReports, previousReportDay: Day?, history: [DayReports], unitReports: [UnitReport],
                registries: Registries, settings: CheckSettings) {
        var past = history[...]
        while let last = past.last, last.day >= today.day { past = past.dropLast() }
        self.today = today
        if let previousReportDay, let last = past.last, last.day == previousReportDay {
            previous = last
        } else {
            previous = nil
        }
        window = past.suffix(max(0, settings.outlierWindow))
        self.unitReports = unitReports
        self.registries = registries
        self.settings = settings
    }
}

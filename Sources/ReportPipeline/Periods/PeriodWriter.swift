import Foundation
import ReportExport
import ReportModel
import ReportWarehouse

/// Writes a period's folder `exports/periods/P/` from the warehouse's published daily figures (contract §6).
struct PeriodWriter {
    let out: URL
    let registries: Registries
    /// The workbook's (`--lang`).
    let language: Language

    /// Why a period could not be written.
    enum Gap: Error {
        /// No report day of the period has been exported yet.
        case nothingExported
        /// Report days inside what the period covers were never exported.
        case unexported([Day])
    }

    var folder: URL { out.appendingPathComponent("exports").appendingPathComponent("periods") }

    /// The report days `period` covers: all of them once over, else those through the last exported one.
    func coveredDays(_ period: Period, warehouse: Warehouse) throws -> Result<[Day], Gap> {
        let days = registries.calendar.reportDays(from: period.start, to: period.end)
        guard let last = try warehouse.lastDayFiguresDay() else { return .failure(.nothingExported) }
        let covered = days.filter { $0 <= last }
        guard let first = covered.first else { return .failure(.nothingExported) }
        let published = Set(try warehouse.dayFiguresDays(from: first, through: covered[covered.count - 1]))
        let gaps = covered.filter { !published.contains($0) }
        return gaps.isEmpty ? .success(covered) : .failure(.unexported(gaps))
    }

    /// The period's figures, or the gap that prevents them.
    func aggregate(_ period: Period, warehouse: Warehouse) throws -> Result<PeriodAggregate, Gap> {
        switch try coveredDays(period, warehouse: warehouse) {
        case .failure(let gap):
            return .failure(gap)
        case .success(let days):
            let wanted = Set(days)
            let daily = try warehouse.dayFigures(from: days[0], through: days[days.count - 1]).filter { wanted.contains($0.day) }
            return .success(PeriodAggregation.aggregate(period: period, daily: daily, registries: registries))
        }
    }

    /// Renders every file of the period and swaps the folder in whole.
    func write(_ aggregate: PeriodAggregate) throws {
        let input = PeriodExportInput(aggregate: aggregate, registries: registries, language: language)
        let files = try PeriodExporters.all.map { ($0.fileName, try $0.render(input)) }
        try AtomicDirectory.publish(build: { tmp in
            for (name, bytes) in files { try Data(bytes).write(to: tmp.appendingPathComponent(name)) }
        }, at: folder.appendingPathComponent(aggregate.period.name))
    }

    /// The periods already written under `exports/periods/`.
    func writtenPeriods() -> [Period] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.compactMap { Period(parsing: $0) }.sorted { ($0.start, $0.name) < ($1.start, $1.name) }
    }

    /// What `run` writes after recomputing `days`: the weeks and months whose last report day is now exported,
    /// and every period already written that holds one of the days. Periods with an unexported day are skipped.
    func writeAfterRun(recomputed days: [Day], warehouse: Warehouse) throws -> (written: Int, skipped: Int) {
        guard let last = try warehouse.lastDayFiguresDay() else { return (0, 0) }
        var periods: [String: Period] = [:]
        let reportDays = days.filter(registries.calendar.isReportDay)
        for d in reportDays {
            for p in [Period.week(containing: d), Period.month(containing: d)] {
                if let end = registries.calendar.reportDays(from: p.start, to: p.end).last, end <= last { periods[p.name] = p }
            }
        }
        for p in writtenPeriods() where reportDays.contains(where: p.contains) { periods[p.name] = p }
        var written = 0, skipped = 0
        for name in periods.keys.sorted() {
            switch try aggregate(periods[name]!, warehouse: warehouse) {
            case .success(let a):
                try write(a)
                written += 1
            case .failure:
                skipped += 1
            }
        }
        return (written, skipped)
    }
}

import Foundation
import ReportModel
import ReportWarehouse

extension NightlyRun {
    /// `report --period P`: writes `exports/periods/P/` from the published daily figures; returns the folder.
    public func report(period: Period) throws -> (folder: String, days: [Day]) {
        let warehousePath = out.appendingPathComponent("warehouse.sqlite").path
        guard FileManager.default.fileExists(atPath: warehousePath) else {
            throw ReportError(.usage, "no warehouse in \(out.path): nothing has been exported there yet; run `dailyreports run` or `backfill` first, or give the right --out")
        }
        let lock = try RunLock(folder: out)
        defer { withExtendedLifetime(lock) {} }
        let warehouse = try openWarehouse()
        let writer = PeriodWriter(out: out, registries: registries)
        switch try writer.aggregate(period, warehouse: warehouse) {
        case .success(let aggregate):
            try writer.write(aggregate)
            return (writer.folder.appendingPathComponent(period.name).path, aggregate.days)
        case .failure(.nothingExported):
            throw ReportError(.usage, "no report day of \(period.name) (\(period.start.iso) … \(period.end.iso)) has been exported yet; run `dailyreports backfill --from \(period.start.iso) --to \(period.end.iso)` first")
        case .failure(.unexported(let gaps)):
            let shown = gaps.prefix(5).map(\.iso).joined(separator: ", ") + (gaps.count > 5 ? " … (\(gaps.count) days)" : "")
            throw ReportError(.usage, "report days of \(period.name) were never exported: \(shown); run `dailyreports backfill --from \(gaps[0].iso) --to \(gaps[gaps.count - 1].iso)` first")
        }
    }
}

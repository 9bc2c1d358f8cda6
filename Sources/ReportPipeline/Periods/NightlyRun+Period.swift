import Foundation
import ReportModel
import ReportWarehouse

extension NightlyRun {
    /// `report --period P`: writes `exports/periods/P/` from the published daily figures; returns the folder.
    public func report(period: Period) throws -> (folder: String, days: [Day]) {
        let warehousePath = out.appendingPathComponent("warehouse.sqlite").path
        guard FileManager.default.fileExists(atPath: warehousePath) else {
            throw ReportError(.usage,
                vi: "chưa có kho dữ liệu (no warehouse) trong \(out.path): chưa ngày nào được xuất ở đó; hãy chạy `dailyreports run` hoặc `backfill` trước, hoặc chỉ đúng --out",
                en: "no warehouse in \(out.path): nothing has been exported there yet; run `dailyreports run` or `backfill` first, or give the right --out")
        }
        let lock = try RunLock(folder: out)
        defer { withExtendedLifetime(lock) {} }
        // Checked as a run checks it: a period summed from a damaged warehouse would be published as sound.
        try WarehouseCheck.beforeOpening(out: out, language: config.language)
        let fullCheck = WarehouseCheck.needsFullCheck(out: out, now: Int64(Date().timeIntervalSince1970))
        let warehouse = try openWarehouse()
        if fullCheck { try WarehouseCheck.integrity(of: warehouse, language: config.language) }
        let writer = PeriodWriter(out: out, registries: registries, language: config.language)
        let span = "\(period.start.iso) … \(period.end.iso)"
        switch try writer.aggregate(period, warehouse: warehouse) {
        case .success(let aggregate):
            try writer.write(aggregate)
            return (writer.folder.appendingPathComponent(period.name).path, aggregate.days)
        case .failure(.nothingExported):
            let fix = "dailyreports backfill --from \(period.start.iso) --to \(period.end.iso)"
            throw ReportError(.usage,
                vi: "chưa có ngày báo cáo nào của kỳ \(period.name) (\(span)) được xuất; hãy chạy `\(fix)` trước",
                en: "no report day of \(period.name) (\(span)) has been exported yet; run `\(fix)` first")
        case .failure(.unexported(let gaps)):
            let shown = gaps.prefix(5).map(\.iso).joined(separator: ", ") + (gaps.count > 5 ? " … (\(gaps.count))" : "")
            let fix = "dailyreports backfill --from \(gaps[0].iso) --to \(gaps[gaps.count - 1].iso)"
            throw ReportError(.usage,
                vi: "có ngày báo cáo của kỳ \(period.name) chưa từng được xuất: \(shown); hãy chạy `\(fix)` trước",
                en: "report days of \(period.name) were never exported: \(shown); run `\(fix)` first")
        }
    }
}

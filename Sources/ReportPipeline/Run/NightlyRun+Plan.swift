import Foundation
import ReportModel
import ReportWarehouse

extension NightlyRun {
    /// What `backfill --dry-run` prints: the dates, the new files, what would be restated. Writes nothing.
    public func plan(from: Day, to: Day) throws -> [String] {
        guard from <= to else { throw ReportError.reversedRange(from, to) }
        let warehousePath = out.appendingPathComponent("warehouse.sqlite").path
        var known = KnownFiles()
        try WarehouseCheck.beforeOpening(out: out, language: config.language)
        if FileManager.default.fileExists(atPath: warehousePath) {
            known = try Warehouse(path: warehousePath).fileStamps()
        }
        let files = try Discovery.discover(inbox: config.inbox, known: known)
        let days = registries.calendar.reportDays(from: from, to: to)
        let exported = days.filter {
            FileManager.default.fileExists(atPath: out.appendingPathComponent("exports").appendingPathComponent($0.iso).path)
        }
        var lines = ["plan: backfill \(from.iso) … \(to.iso) into \(out.path)",
                     "report days to recompute (\(days.count)): \(days.map(\.iso).joined(separator: " "))",
                     "new or changed inbox files to ingest first: \(files.count)"]
        for f in files.prefix(20) { lines.append("  \(f.path)") }
        if files.count > 20 { lines.append("  … and \(files.count - 20) more") }
        lines.append("already exported, would be recomputed and any changed figure recorded in restatements.csv (\(exported.count)): "
                     + exported.map(\.iso).joined(separator: " "))
        lines.append("(earlier report days also recompute if the new files carry rows for them)")
        return lines
    }

    /// The ingest batches of `count` files: a small first batch, so loading starts early, then `batchSize` files
    /// each, then halving batches, so the load of the last one (which nothing overlaps) is short.
    static func batchBounds(count: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        var bounds: [Range<Int>] = []
        var start = 0
        func take(_ n: Int) {
            bounds.append(start..<start + n)
            start += n
        }
        take(min(count, batchSize / 8))
        while count - start > batchSize * 3 / 2 { take(batchSize) }
        while count - start > batchSize / 4 { take((count - start) / 2) }
        if start < count { take(count - start) }
        return bounds
    }
}

extension ReportError {
    /// `--from` after `--to`.
    static func reversedRange(_ from: Day, _ to: Day) -> ReportError {
        ReportError(.usage, vi: "--from \(from.iso) sau --to \(to.iso); hãy đổi chỗ hai ngày",
                    en: "--from \(from.iso) is after --to \(to.iso); swap them")
    }
}

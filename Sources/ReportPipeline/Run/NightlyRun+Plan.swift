import Foundation
import ReportModel
import ReportWarehouse

extension NightlyRun {
    /// What `backfill --dry-run` prints: the dates, the new files, what would be restated. Writes nothing.
    /// With `reingest`, also the registry differences and the kept files it would read again.
    public func plan(from: Day, to: Day, reingest: Bool = false) throws -> [String] {
        guard from <= to else { throw ReportError.reversedRange(from, to) }
        let warehousePath = out.appendingPathComponent("warehouse.sqlite").path
        var known = KnownFiles()
        try WarehouseCheck.beforeOpening(out: out, language: config.language)
        var warehouse: Warehouse?
        if FileManager.default.fileExists(atPath: warehousePath) {
            let w = try Warehouse(readingOnly: warehousePath)
            known = try w.fileStamps()
            warehouse = w
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
        var rows = Self.estimatedRows(files)
        var bytes = files.reduce(Int64(0)) { $0 + $1.size }
        var read = "\(files.count) new file(s)"
        if reingest {
            let kept = try reingestPlan(from: from, to: to, warehouse: warehouse)
            lines += kept.lines
            rows += kept.rows
            bytes += kept.bytes
            read += " and \(kept.files) kept file(s) again"
        }
        lines.append("would read \(read), \(Self.megabytes(bytes)), ~\(rows) row(s) (new files: lines of the CSV files, "
                     + "other formats at the same rows per byte; kept files: the rows they gave before)")
        if let t = Throughput.recent(runLog: out.appendingPathComponent("run-log.jsonl")) {
            lines.append("estimated time: ~\(Throughput.describe(t.seconds(rows: rows, days: days.count))) "
                         + "(recent runs: \(Int(t.rowsPerSecond)) rows/s ingested, \(Throughput.describe(t.secondsPerDay)) per report day)")
        } else {
            lines.append("estimated time: unknown (no earlier run in \(out.path)/run-log.jsonl to measure from)")
        }
        return lines
    }

    /// What `--reingest` would do: the registry differences since the warehouse's snapshot, the kept files it would
    /// read again, and the rows they hold.
    func reingestPlan(from: Day, to: Day, warehouse: Warehouse?) throws -> (lines: [String], rows: Int, files: Int, bytes: Int64) {
        guard let warehouse else { return (["re-ingest: no warehouse yet in \(out.path), nothing kept to read again"], 0, 0, 0) }
        var lines: [String] = []
        let diff = RegistryDiff(stored: try warehouse.storedRegistries(), current: registries)
        if diff.isEmpty {
            lines.append("registry differences since the last run: none (a re-ingest would change nothing unless the code did)")
        } else {
            lines.append("registry differences since the last run (stored in the warehouse → the files now):")
            lines += diff.lines()
        }
        let subs = try warehouse.submissionsToReingest(from: from, through: to)
        let rows = try warehouse.keptRowCount(from: from, through: to)
        lines.append("kept files to read again (\(subs.count), ~\(rows) row(s) accepted or rejected before):")
        for s in subs.prefix(20) { lines.append("  \(s.submission.path)") }
        if subs.count > 20 { lines.append("  … and \(subs.count - 20) more") }
        return (lines, rows, subs.count, subs.reduce(Int64(0)) { $0 + $1.submission.size })
    }

    /// The rows the files hold: the lines of plain CSV files after their header; files in other forms
    /// (JSON, gzip, Excel) at the CSV files' rows per byte.
    static func estimatedRows(_ files: [DiscoveredFile]) -> Int {
        var csvRows = 0, csvBytes: Int64 = 0, otherBytes: Int64 = 0
        for f in files {
            guard f.path.lowercased().hasSuffix(".csv"), let data = Ingestion.contents(ofFileAt: f.fileSystemPath, sizeHint: Int(f.size)) else {
                otherBytes += f.size
                continue
            }
            let lines = data.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } + (data.last == 0x0A || data.isEmpty ? 0 : 1)
            csvRows += max(0, lines - 1)
            csvBytes += Int64(data.count)
        }
        let perByte = csvBytes > 0 ? Double(csvRows) / Double(csvBytes) : 1.0 / 120
        return csvRows + Int((Double(otherBytes) * perByte).rounded())
    }

    static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
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

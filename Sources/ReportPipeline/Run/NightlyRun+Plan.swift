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
        let l = config.language
        let dayList = days.map(\.iso).joined(separator: " "), exportedList = exported.map(\.iso).joined(separator: " ")
        var lines = [l.pick(vi: "kế hoạch: backfill \(from.iso) … \(to.iso) vào \(out.path)", en: "plan: backfill \(from.iso) … \(to.iso) into \(out.path)"),
                     l.pick(vi: "ngày báo cáo sẽ tính lại (\(days.count)): \(dayList)", en: "report days to recompute (\(days.count)): \(dayList)"),
                     l.pick(vi: "tệp mới hoặc đã thay đổi trong hộp thư đến, sẽ nhập trước: \(files.count)",
                            en: "new or changed inbox files to ingest first: \(files.count)")]
        lines += Self.listed(files.map(\.path), l)
        lines.append(l.pick(vi: "đã xuất, sẽ được tính lại và mọi số liệu thay đổi ghi vào restatements.csv (\(exported.count)): \(exportedList)",
                            en: "already exported, would be recomputed and any changed figure recorded in restatements.csv (\(exported.count)): "
                                + exportedList))
        lines.append(l.pick(vi: "(các ngày báo cáo trước đó cũng được tính lại nếu tệp mới có dòng cho các ngày đó)",
                            en: "(earlier report days also recompute if the new files carry rows for them)"))
        var rows = Self.estimatedRows(files)
        var bytes = files.reduce(Int64(0)) { $0 + $1.size }
        var read = l.pick(vi: "\(files.count) tệp mới", en: "\(files.count) new file(s)")
        if reingest {
            let kept = try reingestPlan(from: from, to: to, warehouse: warehouse)
            lines += kept.lines
            rows += kept.rows
            bytes += kept.bytes
            read += l.pick(vi: " và đọc lại \(kept.files) tệp đã lưu", en: " and \(kept.files) kept file(s) again")
        }
        lines.append(l.pick(vi: "sẽ đọc \(read), \(Self.megabytes(bytes)), ~\(rows) dòng (tệp mới: số dòng của các tệp CSV, "
                                + "các dạng tệp khác theo cùng số dòng trên mỗi byte; tệp đã lưu: số dòng chúng đã cho lần trước)",
                            en: "would read \(read), \(Self.megabytes(bytes)), ~\(rows) row(s) (new files: lines of the CSV files, "
                                + "other formats at the same rows per byte; kept files: the rows they gave before)"))
        lines.append(estimatedTime(rows: rows, days: days.count))
        return lines
    }

    /// The plan's line estimating its time from the recent runs' throughput.
    func estimatedTime(rows: Int, days: Int) -> String {
        let l = config.language
        guard let t = Throughput.recent(runLog: out.appendingPathComponent("run-log.jsonl")) else {
            return l.pick(vi: "ước tính thời gian: chưa biết (chưa có lần chạy nào trước đây trong \(out.path)/run-log.jsonl để đo)",
                          en: "estimated time: unknown (no earlier run in \(out.path)/run-log.jsonl to measure from)")
        }
        let total = Throughput.describe(t.seconds(rows: rows, days: days), l), perDay = Throughput.describe(t.secondsPerDay, l)
        return l.pick(vi: "ước tính thời gian: ~\(total) (các lần chạy gần đây: nhập \(Int(t.rowsPerSecond)) dòng/giây, \(perDay) cho mỗi ngày báo cáo)",
                      en: "estimated time: ~\(total) (recent runs: \(Int(t.rowsPerSecond)) rows/s ingested, \(perDay) per report day)")
    }

    /// Up to 20 paths, indented, then how many more.
    static func listed(_ paths: [String], _ l: Language) -> [String] {
        var lines = paths.prefix(20).map { "  \($0)" }
        if paths.count > 20 { lines.append(l.pick(vi: "  … và \(paths.count - 20) tệp nữa", en: "  … and \(paths.count - 20) more")) }
        return lines
    }

    /// What `--reingest` would do: the registry differences since the warehouse's snapshot, the kept files it would
    /// read again, and the rows they hold.
    func reingestPlan(from: Day, to: Day, warehouse: Warehouse?) throws -> (lines: [String], rows: Int, files: Int, bytes: Int64) {
        let l = config.language
        guard let warehouse else {
            return ([l.pick(vi: "đọc lại: chưa có kho dữ liệu trong \(out.path), không có tệp đã lưu nào để đọc lại",
                            en: "re-ingest: no warehouse yet in \(out.path), nothing kept to read again")], 0, 0, 0)
        }
        var lines: [String] = []
        let diff = RegistryDiff(stored: try warehouse.storedRegistries(), current: registries, language: l)
        if diff.isEmpty {
            lines.append(l.pick(vi: "khác biệt của danh mục kể từ lần chạy trước: không có (đọc lại sẽ không thay đổi gì, trừ khi chương trình đã thay đổi)",
                                en: "registry differences since the last run: none (a re-ingest would change nothing unless the code did)"))
        } else {
            lines.append(l.pick(vi: "khác biệt của danh mục kể từ lần chạy trước (bản lưu trong kho dữ liệu → các tệp hiện nay):",
                                en: "registry differences since the last run (stored in the warehouse → the files now):"))
            lines += diff.lines()
        }
        let subs = try warehouse.submissionsToReingest(from: from, through: to)
        let rows = try warehouse.keptRowCount(from: from, through: to)
        lines.append(l.pick(vi: "tệp đã lưu sẽ đọc lại (\(subs.count), ~\(rows) dòng đã được nhận hoặc bị từ chối trước đây):",
                            en: "kept files to read again (\(subs.count), ~\(rows) row(s) accepted or rejected before):"))
        lines += Self.listed(subs.map(\.submission.path), l)
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

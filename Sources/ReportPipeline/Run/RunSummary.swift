import ReportModel

/// What a run did, for the one-line summary and the tests.
public struct RunSummary: Sendable {
    public var runId: Int64 = 0
    public var filesNew = 0
    public var duplicates = 0
    public var rowsAccepted = 0
    public var rowsRejected = 0
    /// Report days exported, in order.
    public var daysExported: [Day] = []
    /// Exported days whose deadline had not passed when the run started (their exports say `provisional`).
    public var provisionalDays: [Day] = []
    /// Exported days whose published figures changed (see restatements.csv).
    public var restated: [Day] = []
    /// Days after the run's last one whose history changed: pending, recomputed by the next run that reaches them.
    public var leftPending: [Day] = []
    /// Days of the requested range that are not report days (nothing expected, nothing exported).
    public var skipped: [Day] = []
    /// What `--reingest` changed.
    public var reingest: Reingest?
    /// Set when the registries changed in a way that concerns kept rows (a plain run re-reads none).
    public var registryHint: String?

    /// What a re-ingest changed, per date.
    public struct Reingest: Sendable {
        public var files: Int
        public var newlyAccepted: [Day: Int]
        public var newlyRejected: [Day: Int]
    }
    /// The requested day is not a report day.
    public var notReportDay = false
    public var missing = 0
    public var late = 0
    public var anomalies = 0
    public var exportsFolder = ""
    /// Inbox files that vanished or could not be read: not recorded, tried again next run.
    public var unread: [String] = []
    /// Kept copies found lost and taken again from the inbox.
    public var recoveredCopies = 0
    /// Kept copies lost and no longer in the inbox (inbox paths): their dates' archives were left as they were.
    public var lostCopies: [String] = []
    /// Copies this run kept that were damaged before their dates were archived (those archives left as they were).
    public var unarchivedCopies: [String] = []
    /// Uploads still in progress (`.part`, `.tmp`, …): left for a later run.
    public var inProgress: [String] = []
    /// Uploads in progress whose file has not changed for `stalledUploadSeconds`: probably interrupted, also left.
    public var stalledUploads: [Discovery.TimedFile] = []
    /// How long an upload in progress may stay unchanged before the summary says it seems interrupted (an hour: a
    /// report is kilobytes; a browser or a transfer tool working on it changes it within seconds).
    public static let stalledUploadSeconds: Int64 = 3600
    /// New files whose modification time was ahead of the machine's clock: taken as received when this run saw them.
    public var timesAhead: [Discovery.TimedFile] = []
    /// Whether this run walked the inbox (its uploads and entries above are then what it found).
    public var inboxWalked = false
    /// Inbox entries that are no regular file (symbolic links, pipes, …): not followed, not read; named each run.
    public var notRegular: [String] = []
    /// Set when this run walked every inbox folder: why (`--full-scan`, weekly, a new inbox).
    public var fullScan: String?
    /// Milliseconds the loader waited for parsing, and spent loading (for the run log).
    public var ingestWaitMs = 0
    public var ingestLoadMs = 0
    /// Hashes moved from tier 1 into tier 0 during the ingest (`Warehouse.settleHashes()`).
    public var hashesSettled = 0

    /// The language of the summary's text (`language`, `--lang`): Vietnamese by default.
    public var language: Language = .vi

    /// One line for cron and for people, in `language`.
    public func line(for day: Day) -> String {
        let l = language
        var s = l.pick(vi: "\(day.iso): \(filesNew) tệp mới, \(rowsAccepted) dòng được nhận, \(rowsRejected) dòng bị từ chối",
                       en: "\(day.iso): \(filesNew) new file(s), \(rowsAccepted) row(s) accepted, \(rowsRejected) rejected")
        if duplicates > 0 { s += l.pick(vi: ", bỏ qua \(duplicates) tệp trùng lặp", en: ", \(duplicates) duplicate(s) skipped") }
        s += inboxNotes
        if notReportDay {
            s += l.pick(vi: "; \(day.iso) không phải ngày báo cáo, không chờ báo cáo nào", en: "; \(day.iso) is not a report day, nothing expected")
        }
        s += exportedNote
        if !restated.isEmpty {
            s += l.pick(vi: "; ngày bị tính lại: \(Self.dates(restated, l)) (xem restatements.csv)",
                        en: "; restated \(Self.dates(restated, l)) (see restatements.csv)")
        }
        let skippedOthers = skipped.filter { $0 != day }
        if !skippedOthers.isEmpty {
            s += l.pick(vi: "; bỏ qua \(Self.dates(skippedOthers, l)) (không phải ngày báo cáo)",
                        en: "; skipped \(Self.dates(skippedOthers, l)) (not report days)")
        }
        if let first = leftPending.first, let last = leftPending.last {
            s += l.pick(vi: "; còn chờ \(Self.dates(leftPending, l)): số liệu hoặc lịch sử của các ngày này đã thay đổi, lần chạy sau sẽ tính lại"
                            + " (hoặc ngay bây giờ: backfill --from \(first.iso) --to \(last.iso))",
                        en: "; left pending \(Self.dates(leftPending, l)): their figures or history changed, the next run recomputes them"
                            + " (or now: backfill --from \(first.iso) --to \(last.iso))")
        }
        if !notReportDay {
            s += l.pick(vi: "; \(missing) thiếu báo cáo, \(late) nộp muộn, \(anomalies) bất thường",
                        en: "; \(missing) missing, \(late) late, \(anomalies) finding(s)")
        }
        if !provisionalDays.isEmpty {
            let days = provisionalDays.map(\.iso).joined(separator: ", ")
            s += l.pick(vi: "; tạm tính (chạy trước hạn nộp): \(days)", en: "; provisional (run before the deadline): \(days)")
        }
        if let r = reingest {
            let a = r.newlyAccepted.values.reduce(0, +), j = r.newlyRejected.values.reduce(0, +)
            s += l.pick(vi: "; đã đọc lại \(r.files) tệp đã lưu: \(a) dòng mới được nhận, \(j) dòng mới bị từ chối",
                        en: "; re-ingested \(r.files) kept file(s): \(a) row(s) newly accepted, \(j) newly rejected")
        }
        if let registryHint { s += "; " + registryHint }
        if let fullScan { s += "; \(fullScan)" }
        return s
    }

    /// An instant as the summary writes it: `2026-11-17 20:05` (+07:00).
    static func clock(_ t: Timestamp) -> String {
        let iso = t.iso
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
    }

    /// The summary's clauses about inbox files left for later and kept copies lost.
    private var inboxNotes: String {
        // A clause naming the first three paths and how many there are; nothing when there are none.
        func listing(_ paths: [String], _ text: (_ count: Int, _ names: String) -> (vi: String, en: String)) -> String {
            paths.isEmpty ? "" : language.pick(text(paths.count, paths.prefix(3).joined(separator: ", ")))
        }
        var s = listing(unread) { n, names in
            (", \(n) tệp không đọc được, để lại cho lần chạy sau (\(names))", ", \(n) unreadable file(s) left for the next run (\(names))")
        }
        s += listing(inProgress) { n, names in
            (", \(n) tệp đang tải lên dở, để lại cho lần chạy sau (\(names))",
             ", \(n) upload(s) still in progress left for a later run (\(names))")
        }
        // A clause naming files with a time of theirs, and one time among them (the earliest or the latest).
        func timed(_ files: [Discovery.TimedFile], _ pick: ([Timestamp]) -> Timestamp?,
                   _ text: (_ count: Int, _ names: String, _ time: String) -> (vi: String, en: String)) -> String {
            guard let t = pick(files.map(\.modified)) else { return "" }
            let time = Self.clock(t)
            return listing(files.map(\.path)) { n, names in text(n, names, time) }
        }
        s += timed(stalledUploads, { $0.min() }) { n, names, since in
            (", \(n) tệp tải lên dở không thay đổi đã hơn 1 giờ (\(names); từ \(since)): việc gửi có lẽ đã bị gián đoạn, "
                + "hãy báo đơn vị gửi lại tệp",
             ", \(n) upload(s) in progress unchanged for over an hour (\(names); since \(since)): the sending was probably "
                + "interrupted, ask the unit to send the file again")
        }
        s += timed(timesAhead, { $0.max() }) { n, names, until in
            (", \(n) tệp có thời gian sửa đổi muộn hơn đồng hồ của máy chủ (\(names); đến \(until)): được tính là nhận lúc "
                + "lần chạy này thấy chúng; đồng hồ của máy gửi có lẽ sai, hãy báo đơn vị chỉnh lại giờ máy",
             ", \(n) file(s) modified later than the server's clock (\(names); up to \(until)): taken as received when this "
                + "run saw them; the sender's clock is probably wrong, ask the unit to set it right")
        }
        s += listing(notRegular) { n, names in
            (", \(n) mục không phải tệp thường (liên kết tượng trưng, …) không được đọc (\(names)): "
                + "hãy chép chính tệp vào hộp thư đến thay cho liên kết",
             ", \(n) entry(ies) that are no regular file (symbolic links, …) not read (\(names)): "
                + "copy the file itself into the inbox instead of a link")
        }
        if recoveredCopies > 0 {
            s += language.pick(vi: ", \(recoveredCopies) bản lưu gốc bị mất hoặc hỏng đã được lấy lại từ hộp thư đến",
                               en: ", \(recoveredCopies) lost or damaged kept copy(ies) taken again from the inbox")
        }
        s += listing(lostCopies) { n, names in
            (", \(n) bản lưu gốc bị mất hoặc hỏng và không còn trong hộp thư đến (\(names)): "
                + "kho lưu trữ của các ngày đó được giữ nguyên; hãy đặt lại các tệp vào hộp thư đến rồi chạy lại",
             ", \(n) kept copy(ies) lost or damaged and not in the inbox (\(names)): "
                + "their dates' archives were left as they were; put the files back in the inbox and rerun")
        }
        s += listing(unarchivedCopies) { n, names in
            (", \(n) bản lưu gốc vừa lưu đã hỏng trước khi vào kho lưu trữ (\(names)): "
                + "kho lưu trữ của các ngày đó được giữ nguyên; lần chạy sau lấy lại các tệp từ hộp thư đến",
             ", \(n) copy(ies) kept by this run damaged before archiving (\(names)): "
                + "their dates' archives were left as they were; the next run takes them again from the inbox")
        }
        return s
    }

    /// The summary's clause about the days exported.
    private var exportedNote: String {
        guard let first = daysExported.first, let last = daysExported.last else {
            return language.pick(vi: "; không xuất ngày nào", en: "; exported nothing")
        }
        let n = daysExported.count
        return n == 1
            ? language.pick(vi: "; đã xuất 1 ngày (\(first.iso)) vào \(exportsFolder)", en: "; exported 1 day (\(first.iso)) to \(exportsFolder)")
            : language.pick(vi: "; đã xuất \(n) ngày (\(first.iso) … \(last.iso)) vào \(exportsFolder)",
                            en: "; exported \(n) days (\(first.iso) … \(last.iso)) to \(exportsFolder)")
    }

    /// Lines after the summary line: what a re-ingest changed, date by date.
    public var detailLines: [String] {
        guard let r = reingest else { return [] }
        let l = language
        let restatedSet = Set(restated)
        let days = Set(r.newlyAccepted.keys).union(r.newlyRejected.keys).union(restatedSet).sorted()
        if days.isEmpty {
            return [l.pick(vi: "  đọc lại: không có dòng nào và không có số liệu đã công bố nào thay đổi",
                           en: "  re-ingest: no row and no published figure changed")]
        }
        return days.map { d in
            var parts: [String] = []
            if let n = r.newlyAccepted[d] { parts.append(l.pick(vi: "\(n) dòng mới được nhận", en: "\(n) row(s) newly accepted")) }
            if let n = r.newlyRejected[d] {
                parts.append(l.pick(vi: "\(n) dòng mới bị từ chối (xem exports/\(d.iso)/rejects.csv)",
                                    en: "\(n) row(s) newly rejected (see exports/\(d.iso)/rejects.csv)"))
            }
            parts.append(restatedSet.contains(d)
                ? l.pick(vi: "số liệu được tính lại (restatements.csv, nguyên nhân reingest)", en: "figures restated (restatements.csv, cause reingest)")
                : l.pick(vi: "không có số liệu đã công bố nào thay đổi", en: "no published figure changed"))
            return "  \(d.iso): " + parts.joined(separator: ", ")
        }
    }

    /// Up to 5 dates by name, then how many more.
    static func dates(_ days: [Day], _ language: Language) -> String {
        days.count <= 5 ? days.map(\.iso).joined(separator: ", ")
            : days.prefix(4).map(\.iso).joined(separator: ", ")
                + " … \(days.last!.iso) (\(days.count) \(language.pick(vi: "ngày", en: "days")))"
    }
}

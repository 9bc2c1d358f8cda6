import Foundation
import ReportHashing
import ReportIngest
import ReportModel
import ReportWarehouse

/// Stages 2–5 over newly discovered files: read, hash, decode, parse, normalize, keep the raw bytes, load.
struct Ingestion: Sendable {
    let ingester: FileIngester
    let calendar: ReportCalendar
    let deadline: Deadline
    let rawStore: RawStore

    /// Threads that read and hash a batch's files: 2, or `largeLoadReaders` for a large load.
    var readers = 2

    /// A large load's readers. More than the cores: a file not in the page cache keeps its thread waiting for the
    /// disk, and a backfill's inbox mostly is not (a night's files were written hours ago, and are).
    static let largeLoadReaders = 6

    /// Reads files on `readers` threads and normalizes them on both cores (the order of results is the order of
    /// `files`), and keeps their bytes in the pack `packName` — all off the loading thread.
    func read(_ files: [DiscoveredFile], packName: String) throws -> ReadBatch {
        let all = try Parallel.map(count: files.count, workers: readers, yielding: true) { i in readFile(files[i]) }
        let unread = zip(files, all).filter { $0.1 == nil }.map(\.0.path)
        var read = all.compactMap { $0 }
        // Normalize only the first file with given bytes; later copies are duplicates.
        var firstIndexBuilder: [String: Int] = [:]
        for (i, f) in read.enumerated() where firstIndexBuilder[f.sha256] == nil { firstIndexBuilder[f.sha256] = i }
        let firstIndex = firstIndexBuilder
        let readFiles = read
        let outcomes = try Parallel.map(count: readFiles.count, yielding: true) { i -> FileOutcome? in
            let f = readFiles[i]
            // A file over the size limit is not parsed (kept or not).
            if let preset = f.outcome { return preset }
            return firstIndex[f.sha256] == i ? ingester.ingest(f.bytes, file: f.file.path, receivedAt: f.file.receivedAt) : nil
        }
        for (i, o) in outcomes.enumerated() { read[i].outcome = o }
        let unique = firstIndex.values.sorted().filter { read[$0].kept }.map { (sha256: read[$0].sha256, bytes: read[$0].bytes) }
        return ReadBatch(files: read, blobs: try rawStore.pack(unique, name: packName), unread: unread)
    }

    /// One file's bytes and hash; nil for a file that vanished or cannot be read (left for the next run, not
    /// recorded). A file over the size limit is rejected `too_large` unread by the parsers, and kept byte for byte for
    /// its date's archive (contract §2) when it is within `keepLimit`; past that it is hashed as it streams, never
    /// held or kept.
    func readFile(_ f: DiscoveredFile) -> IngestedFile? {
        if f.size <= Int64(keepLimit) {
            guard let bytes = Ingestion.contents(ofFileAt: f.fileSystemPath, sizeHint: Int(f.size)) else { return nil }
            let over = f.size > Int64(ingester.decoder.sizeLimit)
            return IngestedFile(file: f, bytes: bytes, sha256: SHA256Hex.hex(of: bytes),
                                outcome: over ? tooLarge(f.path, size: Int64(bytes.count), kept: true) : nil)
        }
        guard let sha = SHA256Hex.hex(ofFileAtSystemPath: f.fileSystemPath) else { return nil }
        return IngestedFile(file: f, bytes: [], sha256: sha, outcome: tooLarge(f.path, size: f.size, kept: false), kept: false)
    }

    /// The largest file over the size limit still kept for the archive: twice the limit, and at least 128 MiB (a file
    /// is held whole in memory to be kept and archived; past this it is only hashed).
    var keepLimit: Int { max(2 * ingester.decoder.sizeLimit, 128 << 20) }

    /// What a file over the size limit yields: its `too_large` reject, saying whether its bytes were kept.
    func tooLarge(_ path: String, size: Int64, kept: Bool) -> FileOutcome {
        let limit = ingester.decoder.sizeLimit
        let (vi, en) = kept
            ? ("tệp \(size) byte vượt quá giới hạn \(limit) byte nên số liệu không được đọc; tệp được giữ nguyên trong kho lưu trữ của ngày; "
                + "hãy tách thành các tệp nhỏ hơn rồi gửi lại",
               "\(size) bytes is over the limit of \(limit), so its figures were not read; the file is kept as received in the "
                + "date's archive; split it into smaller files and send them again")
            : ("tệp \(size) byte vượt quá giới hạn \(limit) byte, và quá lớn để lưu giữ (trên \(keepLimit) byte): tệp không được giữ lại; "
                + "hãy tách thành các tệp nhỏ hơn rồi gửi lại",
               "\(size) bytes is over the limit of \(limit), and too large to keep (over \(keepLimit) bytes): the file is not "
                + "kept; split it into smaller files and send them again")
        return FileIngester.tooLarge(path, detail: ingester.language.pick(vi: vi, en: en))
    }

    /// A file's bytes, read to its end whatever its size now; nil when it cannot be opened or read.
    /// (Straight into an array: through `Data` each file was copied twice.)
    static func contents(ofFileAt path: String, sizeHint: Int) -> [UInt8]? {
        contents(ofFileAt: Array(path.utf8CString), sizeHint: sizeHint)
    }

    /// The same for a path as the file system has it (NUL-terminated bytes, perhaps not UTF-8).
    static func contents(ofFileAt path: [CChar], sizeHint: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: max(sizeHint, 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// Loads read files into the warehouse in one transaction, applying the identity rules.
    func load(_ read: ReadBatch, into warehouse: Warehouse, runId: Int64) throws -> Result {
        var result = Result()
        var batch: [SubmissionRecord] = []
        var seenThisRun: [String: SeenCopy] = [:]
        result.unread = read.unread
        let recorded = try warehouse.recordedHashes(among: read.files.map(\.sha256))
        for f in read.files {
            result.files += 1
            var submission = Submission(path: f.file.path, sha256: f.sha256, size: f.file.size, mtimeNanos: f.file.mtimeNanos,
                                        receivedAt: f.file.receivedAt, encoding: "", format: FileIngester.format(of: f.file.path) ?? "other",
                                        status: .accepted)
            if let earlier = try earlierCopy(of: f.sha256, seenThisRun: seenThisRun, recorded: recorded, warehouse: warehouse) {
                let content = f.outcome ?? seenThisRun[f.sha256]?.unsettled
                batch.append(repeatedCopy(f, submission, earlier: earlier, content: content, result: &result))
                continue
            }
            guard var outcome = f.outcome else { continue }
            let unsettled = outcome
            settle(&submission, &outcome)
            result.rowsAccepted += outcome.rows.count
            result.rowsRejected += outcome.rejects.count
            result.touchedDates.formUnion(submission.reportDates)
            result.rowDates.formUnion(outcome.rows.map(\.reportDate))
            result.rowDates.formUnion(outcome.unitReports.map(\.reportDate))
            seenThisRun[f.sha256] = (f.file.path, outcome, submission.reportDates, unsettled)
            batch.append((submission, outcome.rows, outcome.unitReports, outcome.rejects, outcome.notes))
        }
        try warehouse.joiningTransaction {
            try warehouse.recordRawBlobs(read.blobs, absent: Set(read.blobs.map(\.sha256)).subtracting(recorded))
            try warehouse.recordBatch(batch, runId: runId)
            try warehouse.markPending(result.touchedDates, figures: result.rowDates)
        }
        return result
    }

    /// Gives a normalized file's rejects and the submission itself their report dates, and the
    /// submission its encoding and status.
    func settle(_ submission: inout Submission, _ outcome: inout FileOutcome) {
        for i in outcome.rejects.indices where !outcome.rejects[i].reason.isFileReason {
            let r = outcome.rejects[i]
            if r.reportDate == nil || r.reason == .futureDate {
                // A row whose date can't be read (or can't be true) belongs to the report day whose
                // reporting window holds the file's received time.
                outcome.rejects[i].reportDate = calendar.reportingWindowDay(of: submission.receivedAt, deadline: deadline)
            } else if let d = r.reportDate, !calendar.isReportDay(d) {
                // A rejected row dated on a non-report day is shown with the next report day.
                outcome.rejects[i].reportDate = calendar.reportDay(onOrAfter: d)
            }
        }
        var dates = Set(outcome.rows.map(\.reportDate))
        dates.formUnion(outcome.unitReports.map(\.reportDate))
        dates.formUnion(outcome.rejects.compactMap(\.reportDate))
        if dates.isEmpty { dates.insert(calendar.reportingWindowDay(of: submission.receivedAt, deadline: deadline)) }
        submission.encoding = outcome.encoding
        submission.status = outcome.status
        submission.reportDates = dates.sorted()
    }
}

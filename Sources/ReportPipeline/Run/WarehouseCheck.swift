import Foundation
import ReportExport
import ReportModel
import ReportWarehouse

/// The warehouse is checked before it is trusted (contract §7): a damaged, emptied or lost one is refused
/// with exit 74 before anything in the output folder changes, and the message says how to restore it.
enum WarehouseCheck {
    /// The first bytes of every SQLite database file.
    static let header = Array("SQLite format 3\u{0}".utf8)

    /// How long a full check is trusted for a file no one else changed: bit rot changes no modification time.
    static let fullCheckAtMostEvery: Int64 = 7 * 86_400

    /// The file as the last run left it, and when it was last fully checked (`OUT/warehouse.sqlite.checked`).
    struct Fingerprint: Codable, Equatable {
        var size: Int64
        var mtimeNanos: Int64
        var inode: UInt64
        var fullCheckAt: Int64
    }

    static func fingerprintURL(_ out: URL) -> URL { out.appendingPathComponent("warehouse.sqlite.checked") }

    /// The warehouse file's size, modification time and inode now (nil when it cannot be read).
    static func stamp(_ path: String) -> Fingerprint? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Fingerprint(size: Int64(st.st_size), mtimeNanos: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
                           inode: UInt64(st.st_ino), fullCheckAt: 0)
    }

    /// Whether the warehouse needs `PRAGMA quick_check` before this run trusts it: it does unless the last run
    /// left it exactly as it is now (same size, modification time and inode, no WAL left) and checked it fully
    /// less than a week ago. (Asked before the warehouse is opened: opening creates the WAL.)
    static func needsFullCheck(out: URL, now: Int64) -> Bool {
        let path = out.appendingPathComponent("warehouse.sqlite").path
        if let wal = stamp(path + "-wal"), wal.size > 0 { return true }
        guard let data = try? Data(contentsOf: fingerprintURL(out)),
              let last = try? JSONDecoder().decode(Fingerprint.self, from: data), var now_ = stamp(path) else { return true }
        now_.fullCheckAt = last.fullCheckAt
        return now_ != last || now - last.fullCheckAt >= fullCheckAtMostEvery
    }

    /// Records the file as a finished run leaves it (every connection closed), keeping the last full check's time;
    /// skipped when another run holds the lock (the next run then checks fully).
    static func recordClean(out: URL, fullCheckAt: Int64?) {
        let path = out.appendingPathComponent("warehouse.sqlite").path
        guard let lock = try? RunLock(folder: out) else { return }
        defer { withExtendedLifetime(lock) {} }
        if let wal = stamp(path + "-wal"), wal.size > 0 { return }
        let previous = (try? Data(contentsOf: fingerprintURL(out))).flatMap { try? JSONDecoder().decode(Fingerprint.self, from: $0) }
        guard var f = stamp(path), let checked = fullCheckAt ?? previous?.fullCheckAt else { return }
        f.fullCheckAt = checked
        try? AtomicFile.write(try JSONEncoder().encode(f), to: fingerprintURL(out))
    }

    /// Refuses to open (and so create) a warehouse where the kept raw copies say one existed, or a file that
    /// is not a SQLite database.
    static func beforeOpening(out: URL, language: Language) throws {
        let path = out.appendingPathComponent("warehouse.sqlite").path
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if size == nil || size == 0 {
            let packs = keptPacks(out: out)
            guard packs > 0 else { return }
            let stateVi = size == nil ? "không còn" : "rỗng (0 byte)", stateEn = size == nil ? "is missing" : "is empty (0 bytes)"
            throw ReportError(.damaged,
                vi: "kho dữ liệu \(stateVi) trong khi \(out.path)/raw còn \(packs) tệp bản lưu gốc, nên không chạy để không "
                    + "ghi đè lên chúng; hãy khôi phục warehouse.sqlite từ bản sao lưu (README, mục “Khôi phục kho dữ liệu”) rồi chạy lại",
                en: "the warehouse \(stateEn) while \(out.path)/raw holds \(packs) kept raw pack(s), so nothing was run that could "
                    + "overwrite them; restore warehouse.sqlite from a backup (README, “Restoring the warehouse”) and rerun",
                location: path)
        }
        guard let fh = FileHandle(forReadingAtPath: path) else { return }
        defer { try? fh.close() }
        let first = (try? fh.read(upToCount: header.count)).map(Array.init) ?? []
        if first != header {
            throw damaged(path: path, problems: ["not a SQLite file"], language: language)
        }
    }

    /// Refuses a warehouse `PRAGMA quick_check` finds damaged.
    static func integrity(of warehouse: Warehouse, language: Language) throws {
        let problems = warehouse.quickCheck()
        guard problems.isEmpty else { throw damaged(path: warehouse.path, problems: problems, language: language) }
    }

    static func damaged(path: String, problems: [String], language: Language) -> ReportError {
        ReportError(.damaged,
            vi: "kho dữ liệu bị hỏng nên không chạy, không thay đổi gì; hãy chuyển tệp hỏng sang chỗ khác, khôi phục "
                + "warehouse.sqlite từ bản sao lưu rồi chạy lại (README, mục “Khôi phục kho dữ liệu”)",
            en: "the warehouse is damaged, so nothing was run or changed; move the damaged file aside, restore "
                + "warehouse.sqlite from a backup and rerun (README, “Restoring the warehouse”)",
            cause: IntegrityProblems(lines: Array(problems.prefix(3))), location: path)
    }

    /// What `PRAGMA quick_check` reported, as the typed cause of the refusal.
    struct IntegrityProblems: Error, Sendable, CustomStringConvertible {
        var lines: [String]
        var description: String { "PRAGMA quick_check: " + lines.joined(separator: "; ") }
    }

    /// How many pack files `OUT/raw` holds.
    static func keptPacks(out: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("raw").path)) ?? []
        return names.filter { $0.hasSuffix(".pack") && !$0.hasPrefix(".") }.count
    }
}

import Foundation
import ReportModel
import ReportWarehouse

/// The warehouse is checked before it is trusted (contract §7): a damaged, emptied or lost one is refused
/// with exit 74 before anything in the output folder changes, and the message says how to restore it.
enum WarehouseCheck {
    /// The first bytes of every SQLite database file.
    static let header = Array("SQLite format 3\u{0}".utf8)

    /// Refuses to open (and so create) a warehouse where the kept raw copies say one existed, or a file that
    /// is not a SQLite database.
    static func beforeOpening(out: URL, language: Language) throws {
        let path = out.appendingPathComponent("warehouse.sqlite").path
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if size == nil || size == 0 {
            let packs = keptPacks(out: out)
            guard packs > 0 else { return }
            let state = size == nil ? language.pick(vi: "không còn", en: "is missing") : language.pick(vi: "rỗng (0 byte)", en: "is empty (0 bytes)")
            throw ReportError(.damaged, language.pick(
                vi: "kho dữ liệu \(state) trong khi \(out.path)/raw còn \(packs) tệp bản lưu gốc, nên không chạy để không "
                    + "ghi đè lên chúng; hãy khôi phục warehouse.sqlite từ bản sao lưu (README, mục “Khôi phục kho dữ liệu”) rồi chạy lại",
                en: "the warehouse \(state) while \(out.path)/raw holds \(packs) kept raw pack(s), so nothing was run that could "
                    + "overwrite them; restore warehouse.sqlite from a backup (README, “Restoring the warehouse”) and rerun"),
                location: path)
        }
        guard let fh = FileHandle(forReadingAtPath: path) else { return }
        defer { try? fh.close() }
        let first = (try? fh.read(upToCount: header.count)).map(Array.init) ?? []
        if first != header {
            throw damaged(path: path, problems: [language.pick(vi: "không phải tệp SQLite", en: "not a SQLite file")], language: language)
        }
    }

    /// Refuses a warehouse `PRAGMA quick_check` finds damaged.
    static func integrity(of warehouse: Warehouse, language: Language) throws {
        let problems = warehouse.quickCheck()
        guard problems.isEmpty else { throw damaged(path: warehouse.path, problems: problems, language: language) }
    }

    static func damaged(path: String, problems: [String], language: Language) -> ReportError {
        ReportError(.damaged, language.pick(
            vi: "kho dữ liệu bị hỏng nên không chạy, không thay đổi gì; hãy chuyển tệp hỏng sang chỗ khác, khôi phục "
                + "warehouse.sqlite từ bản sao lưu rồi chạy lại (README, mục “Khôi phục kho dữ liệu”)",
            en: "the warehouse is damaged, so nothing was run or changed; move the damaged file aside, restore "
                + "warehouse.sqlite from a backup and rerun (README, “Restoring the warehouse”)"),
            cause: problems.prefix(3).joined(separator: "; "), location: path)
    }

    /// Whether SQLite failed because the file is damaged (its messages for SQLITE_CORRUPT and SQLITE_NOTADB).
    static func isDamage(_ e: ReportError) -> Bool {
        let text = (e.cause ?? "") + " " + e.message
        return text.contains("malformed") || text.contains("not a database")
    }

    /// How many pack files `OUT/raw` holds.
    static func keptPacks(out: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("raw").path)) ?? []
        return names.filter { $0.hasSuffix(".pack") && !$0.hasPrefix(".") }.count
    }
}

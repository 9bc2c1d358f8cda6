import Foundation
import ReportExport
import ReportHashing
import ReportModel
import ReportWarehouse

/// `archive verify`: re-hashes every archive member against its manifest and the warehouse.
public enum ArchiveVerifier {
    /// What was checked.
    public struct Report: Sendable {
        public var archives = 0
        public var members = 0
        /// Kept raw copies read and hashed.
        public var keptCopies = 0

        /// The line `archive verify` prints when everything matches.
        public func line(_ l: Language) -> String {
            l.pick(vi: "\(archives) tệp lưu trữ, \(members) tệp bên trong, \(keptCopies) bản lưu gốc: tất cả đều khớp",
                   en: "\(archives) archive(s), \(members) member(s), \(keptCopies) kept raw copy(ies): all match")
        }
    }

    /// Verifies the archives under `out` (only `date`'s when given); throws `.dataError` naming the first bad member.
    public static func verify(out: String, date: Day?, language: Language = .vi) throws -> Report {
        let root = URL(fileURLWithPath: out).standardized
        let warehousePath = root.appendingPathComponent("warehouse.sqlite").path
        guard FileManager.default.fileExists(atPath: warehousePath) else {
            throw ReportError(.usage, vi: "không có kho dữ liệu trong \(root.path); hãy dùng --out để chỉ thư mục kết quả của một lần chạy",
                              en: "no warehouse in \(root.path); give the output folder of a run with --out")
        }
        let warehouse = try Warehouse(path: warehousePath)
        try WarehouseCheck.integrity(of: warehouse, language: language)
        try verifyKeptCopies(of: warehouse, root: root, date: date, language: language)
        var archives: [(Day, URL)] = []
        let archiveRoot = root.appendingPathComponent("archive")
        if let date {
            let c = date.components
            archives = [(date, archiveRoot.appendingPathComponent(String(format: "%04d/%02d/%@.tar.gz", c.year, c.month, date.iso)))]
        } else if let walker = FileManager.default.enumerator(atPath: archiveRoot.path) {
            for case let rel as String in walker where rel.hasSuffix(".tar.gz") {
                let name = (rel as NSString).lastPathComponent
                if let d = Day(iso: name.replacingOccurrences(of: ".tar.gz", with: "")) {
                    archives.append((d, archiveRoot.appendingPathComponent(rel)))
                }
            }
            archives.sort { $0.0 < $1.0 }
        }
        var report = Report()
        for (day, url) in archives {
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ReportError(.dataError, vi: "không có tệp lưu trữ của ngày \(day.iso); hãy khôi phục nó từ bản sao lưu",
                                  en: "the archive of \(day.iso) is missing; restore it from a backup", location: url.path)
            }
            let members = try ArchiveReader.members(of: url)
            guard let manifest = members.first(where: { $0.name == ArchiveWriter.checksumName }) else {
                throw ReportError(.dataError, vi: "tệp lưu trữ không có \(ArchiveWriter.checksumName); hãy khôi phục nó từ bản sao lưu",
                                  en: "the archive has no \(ArchiveWriter.checksumName); restore it from a backup", location: url.path)
            }
            var expected: [String: String] = [:]
            for line in String(decoding: manifest.bytes, as: UTF8.self).split(separator: "\n") {
                // GNU escaping (see ArchiveWriter.checksumFile): a line for a name holding `\` or a newline starts with `\`.
                let escaped = line.hasPrefix("\\")
                let parts = line.dropFirst(escaped ? 1 : 0).split(separator: " ", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let name = String(parts[1].drop(while: { $0 == " " || $0 == "*" }))
                expected[escaped ? unescape(name) : name] = String(parts[0])
            }
            let subs = try warehouse.submissions(on: day, withDates: false)
            let recorded = Dictionary(zip(ArchiveMemberNames.assign(subs), subs.map(\.sha256)), uniquingKeysWith: { a, _ in a })
            for m in members where m.name != ArchiveWriter.checksumName {
                let actual = SHA256Hex.hex(of: m.bytes)
                guard expected[m.name] == actual else {
                    throw ReportError(.dataError, vi: "tệp \(m.name) trong tệp lưu trữ không khớp với MANIFEST.sha256; hãy khôi phục tệp lưu trữ từ bản sao lưu",
                                      en: "member \(m.name) does not match MANIFEST.sha256; restore the archive from a backup", location: url.path)
                }
                if m.name != ArchiveWriter.manifestName {
                    guard recorded[m.name] == actual else {
                        throw ReportError(.dataError,
                            vi: "tệp \(m.name) trong tệp lưu trữ không khớp với mã băm mà kho dữ liệu đã ghi; hãy khôi phục tệp lưu trữ từ bản sao lưu",
                            en: "member \(m.name) does not match the hash the warehouse recorded; restore the archive from a backup",
                            location: url.path)
                    }
                }
                report.members += 1
            }
            for (name, sha) in recorded where !members.contains(where: { $0.name == name }) {
                // A file past the keep limit is recorded but was never kept.
                if try warehouse.rawBlob(sha256: sha) == nil { continue }
                throw ReportError(.dataError,
                    vi: "tệp \(name) mà kho dữ liệu đã ghi không có trong tệp lưu trữ; hãy khôi phục tệp lưu trữ từ bản sao lưu",
                    en: "member \(name) recorded in the warehouse is missing from the archive; restore the archive from a backup",
                    location: url.path)
            }
            report.archives += 1
        }
        report.keptCopies = try warehouse.keptCopies(on: date).count
        return report
    }

    /// `\\` → `\`, `\n` → newline, as `sha256sum` writes names.
    static func unescape(_ name: String) -> String {
        var out = "", pendingBackslash = false
        for ch in name.unicodeScalars {
            if pendingBackslash {
                out.unicodeScalars.append(ch == "n" ? "\n" : ch)
                pendingBackslash = false
            } else if ch == "\\" {
                pendingBackslash = true
            } else {
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Every kept raw copy the warehouse lists (only `date`'s when given) exists and has its SHA-256.
    static func verifyKeptCopies(of warehouse: Warehouse, root: URL, date: Day?, language: Language) throws {
        let bad = try RawCopies.damaged(try warehouse.keptCopies(on: date), store: RawStore(root: root.appendingPathComponent("raw")))
        guard !bad.isEmpty else { return }
        let names = bad.prefix(5).map { "\($0.path) (\($0.blob.pack))" }.joined(separator: ", ") + (bad.count > 5 ? ", …" : "")
        // A pack still there holds changed bytes: a run only notices a pack gone (or a copy of a date it archives
        // again), so the fix is to move it aside first.
        let raw = root.appendingPathComponent("raw")
        let present = Set(bad.map(\.blob.pack)).filter { FileManager.default.fileExists(atPath: raw.appendingPathComponent($0).path) }.sorted()
        let moves = present.map { "mv \(raw.path)/\($0) \(root.path)/damaged/" }.joined(separator: "; ")
        let viMove = present.isEmpty ? "" : " (tệp pack còn đó nhưng nội dung sai: hãy chuyển nó ra chỗ khác trước, `mkdir -p \(root.path)/damaged; \(moves)`)"
        let enMove = present.isEmpty ? "" : " (the pack is there but its bytes changed: move it aside first, `mkdir -p \(root.path)/damaged; \(moves)`)"
        throw ReportError(.dataError,
            vi: "\(bad.count) bản lưu gốc bị mất hoặc đã thay đổi: \(names); lần chạy sau lấy lại từ hộp thư đến những tệp "
                + "còn nguyên ở đó\(viMove), các tệp khác hãy đặt lại vào hộp thư đến (lấy từ kho lưu trữ archive/) rồi chạy lại",
            en: "\(bad.count) kept raw copy(ies) lost or changed: \(names); the next run takes again from the inbox the files "
                + "still there\(enMove); put the others back in the inbox (from archive/) and rerun",
            location: raw.path)
    }
}

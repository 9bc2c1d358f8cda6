import Foundation
import ReportModel
import ZIPFoundation

/// A workbook's zip package, read with a budget: every part inflated counts against the size limit, so a
/// zip bomb stops at the limit whatever sizes its headers declare.
final class XLSXPackage {
    private let archive: Archive
    private let language: Language
    /// Bytes still allowed to be inflated.
    private var budget: Int
    private let limit: Int

    /// Opens `bytes` as a zip; refuses what is no zip and a package declaring more than `limit` unpacked.
    init(_ bytes: [UInt8], limit: Int, language: Language) throws(XLSXFailure) {
        self.language = language
        self.limit = limit
        budget = limit
        let signature = OfficeSignature(bytes)
        if signature == .ole {
            throw XLSXFailure(.badXLSX, language.pick(
                vi: "tệp không phải sổ tính .xlsx mà là tệp Office cũ hoặc được đặt mật khẩu (.xls đổi tên, sổ tính mã hóa); hãy bỏ mật khẩu và lưu lại dưới dạng .xlsx hoặc CSV UTF-8",
                en: "the file is not an .xlsx workbook but an older or password-protected Office file (a renamed .xls, an encrypted workbook); remove the password and save it as .xlsx or CSV UTF-8"))
        }
        if signature != .zip, let what = XLSXPackage.textKind(bytes) {
            throw XLSXFailure(.badXLSX, what == .html ? language.pick(
                vi: "tệp mang đuôi .xlsx nhưng là trang web (HTML), không phải sổ tính; hãy mở nó trong Excel rồi lưu lại dưới dạng .xlsx (Lưu thành… → Sổ làm việc Excel) hoặc CSV UTF-8",
                en: "the file is named .xlsx but is a web page (HTML), not a workbook; open it in Excel and save it as .xlsx (Save As… → Excel Workbook) or CSV UTF-8")
                : language.pick(
                vi: "tệp mang đuôi .xlsx nhưng là văn bản (có vẻ là tệp CSV bị đổi tên), không phải sổ tính; nếu đó là CSV UTF-8, hãy đổi đuôi tệp thành .csv, nếu không hãy mở trong Excel rồi lưu lại dưới dạng .xlsx",
                en: "the file is named .xlsx but is text (it looks like a renamed CSV), not a workbook; if it is CSV UTF-8, rename it to .csv, else open it in Excel and save it as .xlsx"))
        }
        guard signature == .zip, let archive = try? Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil) else {
            throw XLSXFailure(.badXLSX, language.pick(
                vi: "tệp không mở được như một sổ tính Excel (.xlsx): không phải tệp zip hoặc đã bị hỏng; hãy mở lại trong Excel và lưu dưới dạng .xlsx hoặc CSV UTF-8",
                en: "the file does not open as an Excel workbook (.xlsx): it is no zip file or it is damaged; open it in Excel again and save it as .xlsx or CSV UTF-8"))
        }
        self.archive = archive
        var declared: UInt64 = 0
        for entry in archive { declared &+= entry.uncompressedSize }
        if declared > UInt64(limit) { throw tooLarge() }
    }

    /// The bytes of the part at `path` (no leading `/`); nil when the package has none.
    func part(_ path: String) throws(XLSXFailure) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(budget))))
        var over = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if chunk.count > self.budget {
                    over = true
                    throw CancellationError()
                }
                self.budget -= chunk.count
                bytes.append(contentsOf: chunk)
            }
        } catch {
            if over { throw tooLarge() }
            throw XLSXFailure(.badXLSX, language.pick(
                vi: "sổ tính bị hỏng: phần \(path) không giải nén được; hãy mở lại trong Excel và lưu lại",
                en: "the workbook is damaged: its part \(path) does not unpack; open it in Excel and save it again"))
        }
        return bytes
    }

    enum TextKind { case html, text }

    /// What bytes that are no zip are when they read as text (their first 4 KiB: UTF-8, no NUL, a line break or
    /// a delimiter): a web page, other text (a CSV renamed), or nil.
    static func textKind(_ bytes: [UInt8]) -> TextKind? {
        var head = Array(bytes.prefix(4096))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        // A multi-byte character cut at 4 KiB is not a reason to call the text binary.
        var valid = String(validating: head, as: UTF8.self)
        for cut in 1...3 where valid == nil && head.count > cut { valid = String(validating: head.dropLast(cut), as: UTF8.self) }
        guard let text = valid, !head.isEmpty, !head.contains(0),
              text.contains(where: { $0 == "\n" || $0 == "," || $0 == ";" || $0 == "\t" || $0 == "<" }) else { return nil }
        let start = text.drop { $0.isWhitespace }.prefix(200).lowercased()
        if XLSXPackage.beginsAsHTML(start) || (start.hasPrefix("<?xml") && text.lowercased().contains("<html")) {
            return .html
        }
        // Other markup, a PDF's header, JSON: not a CSV; the general message stands.
        return ["<", "%pdf", "{", "["].contains { start.hasPrefix($0) } ? nil : .text
    }

    /// Whether lowercased text begins as a web page does (Excel's "Save as Web Page", a system's HTML export).
    static func beginsAsHTML(_ lowercased: some StringProtocol) -> Bool {
        lowercased.hasPrefix("<!doctype html") || lowercased.hasPrefix("<html") || lowercased.hasPrefix("<table")
    }

    private func tooLarge() -> XLSXFailure {
        XLSXFailure(.tooLarge, language.pick(vi: "sổ tính khi giải nén vượt quá giới hạn \(limit) byte",
                                             en: "the workbook unpacks past the limit of \(limit) bytes"))
    }
}

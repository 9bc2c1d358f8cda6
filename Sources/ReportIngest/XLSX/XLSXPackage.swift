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
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw XLSXFailure(.badXLSX, language.pick(
                vi: "tệp không phải sổ tính .xlsx mà là tệp Office cũ hoặc được đặt mật khẩu (.xls đổi tên, sổ tính mã hóa); hãy bỏ mật khẩu và lưu lại dưới dạng .xlsx hoặc CSV UTF-8",
                en: "the file is not an .xlsx workbook but an older or password-protected Office file (a renamed .xls, an encrypted workbook); remove the password and save it as .xlsx or CSV UTF-8"))
        }
        guard bytes.starts(with: [0x50, 0x4B]), let archive = try? Archive(data: Data(bytes), accessMode: .read) else {
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

    private func tooLarge() -> XLSXFailure {
        XLSXFailure(.tooLarge, language.pick(vi: "sổ tính khi giải nén vượt quá giới hạn \(limit) byte",
                                             en: "the workbook unpacks past the limit of \(limit) bytes"))
    }
}

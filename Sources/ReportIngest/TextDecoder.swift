import Foundation
import ReportCompression
import ReportModel

/// Turns a submission's bytes into NFC UTF-8: unwraps `.gz`, finds the encoding.
public struct TextDecoder: Sendable {
    /// Largest size a submission may have once decompressed (default 64 MiB).
    public var sizeLimit: Int
    /// The language of failure details.
    public var language: Language = .vi

    public init(sizeLimit: Int = 64 << 20) { self.sizeLimit = sizeLimit }

    /// Decodes `bytes` of a file named `name` (`.gz` is unwrapped first).
    public func decode(_ bytes: [UInt8], name: String) throws(DecodeFailure) -> DecodedText {
        let l = language
        var data = bytes
        var suffix = ""
        if name.lowercased().hasSuffix(".gz") {
            do {
                data = try Gunzip.inflate(bytes, limit: sizeLimit)
            } catch {
                switch error {
                case .tooLarge(let limit):
                    throw DecodeFailure(.tooLarge, l.pick(vi: "khi giải nén vượt quá giới hạn \(limit) byte", en: "inflates past the limit of \(limit) bytes"), encoding: "gzip")
                case .truncated:
                    throw DecodeFailure(.unreadableEncoding, l.pick(vi: "dữ liệu gzip bị cắt cụt (tệp chưa gửi hết?); hãy gửi lại tệp",
                                                                    en: "the gzip data ends early (truncated file)"), encoding: "gzip")
                case .corrupt(let why):
                    throw DecodeFailure(.unreadableEncoding, l.pick(vi: "dữ liệu gzip bị hỏng: \(why); hãy nén và gửi lại tệp",
                                                                    en: "corrupt gzip data: \(why)"), encoding: "gzip")
                }
            }
            suffix = "+gzip"
        } else if bytes.count > sizeLimit {
            throw DecodeFailure(.tooLarge, l.pick(vi: "tệp \(bytes.count) byte vượt quá giới hạn \(sizeLimit) byte",
                                                  en: "\(bytes.count) bytes is over the limit of \(sizeLimit)"))
        }
        do {
            var text = try decodeText(data)
            text.encoding += suffix
            return text
        } catch {
            throw DecodeFailure(error.reason, error.detail, encoding: error.encoding + suffix)
        }
    }

    /// A workbook sent under a text file's name: said to be one, with what to do (not read as one: the unit sends
    /// what it means, as for a CSV named `.xlsx`).
    func officeFile(_ office: OfficeSignature) -> DecodeFailure {
        switch office {
        case .zip:
            DecodeFailure(.unreadableEncoding, language.pick(
                vi: "tệp là sổ tính Excel (.xlsx) hoặc tệp nén zip, không phải văn bản CSV/JSON; nếu là sổ tính báo cáo, hãy đổi đuôi tệp thành .xlsx, hoặc mở trong Excel và lưu lại dưới dạng CSV UTF-8",
                en: "the file is an Excel workbook (.xlsx) or a zip, not CSV/JSON text; if it is the report's workbook, rename it to .xlsx, or open it in Excel and save it as CSV UTF-8"),
                encoding: "unknown")
        case .ole:
            DecodeFailure(.unreadableEncoding, language.pick(
                vi: "tệp là sổ tính Excel cũ (.xls) hoặc có mật khẩu, không phải văn bản CSV/JSON; hãy bỏ mật khẩu và lưu lại dưới dạng .xlsx hoặc CSV UTF-8",
                en: "the file is an old (.xls) or password-protected Excel workbook, not CSV/JSON text; remove the password and save it as .xlsx or CSV UTF-8"),
                encoding: "unknown")
        }
    }

    func decodeText(_ data: [UInt8]) throws(DecodeFailure) -> DecodedText {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try utf8(Array(data.dropFirst(3)), encoding: "utf-8-bom")
        }
        if data.starts(with: [0xFF, 0xFE]) { return try utf16(data.dropFirst(2), bigEndian: false) }
        if data.starts(with: [0xFE, 0xFF]) { return try utf16(data.dropFirst(2), bigEndian: true) }
        let l = language
        if let nul = data.firstIndex(of: 0) {
            if let office = OfficeSignature(data) { throw officeFile(office) }
            throw DecodeFailure(.unreadableEncoding, l.pick(
                vi: "có byte NUL ở vị trí \(nul) ngoài UTF-16: tệp không phải văn bản CSV/JSON; hãy lưu lại dưới dạng CSV UTF-8 hoặc .xlsx",
                en: "NUL byte at offset \(nul) outside UTF-16"), encoding: "unknown")
        }
        if let text = try? utf8(data, encoding: "utf-8") { return text }
        // Vietnamese letters with tones (U+1EA0–U+1EF9) are E1 BA/BB xx in UTF-8, a sequence Windows-1258
        // text does not produce ("áº", "á»"): such a file is damaged UTF-8, not legacy text to guess at.
        if TextDecoder.vietnameseUTF8Sequences(in: data) >= 2 {
            throw DecodeFailure(.unreadableEncoding, l.pick(
                vi: "UTF-8 không hợp lệ trong một tệp UTF-8 (một chuỗi byte bị hỏng); hãy lưu lại dưới dạng CSV UTF-8",
                en: "invalid UTF-8 in a UTF-8 file (a byte sequence is damaged)"), encoding: "utf-8")
        }
        return try cp1258(data)
    }

    /// How many well-formed UTF-8 encodings of U+1E80–U+1EFF the bytes hold.
    static func vietnameseUTF8Sequences(in b: [UInt8]) -> Int {
        var count = 0
        var i = 0
        while i + 2 < b.count {
            if b[i] == 0xE1, b[i + 1] == 0xBA || b[i + 1] == 0xBB, b[i + 2] & 0xC0 == 0x80 {
                count += 1
                i += 3
            } else {
                i += 1
            }
        }
        return count
    }

    private func utf8(_ data: [UInt8], encoding: String) throws(DecodeFailure) -> DecodedText {
        guard let s = String(validating: data, as: UTF8.self) else {
            throw DecodeFailure(.unreadableEncoding, language.pick(vi: "UTF-8 không hợp lệ; hãy lưu lại dưới dạng CSV UTF-8", en: "invalid UTF-8"), encoding: encoding)
        }
        if encoding == "utf-8-bom", data.contains(0) {
            throw DecodeFailure(.unreadableEncoding, language.pick(vi: "có byte NUL trong văn bản UTF-8", en: "NUL byte in UTF-8 text"), encoding: encoding)
        }
        return DecodedText(bytes: TextDecoder.nfcBytes(s, original: data), encoding: encoding)
    }

    private func utf16(_ data: ArraySlice<UInt8>, bigEndian: Bool) throws(DecodeFailure) -> DecodedText {
        let encoding = bigEndian ? "utf-16be" : "utf-16le"
        guard data.count % 2 == 0 else {
            throw DecodeFailure(.unreadableEncoding, language.pick(vi: "số byte lẻ trong văn bản UTF-16 (tệp bị cắt?)", en: "odd number of bytes in UTF-16"), encoding: encoding)
        }
        var units: [UInt16] = []
        units.reserveCapacity(data.count / 2)
        var i = data.startIndex
        while i < data.endIndex {
            let a = UInt16(data[i]), b = UInt16(data[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        var scalars = String.UnicodeScalarView()
        var it = units.makeIterator()
        var codec = UTF16()
        loop: while true {
            switch codec.decode(&it) {
            case .scalarValue(let v):
                if v.value == 0 { throw DecodeFailure(.unreadableEncoding, language.pick(vi: "có ký tự NUL trong văn bản UTF-16", en: "NUL character in UTF-16 text"), encoding: encoding) }
                scalars.append(v)
            case .emptyInput: break loop
            case .error: throw DecodeFailure(.unreadableEncoding, language.pick(vi: "UTF-16 không hợp lệ (surrogate lẻ)", en: "invalid UTF-16 (unpaired surrogate)"), encoding: encoding)
            }
        }
        let s = String(scalars)
        return DecodedText(bytes: Array(s.nfc.utf8), encoding: encoding)
    }

    private func cp1258(_ data: [UInt8]) throws(DecodeFailure) -> DecodedText {
        guard let s = Iconv.decode(data, from: "CP1258") else {
            throw DecodeFailure(.unreadableEncoding, language.pick(vi: "tệp không phải UTF-8 cũng không phải Windows-1258; hãy lưu lại dưới dạng CSV UTF-8",
                                                                   en: "neither UTF-8 nor Windows-1258"), encoding: "unknown")
        }
        return DecodedText(bytes: Array(s.nfc.utf8), encoding: "cp1258")
    }

    /// NFC bytes of `s`; text without combining marks is already NFC, and is kept as is.
    static func nfcBytes(_ s: String, original: [UInt8]) -> [UInt8] {
        String.mayNeedNFC(original) ? Array(s.precomposedStringWithCanonicalMapping.utf8) : original
    }
}

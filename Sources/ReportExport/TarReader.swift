import ReportModel

/// Parses ustar archives, applying pax `path` and `size` records.
enum TarReader {
    static func files(in tar: [UInt8], location: String) throws -> [(name: String, bytes: [UInt8])] {
        func corrupt(_ vi: String, _ en: String) -> ReportError {
            ReportError(.dataError, vi: "tệp lưu trữ tar bị hỏng: \(vi); hãy khôi phục nó từ bản sao lưu",
                        en: "tar archive is corrupt: \(en); restore it from a backup", location: location)
        }
        var files: [(name: String, bytes: [UInt8])] = []
        var offset = 0
        var pax: [String: [UInt8]] = [:]
        while true {
            guard offset + 512 <= tar.count else { throw corrupt("thiếu các khối kết thúc", "no end-of-archive blocks") }
            let header = tar[offset..<offset + 512]
            if header.allSatisfy({ $0 == 0 }) { return files }
            guard checksumMatches(header) else { throw corrupt("tổng kiểm tra của phần đầu sai tại byte \(offset)", "bad header checksum at byte \(offset)") }
            let typeflag = header[header.startIndex + 156]
            guard var size = octal(header, 124, 12) else { throw corrupt("kích thước sai tại byte \(offset)", "bad size at byte \(offset)") }
            if let paxSize = pax["size"].flatMap({ Int(String(decoding: $0, as: UTF8.self)) }) { size = paxSize }
            let dataStart = offset + 512
            // The size comes from the archive (a pax record can say anything): compared without overflowing.
            guard size >= 0, size <= tar.count - dataStart else { throw corrupt("một tệp bên trong vượt quá cuối tệp lưu trữ", "member past end") }
            let data = Array(tar[dataStart..<dataStart + size])
            offset = dataStart + (size + 511) / 512 * 512

            switch typeflag {
            case UInt8(ascii: "x"):
                pax = try records(data, corrupt: corrupt)
            case UInt8(ascii: "g"):
                break
            case UInt8(ascii: "0"), 0:
                let name = pax["path"] ?? ustarName(header)
                files.append((String(decoding: name, as: UTF8.self), data))
                pax = [:]
            default:
                pax = [:]
            }
        }
    }

    private static func field(_ header: ArraySlice<UInt8>, _ at: Int, _ width: Int) -> ArraySlice<UInt8> {
        let start = header.startIndex + at
        let bytes = header[start..<start + width]
        return bytes.prefix { $0 != 0 }
    }

    private static func ustarName(_ header: ArraySlice<UInt8>) -> [UInt8] {
        let name = Array(field(header, 0, 100)), prefix = Array(field(header, 345, 155))
        return prefix.isEmpty ? name : prefix + [UInt8(ascii: "/")] + name
    }

    private static func octal(_ header: ArraySlice<UInt8>, _ at: Int, _ width: Int) -> Int? {
        let digits = field(header, at, width).filter { $0 != 0x20 }
        guard !digits.isEmpty else { return 0 }
        return Int(String(decoding: digits, as: UTF8.self), radix: 8)
    }

    private static func checksumMatches(_ header: ArraySlice<UInt8>) -> Bool {
        guard let stored = octal(header, 148, 8) else { return false }
        var sum = 0
        for (i, byte) in header.enumerated() { sum += (148..<156).contains(i) ? 0x20 : Int(byte) }
        return sum == stored
    }

    /// Parses `"<len> key=value\n"` records.
    private static func records(_ data: [UInt8], corrupt: (String, String) -> ReportError) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        var at = 0
        while at < data.count {
            guard let space = data[at...].firstIndex(of: 0x20),
                  let length = Int(String(decoding: data[at..<space], as: UTF8.self)),
                  length > space - at, at + length <= data.count, data[at + length - 1] == 0x0A,
                  let equals = data[space..<at + length].firstIndex(of: UInt8(ascii: "="))
            else { throw corrupt("bản ghi pax sai", "bad pax record") }
            let key = String(decoding: data[(space + 1)..<equals], as: UTF8.self)
            result[key] = Array(data[(equals + 1)..<(at + length - 1)])
            at += length
        }
        return result
    }
}

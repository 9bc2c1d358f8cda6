import Foundation
import ReportCompression
import ReportModel

/// Reads back the regular files of a `.tar.gz` (ustar with pax paths), for `archive verify`.
public enum ArchiveReader {
    /// Each regular file of the gzipped tar at `url`, in archive order; `.dataError` when corrupt.
    public static func members(of url: URL, maxInflatedBytes: Int = 1 << 32) throws -> [(name: String, bytes: [UInt8])] {
        let compressed: [UInt8]
        do {
            compressed = Array(try Data(contentsOf: url))
        } catch {
            throw ReportError(wrapping: error)
        }
        let tar: [UInt8]
        do {
            tar = try Gunzip.inflate(compressed, limit: maxInflatedBytes)
        } catch {
            throw ReportError(.dataError, vi: "không giải nén được tệp lưu trữ; hãy khôi phục nó từ bản sao lưu", en: "the archive cannot be inflated; restore it from a backup",
                              cause: error, location: url.path)
        }
        return try TarReader.files(in: tar, location: url.path)
    }
}

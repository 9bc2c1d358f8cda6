import Foundation
import ReportHashing
import ReportModel

/// Writes a date's archive: a `.tar.gz` of raw submissions with a SHA-256 manifest.
public enum ArchiveWriter {
    /// The name of the `sha256sum -c` manifest inside the archive.
    public static let checksumName = "MANIFEST.sha256"
    /// The name of the JSON manifest inside the archive.
    public static let manifestName = "manifest.json"

    /// The gzip level of archives. Level 1 is measured on a national day's 11.4 MB tar (`gzip -N`, this machine):
    /// 0.06 s and 1.28 MB, against 0.13 s and 0.99 MB at the usual 6 — an archive of record a third larger
    /// (~0.3 GB a year) for half the CPU of the nightly run's largest single step.
    public static let defaultLevel = 1

    /// Writes `members`, `MANIFEST.sha256` and `manifest.json` as a gzipped tar at `url`, atomically.
    public static func writeArchive(members: [ArchiveMember], manifestJSON: Data, to url: URL,
                                    level: Int = defaultLevel) throws {
        try validate(members, location: url.path)
        let manifest = ArchiveMember(name: manifestName, bytes: Array(manifestJSON),
                                     mtime: members.map(\.mtime).max() ?? 0)
        let checksums = ArchiveMember(name: checksumName, bytes: checksumFile(for: members + [manifest]),
                                      mtime: manifest.mtime)

        var tar: [UInt8] = []
        tar.reserveCapacity(members.reduce(0) { $0 + $1.bytes.count + 1024 } + 8192)
        var writer = TarWriter { tar.append(contentsOf: $0) }
        for member in [checksums, manifest] {
            try writer.append(name: member.name, data: member.bytes, mtime: member.mtime)
        }
        for member in members {
            try writer.append(name: member.name, data: member.bytes, mtime: member.mtime)
        }
        try writer.finish()
        try AtomicFile.write(try GzipWriter.compressParallel(tar, level: level), to: url)
    }

    /// `sha256sum` lines for `members`, with GNU escaping for names holding `\` or a newline.
    static func checksumFile(for members: [ArchiveMember]) -> [UInt8] {
        var text: [UInt8] = []
        for member in members {
            // Bytes, not Characters: "\r\n" is one Character and would hide its "\n".
            let name = Array(member.name.utf8)
            var escapedName: [UInt8] = []
            for byte in name {
                switch byte {
                case UInt8(ascii: "\\"): escapedName += Array("\\\\".utf8)
                case 0x0A: escapedName += Array("\\n".utf8)
                default: escapedName.append(byte)
                }
            }
            if escapedName != name { text.append(UInt8(ascii: "\\")) }
            text += Array((member.sha256 ?? SHA256Hex.hex(of: member.bytes)).utf8) + Array("  ".utf8) + escapedName + [0x0A]
        }
        return text
    }

    /// Rejects names `tar -x` would place outside the folder, or that collide.
    private static func validate(_ members: [ArchiveMember], location: String) throws {
        var seen: Set<[UInt8]> = [Array(checksumName.utf8), Array(manifestName.utf8)]
        for member in members {
            let name = Array(member.name.utf8)
            // Split on bytes: a combining mark after "/" would glue it into one Character.
            let parts = name.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            if name.isEmpty || name.contains(0)
                || parts.contains(where: { $0.isEmpty || $0.elementsEqual(".".utf8) || $0.elementsEqual("..".utf8) }) {
                throw ReportError(.internal, "unsafe archive member name \(member.name.debugDescription)", location: location)
            }
            // Byte-wise: two spellings (NFC, NFD) of one name are two tar members.
            if !seen.insert(name).inserted {
                throw ReportError(.internal, "duplicate archive member name \(member.name.debugDescription)", location: location)
            }
        }
    }
}

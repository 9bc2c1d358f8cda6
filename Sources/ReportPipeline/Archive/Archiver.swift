import Foundation
import ReportExport
import ReportModel
import ReportWarehouse

/// Stage 9: each date's archive of record, `OUT/archive/YYYY/MM/D.tar.gz`, from the kept raw bytes.
struct Archiver: Sendable {
    let out: URL
    let rawStore: RawStore

    /// What the archiving thread did, for the run log.
    struct Report: Sendable {
        var archives = 0
        var bytesIn = 0
        var milliseconds = 0
        /// The WAL checkpoint done on the same thread just before.
        var checkpointMs = 0
        /// Dates not archived because a kept copy could not be read or no longer has its SHA-256, with the
        /// inbox paths of those copies: each date's archive stays as it was.
        var damaged: [Day: [String]] = [:]
    }

    /// Writes the archives of `days` with a connection of its own, so it can run beside the exports.
    func write(_ days: [Day], warehousePath: String) throws -> Report {
        let start = Date()
        let warehouse = try Warehouse(path: warehousePath)
        var report = Report()
        for day in days {
            switch try write(day, warehouse: warehouse) {
            case .archived(let bytes):
                report.bytesIn += bytes
                report.archives += 1
            case .damaged(let paths): report.damaged[day] = paths
            }
        }
        report.milliseconds = Int(Date().timeIntervalSince(start) * 1000)
        return report
    }

    /// What writing a day's archive came to.
    enum Outcome: Equatable {
        /// Written, from this many bytes of kept copies.
        case archived(Int)
        /// Not written: these submissions' kept copies cannot be read or are not the bytes received.
        case damaged([String])
    }

    /// The day's archive of record, rewritten whole from the kept copies, each checked against its SHA-256 as it
    /// is read (a run's own copies are not read before: `keepCopiesWhole`).
    @discardableResult
    func write(_ day: Day, warehouse: Warehouse) throws -> Outcome {
        let submissions = try warehouse.submissions(on: day, withDates: false)
        guard !submissions.isEmpty else { return .archived(0) }
        let c = day.components
        let url = out.appendingPathComponent("archive").appendingPathComponent(String(format: "%04d", c.year))
            .appendingPathComponent(String(format: "%02d", c.month)).appendingPathComponent("\(day.iso).tar.gz")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let reader = RawStore.Reader(store: rawStore)
        var members: [ArchiveMember] = []
        var manifest: [String] = []
        let blobs = try warehouse.rawBlobs(on: day)
        let names = ArchiveMemberNames.assign(submissions)
        var damaged: [String] = []
        for (s, name) in zip(submissions, names) {
            // A file past the keep limit was never kept: the manifest lists it, the archive holds no bytes.
            let blob = blobs[s.sha256]
            if let blob {
                guard let bytes = reader.intactBytes(blob) else {
                    damaged.append(s.path)
                    continue
                }
                members.append(ArchiveMember(name: name, bytes: bytes, mtime: s.receivedAt.seconds, sha256: s.sha256))
            }
            let member = blob == nil ? "null" : jsonString(name)
            manifest.append("  {\"encoding\": \(jsonString(s.encoding)), \"kept\": \(blob != nil), \"member\": \(member), "
                            + "\"path\": \(jsonString(s.path)), "
                            + "\"received_at\": \"\(s.receivedAt.iso)\", \"sha256\": \"\(s.sha256)\", "
                            + "\"size\": \(s.size), \"status\": \"\(s.status.rawValue)\"}")
        }
        guard damaged.isEmpty else { return .damaged(damaged) }
        let json = Data(("[\n" + manifest.joined(separator: ",\n") + "\n]\n").utf8)
        try ArchiveWriter.writeArchive(members: members, manifestJSON: json, to: url)
        return .archived(members.reduce(0) { $0 + $1.bytes.count })
    }

    /// A JSON string literal (the manifest is written by hand: thousands of members, JSONSerialization is slow).
    private func jsonString(_ s: String) -> String {
        // Most paths and names need no escape: quoted as they are.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}

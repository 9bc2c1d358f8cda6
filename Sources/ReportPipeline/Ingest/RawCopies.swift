import Foundation
import ReportHashing
import ReportModel
import ReportWarehouse

/// The kept raw copies (`OUT/raw/*.pack`) checked against what the warehouse lists, and a lost copy taken
/// again from the inbox when the same bytes are still there (contract §7).
enum RawCopies {
    /// A kept copy that is missing, cut short or changed, with the inbox path of its submission.
    struct Lost: Sendable {
        var blob: RawBlob
        var path: String
    }

    /// Copies whose pack is missing or too short to hold them (one `stat` per pack: cheap enough for each run).
    static func missing(_ copies: [(blob: RawBlob, path: String)], store: RawStore) -> [Lost] {
        var sizes: [String: Int64] = [:]
        var lost: [Lost] = []
        for (blob, path) in copies {
            let size = sizes[blob.pack] ?? {
                var st = stat()
                let s = stat(store.root.appendingPathComponent(blob.pack).path, &st) == 0 ? Int64(st.st_size) : -1
                sizes[blob.pack] = s
                return s
            }()
            if size < blob.offset + blob.length { lost.append(Lost(blob: blob, path: path)) }
        }
        return lost
    }

    /// Copies that cannot be read or whose bytes no longer have their SHA-256 (each read and hashed).
    /// On both cores, each with its own open packs.
    static func damaged(_ copies: [(blob: RawBlob, path: String)], store: RawStore) throws -> [Lost] {
        try Parallel.map(count: copies.count, context: { RawStore.Reader(store: store) }) { reader, i -> Lost? in
            let (blob, path) = copies[i]
            return reader.intactBytes(blob) == nil ? Lost(blob: blob, path: path) : nil
        }.compactMap { $0 }
    }

    /// Keeps again, in a new pack, the lost copies whose bytes are still in the inbox at their path;
    /// returns the ones that are not.
    static func recover(_ lost: [Lost], inbox: String, store: RawStore, warehouse: Warehouse, packName: String) throws -> [Lost] {
        var found: [(sha256: String, bytes: [UInt8])] = []
        var notFound: [Lost] = []
        for l in lost {
            let path = URL(fileURLWithPath: inbox).appendingPathComponent(l.path).path
            if let bytes = Ingestion.contents(ofFileAt: path, sizeHint: Int(l.blob.length)), SHA256Hex.hex(of: bytes) == l.blob.sha256 {
                found.append((l.blob.sha256, bytes))
            } else {
                notFound.append(l)
            }
        }
        try warehouse.moveRawBlobs(try store.pack(found, name: packName))
        return notFound
    }
}

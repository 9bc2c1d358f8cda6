import Foundation
import ReportModel
import ReportWarehouse

/// What a killed run may leave in the output folder, removed by the next run (which holds the lock).
enum Housekeeping {
    /// Removes temporary files (`.NAME.tmp-PID`), raw packs no recorded file points into, and marks dead runs.
    static func sweep(out: URL, warehouse: Warehouse) throws {
        try warehouse.markAbandonedRuns()
        let fm = FileManager.default
        for folder in [out, out.appendingPathComponent("raw"), out.appendingPathComponent("metrics")] {
            for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where isTemporary(name) {
                try? fm.removeItem(at: folder.appendingPathComponent(name))
            }
        }
        if let walker = fm.enumerator(atPath: out.appendingPathComponent("archive").path) {
            for case let rel as String in walker where isTemporary((rel as NSString).lastPathComponent) {
                try? fm.removeItem(at: out.appendingPathComponent("archive").appendingPathComponent(rel))
            }
        }
        // A pack renamed into place whose load transaction never committed holds nothing the warehouse knows.
        let referenced = try warehouse.referencedPacks()
        let raw = out.appendingPathComponent("raw")
        for name in (try? fm.contentsOfDirectory(atPath: raw.path)) ?? [] where name.hasSuffix(".pack") && !referenced.contains(name) {
            try? fm.removeItem(at: raw.appendingPathComponent(name))
        }
    }

    /// `.NAME.tmp-…`, the temporary names AtomicFile and RawStore write under.
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-") && !name.hasSuffix(".lock")
    }
}

import Foundation
import ReportModel
import ReportWarehouse

/// What a killed run may leave in the output folder, removed by the next run (which holds the lock).
enum Housekeeping {
    /// Removes temporary files (`.NAME.tmp-PID`) and the packs of killed runs, and marks dead runs.
    /// Returns how many packs the warehouse does not list were left in place.
    @discardableResult
    static func sweep(out: URL, warehouse: Warehouse) throws -> Int {
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
        return try settlePacks(raw: out.appendingPathComponent("raw"), warehouse: warehouse)
    }

    /// Removes the packs a run of this warehouse planned but never recorded (killed before its load committed:
    /// the files it held are still unrecorded, and read again). A pack the warehouse does not list at all is
    /// never removed: it may be the only copy of files an older or damaged warehouse knew (contract §7).
    /// Returns how many such unlisted packs were left in place.
    static func settlePacks(raw: URL, warehouse: Warehouse) throws -> Int {
        let fm = FileManager.default
        let referenced = try warehouse.referencedPacks()
        let planned = try warehouse.plannedPacks()
        var settled = planned.intersection(referenced)
        var unlisted = 0
        for name in (try? fm.contentsOfDirectory(atPath: raw.path)) ?? [] where name.hasSuffix(".pack") && !referenced.contains(name) {
            guard planned.contains(name) else {
                unlisted += 1
                continue
            }
            if (try? fm.removeItem(at: raw.appendingPathComponent(name))) != nil { settled.insert(name) }
        }
        // A planned pack never written (the run was killed before) is settled too.
        for name in planned where !fm.fileExists(atPath: raw.appendingPathComponent(name).path) { settled.insert(name) }
        try warehouse.forgetPlannedPacks(settled)
        return unlisted
    }

    /// `.NAME.tmp-…`, the temporary names AtomicFile and RawStore write under.
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-") && !name.hasSuffix(".lock")
    }
}

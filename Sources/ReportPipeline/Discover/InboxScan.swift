import Foundation
import ReportModel
import ReportWarehouse

/// How a run's discovery walks the inbox (issue #19): folders unchanged since an earlier run and older than the
/// horizon are skipped, except on a full scan (`--full-scan`, at least weekly, and the first scan of an inbox).
struct InboxScan: Sendable {
    /// Why every folder is walked this run; nil when old unchanged folders may be skipped.
    enum FullScan: Sendable, Equatable {
        case asked
        case weekly(lastAt: Int64)
        case firstOfInbox
    }

    /// A full scan is due this long after the last one (or when the run's clock is that far before it).
    static let fullScanInterval: Int64 = 7 * 86_400

    var plan: Discovery.ScanPlan
    var fullScan: FullScan?
    /// Every known file stamp, read beforehand on a full scan (and how long that took, ms).
    var allKnown: (KnownFiles, Int)?
    /// The inbox's absolute path, as recorded with a full scan.
    var inbox: String

    /// Reads what the warehouse recorded of earlier walks and decides; on a full scan reads every known file too.
    static func prepare(warehousePath: String, inbox: String, clock: Timestamp, horizonDays: Int, asked: Bool) throws -> InboxScan {
        let warehouse = try Warehouse(path: warehousePath)
        let root = URL(fileURLWithPath: inbox).standardized.path
        let previous = try warehouse.inboxFolders()
        var full: FullScan?
        if asked {
            full = .asked
        } else if let last = try warehouse.lastFullScan(), last.inbox == root {
            if abs(clock.seconds - last.at) >= fullScanInterval { full = .weekly(lastAt: last.at) }
        } else {
            full = .firstOfInbox
        }
        let skipBefore = full == nil ? (clock.seconds - Int64(horizonDays) * 86_400) * 1_000_000_000 : .min
        var scan = InboxScan(plan: Discovery.ScanPlan(previous: previous, skipBefore: skipBefore), fullScan: full, inbox: root)
        if full != nil {
            let start = Date()
            let known = try warehouse.fileStamps()
            scan.allKnown = (known, Int(Date().timeIntervalSince(start) * 1000))
        }
        return scan
    }

    /// The known files of the walked folders that hold files (all of them, read beforehand, on a full scan).
    func knownFiles(walked folders: [String], warehousePath: String) throws -> (KnownFiles, Int) {
        if let allKnown { return allKnown }
        let start = Date()
        let known = try Warehouse(path: warehousePath).fileStamps(inFolders: folders)
        return (known, Int(Date().timeIntervalSince(start) * 1000))
    }

    /// Records what this walk saw, after the run succeeded: the folders' times (none that could not be listed or
    /// hold a file left for a later run, nor their parents: those are walked again), and a full scan's time.
    func record(_ found: Discovery.Found, leftForLater: [String], warehouse: Warehouse, at clock: Timestamp) throws {
        var untrusted = Set<String>()
        // A skipped folder's unrecorded subfolders are not looked at: the parents of a folder walked again must be too.
        func distrust(_ folder: String) {
            var f = folder
            while untrusted.insert(f).inserted, !f.isEmpty { f = KnownFiles.split(f).folder }
        }
        for path in leftForLater { distrust(KnownFiles.split(path).folder) }
        for f in found.folders where f.unreadable { distrust(f.path) }
        var seen = Set<String>(), changed: [(path: String, stamp: InboxFolderStamps.Stamp)] = []
        for f in found.folders where !untrusted.contains(f.path) {
            seen.insert(f.path)
            if plan.previous[f.path] != f.stamp { changed.append((f.path, f.stamp)) }
        }
        let removing = plan.previous.byPath.keys.filter { !seen.contains($0) }.sorted()
        try warehouse.updateInboxFolders(changed, removing: removing)
        if fullScan != nil { try warehouse.recordFullScan(inbox: inbox, at: clock.seconds) }
    }

    /// For the summary line: that this run walked every folder, and why (a first scan of an inbox goes unsaid).
    func summaryNote(_ l: Language) -> String? {
        switch fullScan {
        case nil, .firstOfInbox: return nil
        case .asked: return l.pick(vi: "quét toàn bộ hộp thư đến (--full-scan)", en: "full inbox scan (--full-scan)")
        case .weekly(let last):
            let day = Timestamp(seconds: last).vietnamDay.iso
            return l.pick(vi: "quét toàn bộ hộp thư đến hằng tuần (lần trước là \(day))", en: "weekly full inbox scan (the last was \(day))")
        }
    }
}

import Foundation
import ReportExport
import ReportIngest
import ReportModel
import ReportWarehouse

/// Finds the figures of `national_summary.csv` that a recompute changed.
enum Restatements {
    /// One changed cell per (scope, figure) between the published and the new file.
    static func changes(old: [UInt8], new: [UInt8], day: Day, at: Timestamp) -> [Restatement] {
        let before = table(old), after = table(new)
        var out: [Restatement] = []
        for (scope, newRow) in after.rows {
            let oldRow = before.rows.first { $0.0 == scope }?.1
            for (i, column) in after.header.enumerated() where i >= 3 {
                let o = oldRow.flatMap { i < $0.count ? $0[i] : nil }
                let n = i < newRow.count ? newRow[i] : nil
                if o != n, oldRow != nil {
                    out.append(Restatement(at: at, reportDate: day, scope: scope, figure: column, oldValue: o, newValue: n))
                }
            }
        }
        return out
    }

    static func table(_ bytes: [UInt8]) -> (header: [String], rows: [(String, [String])]) {
        var records: [[String]] = []
        _ = CSVReader.records(bytes) { records.append($0.fields) }
        guard let header = records.first else { return ([], []) }
        return (header, records.dropFirst().compactMap { r in r.count > 1 ? (r[1], r) : nil })
    }

    /// Why `day`'s published figures changed in run `runId`: a re-ingest of the day, else the new files it
    /// received since it was last published (a unit's second file is a correction, else a late file), else a
    /// registry change, else a plain recompute (an earlier day's history, or a killed run finished).
    static func cause(of day: Day, reingested: Bool, registriesChanged: Bool, warehouse: Warehouse,
                      publishedName: String) throws -> Restatement.Cause {
        if reingested { return .reingest }
        if let run = try warehouse.publishedRun(on: day, name: publishedName) {
            let since = try warehouse.dataSincePublication(on: day, publishedBy: run)
            if since.corrections { return .correction }
            if since.newFiles { return .lateFile }
        }
        return registriesChanged ? .registryChange : .recompute
    }

    /// Rewrites `OUT/restatements.csv` from the warehouse.
    static func publish(_ all: [Restatement], to url: URL) throws {
        var w = CSVWriter(header: ["recorded_at", "report_date", "scope_code", "figure", "old_value", "new_value", "run_id", "cause"])
        for r in all {
            w.append(row: [.text(r.at.iso), .text(r.reportDate.iso), .text(r.scope), .text(r.figure),
                           .text(r.oldValue ?? ""), .text(r.newValue ?? ""), .text(r.runId.map(String.init) ?? ""), .text(r.cause)])
        }
        try AtomicFile.write(w.bytes, to: url)
    }
}

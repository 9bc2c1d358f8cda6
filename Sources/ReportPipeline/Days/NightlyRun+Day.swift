import Foundation
import ReportChecks
import ReportExport
import ReportHashing
import ReportModel
import ReportWarehouse

extension NightlyRun {
    /// Stages 6–8 for one report day, each logged.
    func computeDay(_ day: Day, warehouse: Warehouse, history: inout HistoryCache, runId: Int64, startedAt: Timestamp,
                    command: String, log: RunLog) throws -> DayAggregate {
        let checked = try log.stage(.check, day: day) { () throws -> (CheckedDay, [String: Int]) in
            let c = try checkDay(day, warehouse: warehouse, history: &history, runId: runId)
            return (c, ["rows": c.today.entryCount, "findings": c.findings.count])
        }
        let findings = checked.findings
        let (aggregate, figures) = try log.stage(.aggregate, day: day) { () throws -> ((DayAggregate, DayFigures), [String: Int]) in
            // A unit's first report for the day: the earliest submission with an accepted row or envelope.
            var firstReports: [String: Timestamp] = [:]
            for r in checked.unitReports where firstReports[r.unitCode].map({ r.submittedAt < $0 }) ?? true {
                firstReports[r.unitCode] = r.submittedAt
            }
            let a = Aggregation.aggregate(day: day, reports: checked.today, firstReports: firstReports,
                                          findings: findings, registries: registries, deadline: config.deadline)
            let f = Aggregation.figures(of: a, firstReports: firstReports, findings: findings, registries: registries,
                                        deadline: config.deadline)
            return ((a, f), ["received": a.scopes[0].received, "missing": a.scopes[0].missing, "late": a.scopes[0].late])
        }
        try log.stage(.export, day: day) { () throws -> ((), [String: Int]) in
            try exportDay(aggregate, figures: figures, findings: findings, warehouse: warehouse, runId: runId, startedAt: startedAt, command: command)
            return ((), ["files": DayExporters.all.count + aggregate.scopes.count])
        }
        return aggregate
    }

    /// Stage 6: the day's winning rows and findings; keeps the day's compact counts for later days' history.
    func checkDay(_ day: Day, warehouse: Warehouse, history: inout HistoryCache, runId: Int64) throws -> CheckedDay {
        let unitReports = try warehouse.unitReports(on: day)
        // A unit that sent only an empty envelope reported a day with no activity.
        let today = DayReports(day: day, winners: try warehouse.winningCounts(on: day), envelopes: unitReports.map(\.unitCode))
        let past = try history.days(before: day)
        let findings = Checks.run(today: today, previousReportDay: registries.calendar.previousReportDay(before: day),
                                  history: past, unitReports: unitReports, registries: registries, settings: config.checks)
        try warehouse.replaceFindings(findings, on: day, runId: runId)
        try warehouse.saveSnapshot(DaySnapshot.encode(today), on: day)
        history.remember(today)
        return CheckedDay(today: today, findings: findings, unitReports: unitReports)
    }

    /// Stage 8: the day's files, built in a temporary folder and published whole; changed figures recorded.
    func exportDay(_ aggregate: DayAggregate, figures: DayFigures, findings: [Finding], warehouse: Warehouse, runId: Int64, startedAt: Timestamp,
                   command: String) throws {
        let day = aggregate.day
        var inputs = registryInputs
        inputs += try warehouse.submissions(on: day, withDates: false).map { RunInfo.Input(path: "inbox/" + $0.path, sha256: $0.sha256) }
        let input = DayExportInput(aggregate: aggregate, findings: findings, rejects: try warehouse.rejects(on: day),
                                   run: RunInfo(id: runId, command: command, startedAt: startedAt.iso, inputs: inputs,
                                                version: BuildInfo.current.short),
                                   publication: Publication(started: startedAt, deadline: config.deadline.instant(for: day)),
                                   deadline: config.deadline.instant(for: day), language: config.language)
        let folder = out.appendingPathComponent("exports").appendingPathComponent(day.iso)
        try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        let national = NationalSummaryCSV()
        let newSummary = try national.render(input)
        // Compared with what the warehouse says was published: a run killed after the folder swap
        // but before recording finds the same changes again, and records them once.
        let published = try warehouse.publishedContent(on: day, name: national.fileName)
        let now = clock()
        var changes = published.map { Restatements.changes(old: $0, new: newSummary, day: day, at: now) } ?? []
        if !changes.isEmpty {
            let cause = try Restatements.cause(of: day, reingested: reingestedDays.contains(day), registriesChanged: registriesChanged,
                                               warehouse: warehouse, publishedName: national.fileName)
            for i in changes.indices {
                changes[i].cause = cause.rawValue
                changes[i].runId = runId
            }
            restatedDays.insert(day)
        }
        var context = ReportHTMLContext.fromExports(folder.deletingLastPathComponent(), day: day,
                                                    previousReportDay: { self.registries.calendar.previousReportDay(before: $0) })
        context.unitNames = unitNames
        context.provinceOf = provinceOf
        let html = ReportHTML(context: context)
        let exporters: [any DayExporter] = DayExporters.all.map { $0.fileName == html.fileName ? html : $0 }
        // Rendered on both cores, the page (the slowest) first; written in order once all are ready.
        let order = exporters.indices.sorted { (exporters[$0].fileName == html.fileName ? 0 : 1, $0) < (exporters[$1].fileName == html.fileName ? 0 : 1, $1) }
        let renderedInOrder = try Parallel.map(count: order.count) { k in
            exporters[order[k]].fileName == national.fileName ? newSummary : try exporters[order[k]].render(input)
        }
        var files = exporters.map { _ in [UInt8]() }
        for (k, i) in order.enumerated() { files[i] = renderedInOrder[k] }
        let workbooks = try DayWorkbooks(provinceOf: provinceOf).render(input)
        try AtomicDirectory.publish(build: { tmp in
            for (exporter, bytes) in zip(exporters, files) {
                try Data(bytes).write(to: tmp.appendingPathComponent(exporter.fileName))
            }
            try FileManager.default.createDirectory(at: tmp.appendingPathComponent("provinces"), withIntermediateDirectories: true)
            for (path, bytes) in workbooks { try Data(bytes).write(to: tmp.appendingPathComponent(path)) }
        }, at: folder)
        try warehouse.transaction {
            for r in changes { try warehouse.recordRestatement(r, runId: runId) }
            try warehouse.replaceDayFigures(figures)
            try warehouse.setPublished(day: day, name: national.fileName, content: newSummary,
                                       sha256: SHA256Hex.hex(of: newSummary), runId: runId)
            try warehouse.recordReportDay(day, dueAt: config.deadline.instant(for: day))
        }
    }
}

import Foundation
import ReportChecks
import ReportExport
import ReportHashing
import ReportModel
import ReportWarehouse

extension NightlyRun {
    /// Stages 6 and 7 for one report day, each logged, and stage 8's reading of the warehouse: the day's exports,
    /// ready to render and publish (`DayExport.publish`, on another thread) and then record (`recordExport`).
    func computeDay(_ day: Day, warehouse: Warehouse, history: inout HistoryCache, runId: Int64, startedAt: Timestamp,
                    command: String, log: RunLog) throws -> (DayAggregate, DayExport) {
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
        let export = try prepareExport(aggregate, figures: figures, findings: findings, warehouse: warehouse, runId: runId,
                                       startedAt: startedAt, command: command)
        return (aggregate, export)
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

    /// Stage 8, first part (the run's thread): what the day's files are made of, read from the warehouse, and the
    /// figures that changed since the day was last published.
    func prepareExport(_ aggregate: DayAggregate, figures: DayFigures, findings: [Finding], warehouse: Warehouse, runId: Int64,
                       startedAt: Timestamp, command: String) throws -> DayExport {
        let day = aggregate.day
        var inputs = registryInputs
        inputs += try warehouse.submissions(on: day, withDates: false).map { RunInfo.Input(path: "inbox/" + $0.path, sha256: $0.sha256) }
        let input = DayExportInput(aggregate: aggregate, findings: findings, rejects: try warehouse.rejects(on: day),
                                   run: RunInfo(id: runId, command: command, startedAt: startedAt.iso, inputs: inputs,
                                                version: BuildInfo.current.short),
                                   publication: Publication(started: startedAt, deadline: config.deadline.instant(for: day)),
                                   deadline: config.deadline.instant(for: day), language: config.language)
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
        return DayExport(input: input, figures: figures, folder: out.appendingPathComponent("exports").appendingPathComponent(day.iso),
                         nationalSummary: newSummary, restatements: changes, unitNames: unitNames, provinceOf: provinceOf,
                         calendar: registries.calendar)
    }

    /// Stage 8, last part (the run's thread, once the day's folder is in place): the changed figures and what was
    /// published, recorded in one transaction.
    func recordExport(_ export: DayExport, warehouse: Warehouse, runId: Int64) throws {
        let day = export.day
        try warehouse.transaction {
            for r in export.restatements { try warehouse.recordRestatement(r, runId: runId) }
            try warehouse.replaceDayFigures(export.figures)
            try warehouse.setPublished(day: day, name: NationalSummaryCSV().fileName, content: export.nationalSummary,
                                       sha256: SHA256Hex.hex(of: export.nationalSummary), runId: runId)
            try warehouse.recordReportDay(day, dueAt: config.deadline.instant(for: day))
        }
    }
}

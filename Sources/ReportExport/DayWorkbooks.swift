import Foundation
import ReportModel

/// `report.xlsx` and `provinces/NN.xlsx` (contract §4 "Workbooks"): the day's tables as Excel workbooks, the
/// nation's for the committee and one per province with that province's rows alone.
public struct DayWorkbooks: Sendable {
    /// Unit code → province code, to give each province its findings and rejects.
    public var provinceOf: [String: String]

    public init(provinceOf: [String: String]) { self.provinceOf = provinceOf }

    /// Every workbook of the day: (path in the export folder, bytes), `report.xlsx` first.
    /// Rendered on `parallel` threads.
    public func render(_ input: DayExportInput, parallel: Bool = true) throws -> [(String, [UInt8])] {
        let provinces = input.aggregate.scopes.dropFirst().map(\.scopeCode)
        let jobs: [String?] = [nil] + provinces.map { Optional($0) }
        let slots = ResultSlots<[UInt8]>(count: jobs.count)
        let work: @Sendable (Int) -> Void = { i in slots.set(i, Result { try self.workbook(input, province: jobs[i]) }) }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: jobs.count, execute: work)
        } else {
            for i in jobs.indices { work(i) }
        }
        let files = try slots.collect()
        return zip(jobs, files).map { job, bytes in (job.map { "provinces/\($0).xlsx" } ?? "report.xlsx", bytes) }
    }

    /// The sheets of the nation (`province` nil) or of one province.
    func sheets(_ input: DayExportInput, province: String?) -> [WorkbookSheet] {
        let a = input.aggregate
        let vi = input.language == .vi
        let scopes = province.map { p in a.scopes.filter { $0.scopeCode == p } + (a.unitRows[p] ?? []) } ?? a.scopes
        let procedures = province.map { a.provinceProcedures[$0] ?? [] } ?? a.procedures
        let missing = province.map { p in a.missing.filter { $0.province.code == p } } ?? a.missing
        let late = province.map { p in a.late.filter { $0.province.code == p } } ?? a.late
        let findings = province.map { p in input.findings.filter { provinceOf[$0.unitCode] == p } } ?? input.findings
        let rejects = province.map { p in input.rejects.filter { RejectProvince.of($0, provinceOf: provinceOf) == p } }
            ?? input.rejects
        typealias K = WorkbookSheet.Kind
        let summaryKinds: [K] = [.date, .text, .text, .count, .count, .count, .count, .percent, .percent,
                                 .count, .count, .count, .count, .count, .count, .count, .percent, .percent, .count]
        return [
            WorkbookSheet(name: vi ? "Tổng hợp" : "Summary", columns: NationalSummaryCSV.header, kinds: summaryKinds,
                          rows: NationalSummaryCSV.rows(day: a.day, scopes: scopes)),
            WorkbookSheet(name: vi ? "Thủ tục" : "Procedures", columns: ProcedureSummaryCSV.header,
                          kinds: [.date, .text, .text] + Array(repeating: .count, count: 8),
                          rows: ProcedureSummaryCSV.rows(day: a.day, procedures: procedures)),
            WorkbookSheet(name: vi ? "Chưa báo cáo" : "Missing", columns: MissingReportsCSV.header,
                          kinds: [.date] + Array(repeating: .text, count: 7),
                          rows: MissingReportsCSV.rows(day: a.day, missing: missing)),
            WorkbookSheet(name: vi ? "Báo cáo muộn" : "Late", columns: Self.lateHeader,
                          kinds: [.date, .text, .text, .text, .text, .dateTime], rows: Self.lateRows(day: a.day, late: late)),
            WorkbookSheet(name: vi ? "Bất thường" : "Findings", columns: AnomaliesCSV.header,
                          kinds: [.date, .text, .text, .text, .text, .figure, .figure, .figure, .text],
                          rows: AnomaliesCSV.rows(findings: findings)),
            WorkbookSheet(name: vi ? "Bị từ chối" : "Rejects", columns: RejectsCSV.header,
                          kinds: [.text, .count, .text, .text, .text], rows: RejectsCSV.rows(rejects: rejects)),
        ]
    }

    /// The late sheet's columns (no CSV has them; `summary.json`'s `late_units` lists the same units).
    static let lateHeader = ["report_date", "province_code", "province_name", "unit_code", "unit_name", "first_submitted_at"]

    static func lateRows(day: Day, late: [LateReport]) -> [[CSVField]] {
        late.map { l in
            [.text(day.iso), .text(l.province.code), .text(l.province.name), .text(l.unit.code), .text(l.unit.name),
             .text(l.firstSubmission.iso)]
        }
    }

    /// One workbook's bytes.
    func workbook(_ input: DayExportInput, province: String?) throws -> [UInt8] {
        let day = input.aggregate.day
        let name = province.flatMap { p in input.aggregate.scopes.first { $0.scopeCode == p }?.scopeName } ?? ""
        let title = input.language.pick(vi: "Báo cáo ngày ", en: "Daily report ") + ReportHTMLFormat(input.language).date(day)
            + (name.isEmpty ? "" : " — \(name)")
        // The report date's deadline, not the clock: the same figures give the same bytes on every rerun.
        let created = input.deadline ?? Timestamp.vietnam(day, hour: 0, minute: 0)
        return try WorkbookSheet.workbook(sheets(input, province: province), title: title, created: created,
                                          language: input.language)
    }
}

import ArgumentParser
import Foundation
import ReportPipeline

struct Report: ParsableCommand, SpeaksToAPerson {
    static let configuration = CommandConfiguration(
        abstract: "Writes a period's reports (exports/periods/P/) from the published daily figures.",
        discussion: """
            P is an ISO week (2026-W48), a month (2026-11) or a quarter (2026-Q4); or give --from and --to \
            (folder FROM_TO). A period not yet over covers its report days through the last exported one.
            """)
    @OptionGroup var options: CommonOptions
    @Option(help: "The period: 2026-W48, 2026-11 or 2026-Q4.") var period: String?
    @Option(help: "First day of a range, YYYY-MM-DD (with --to).") var from: String?
    @Option(help: "Last day of a range, YYYY-MM-DD (with --from).") var to: String?

    var messageLanguage: Language { options.messageLanguage }

    func run() throws {
        let p = try chosenPeriod()
        let runner = try makeRunner(options)
        let (folder, days) = try runner.report(period: p)
        let range = "\(days[0].iso) … \(days[days.count - 1].iso) → \(folder)"
        print(runner.config.language.pick(vi: "\(p.name): \(days.count) ngày báo cáo, \(range)",
                                          en: "\(p.name): \(days.count) report day(s), \(range)"))
    }

    private func chosenPeriod() throws(ReportError) -> Period {
        switch (period, from, to) {
        case (let p?, nil, nil):
            guard let parsed = Period(parsing: p), parsed.kind != .range else {
                throw ReportError(.usage,
                    vi: "--period \"\(p)\" không phải là tuần, tháng hay quý; hãy viết ví dụ 2026-W48, 2026-11 hoặc 2026-Q4 (hoặc dùng --from và --to)",
                    en: "--period \"\(p)\" is not a week, month or quarter; write e.g. 2026-W48, 2026-11 or 2026-Q4 (or use --from and --to)")
            }
            return parsed
        case (nil, let f?, let t?):
            let first = try parseDay(f, flag: "--from"), last = try parseDay(t, flag: "--to")
            guard first <= last else {
                throw ReportError(.usage, vi: "--from \(first.iso) sau --to \(last.iso); hãy đổi chỗ hai ngày",
                                  en: "--from \(first.iso) is after --to \(last.iso); swap them")
            }
            return Period.range(from: first, to: last)
        default:
            throw ReportError(.usage,
                vi: "hãy cho --period P (2026-W48, 2026-11, 2026-Q4) hoặc cả --from và --to",
                en: "give either --period P (2026-W48, 2026-11, 2026-Q4) or both --from and --to")
        }
    }
}

import Foundation
import ReportExport
import ReportModel

extension DayExport {
    /// Stage 8, second part (any thread, one day at a time and in date order: the page reads the days before it
    /// from their published folders): the day's files rendered, built in a temporary folder and published whole.
    func publish() throws -> Timing {
        let start = Date()
        var context = ReportHTMLContext.fromExports(folder.deletingLastPathComponent(), day: day,
                                                    previousReportDay: { [calendar] in calendar.previousReportDay(before: $0) })
        context.unitNames = unitNames
        context.provinceOf = provinceOf
        let html = ReportHTML(context: context)
        let national = NationalSummaryCSV()
        let exporters: [any DayExporter] = DayExporters.all.map { $0.fileName == html.fileName ? html : $0 }
        // Rendered on both cores, the page (the slowest) first; written in order once all are ready.
        let order = exporters.indices.sorted { (exporters[$0].fileName == html.fileName ? 0 : 1, $0) < (exporters[$1].fileName == html.fileName ? 0 : 1, $1) }
        let (input, summary) = (self.input, nationalSummary)
        let renderedInOrder = try Parallel.map(count: order.count) { k in
            exporters[order[k]].fileName == national.fileName ? summary : try exporters[order[k]].render(input)
        }
        var files = exporters.map { _ in [UInt8]() }
        for (k, i) in order.enumerated() { files[i] = renderedInOrder[k] }
        let workbooks = try DayWorkbooks(provinceOf: provinceOf).render(input)
        try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicDirectory.publish(build: { tmp in
            for (exporter, bytes) in zip(exporters, files) {
                try Data(bytes).write(to: tmp.appendingPathComponent(exporter.fileName))
            }
            try FileManager.default.createDirectory(at: tmp.appendingPathComponent("provinces"), withIntermediateDirectories: true)
            for (path, bytes) in workbooks { try Data(bytes).write(to: tmp.appendingPathComponent(path)) }
        }, at: folder)
        return Timing(start: start, end: Date(), files: exporters.count + workbooks.count)
    }
}

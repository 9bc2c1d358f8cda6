import ArgumentParser
import Foundation
import ReportPipeline
import ReportPostgres
import ReportWarehouse

struct Publish: ParsableCommand, SpeaksToAPerson {
    static let configuration = CommandConfiguration(
        abstract: "Copy the warehouse's published state into PostgreSQL (schema dailyreports): the dates computed since the last publication, one transaction each.",
        discussion: "A PostgreSQL that cannot be reached exits 75 and changes nothing; the next publication sends what is owed. docs/WAREHOUSE.md lists the tables.")
    @Option(help: "The PostgreSQL URL, e.g. postgresql://user@host:5432/db (default: the pipeline file's postgres_url). A password is best given in PGPASSWORD or ~/.pgpass.")
    var postgres: String?
    @Option(help: "The output folder holding warehouse.sqlite (default: the pipeline file's).") var out: String?
    @Option(help: "The pipeline file (default: \(PipelineConfig.defaultPath)).") var pipeline: String?
    @Option(help: "Language of messages: vi (default) or en.") var lang: String?

    var messageLanguage: Language { PipelineFlags.messageLanguage(lang: lang, pipeline: pipeline) }

    func run() throws {
        let config = try PipelineFlags.load(pipeline)
        var language = config?.language ?? .vi
        if let lang { language = try PipelineFlags.language(lang) }
        guard let url = postgres ?? config?.postgresURL else {
            throw ReportError(.usage, vi: "chưa có PostgreSQL để công bố; hãy cho --postgres URL hoặc đặt postgres_url trong tệp pipeline",
                              en: "no PostgreSQL to publish to; give --postgres URL or set postgres_url in the pipeline file")
        }
        guard let folder = out ?? config?.output else {
            throw ReportError(.usage, vi: "chưa có thư mục đầu ra; hãy cho --out hoặc một tệp pipeline có ghi thư mục đó",
                              en: "no output folder; give --out or a pipeline file that names one")
        }
        print(try publishToPostgres(out: folder, url: url, language: language))
    }
}

/// Publishes `OUT/warehouse.sqlite` to the PostgreSQL at `url`; the line to print.
func publishToPostgres(out: String, url: String, language: Language) throws -> String {
    let path = URL(fileURLWithPath: out).appendingPathComponent("warehouse.sqlite").path
    guard FileManager.default.fileExists(atPath: path) else {
        throw ReportError(.usage, vi: "không có kho dữ liệu trong \(out); hãy chạy dailyreports run trước, hoặc cho đúng --out",
                          en: "there is no warehouse in \(out); run dailyreports run first, or give the right --out")
    }
    let start = Date()
    let warehouse = try Warehouse(path: path)
    let postgres = try PostgresConnection(url: url)
    let report = try PostgresPublisher(warehouse: warehouse, postgres: postgres).publish()
    let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
    return report.line(language: language) + language.pick(vi: " trong \(seconds) giây", en: " in \(seconds) s")
}

/// After `run` or `backfill`: publishes when the pipeline names a PostgreSQL (`postgres_url`).
func publishAfterRun(_ config: PipelineConfig) throws {
    guard let url = config.postgresURL else { return }
    print(try publishToPostgres(out: config.output, url: url, language: config.language))
}

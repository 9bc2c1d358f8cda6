import ArgumentParser
import Foundation
import ReportPipeline

struct Validate: ParsableCommand, SpeaksToAPerson {
    static let configuration = CommandConfiguration(
        abstract: "Checks submission files as the pipeline would, and writes nothing.",
        discussion: """
            For each file: one line per problem, FILE:LINE: REASON: what is wrong and how to fix it ("(cả tệp)" for \
            the whole file), warnings that reject nothing, and a summary of what was accepted (unit, date and weekday, \
            procedures, totals). A folder stands for every file under it, as the inbox would read them. Vietnamese by default, --lang en for English. Run outside the project folder it uses \
            the registries built into the program. Exit 0 when everything is accepted (warnings included), 65 when \
            anything is rejected, 64 for a usage error.
            """)

    @OptionGroup var options: ValidateOptions
    @Argument(help: "Submission files (.csv, .json, .csv.gz, .json.gz, .xlsx), or folders of them.") var files: [String]

    var messageLanguage: Language { options.messageLanguage }

    func run() throws {
        let (config, builtIn) = try options.config()
        let l = config.language
        let registries = try RegistryLoader.load(config.registryPaths)
        var out = ""
        if builtIn {
            out += l.pick(
                vi: "Dùng danh mục có sẵn trong chương trình (\(BuiltInRegistries.version)); không có danh sách đầu mối báo cáo, nên dòng chỉ ghi người báo cáo không tìm được đơn vị. Dùng --units/--procedures/--calendar/--contacts TỆP hoặc --pipeline TỆP để dùng danh mục khác.",
                en: "Using the registries built into the program (\(BuiltInRegistries.version)); no contact points are built in, so a row naming only its reporter finds no unit. Give --units/--procedures/--calendar/--contacts FILE or --pipeline FILE to use others.") + "\n"
        }
        let report = Validator(registries: registries, config: config).validate(systemPaths: files.map(ArgumentBytes.of))
        for line in report.lines { out += line + "\n" }
        FileHandle.standardOutput.write(Data(out.utf8))
        if !report.unreadable.isEmpty {
            let names = report.unreadable.joined(separator: ", ")
            throw ReportError(.usage, vi: "không đọc được \(report.unreadable.count) tệp: \(names); hãy kiểm tra đường dẫn rồi chạy lại",
                              en: "cannot read \(report.unreadable.count) file(s): \(names); check the path(s) and run again")
        }
        if report.rejected > 0 {
            throw ReportError(.dataError, vi: "có \(report.rejected) dòng hoặc tệp bị từ chối; hãy sửa các dòng nêu trên rồi gửi lại",
                              en: report.rejected == 1 ? "1 row or file rejected; fix the line listed above and send the file again"
                                  : "\(report.rejected) rows or files rejected; fix the lines listed above and send the files again")
        }
    }
}

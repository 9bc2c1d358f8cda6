import Foundation
import ReportModel

/// Loads the registries from their CSV files, with errors that say which line to fix.
public enum RegistryLoader {
    /// Paths of the four registry files.
    public struct Paths: Sendable {
        public var units: String
        public var procedures: String
        public var contacts: String
        public var calendar: String?

        public init(units: String, procedures: String, contacts: String, calendar: String?) {
            self.units = units; self.procedures = procedures; self.contacts = contacts; self.calendar = calendar
        }
    }

    public static func load(_ paths: Paths) throws(ReportError) -> Registries {
        // The units and the contacts (3,355 rows each nationally) are read on separate cores (the procedures, small,
        // go first beside the units): every run starts here.
        // (Slots in the order errors were always reported: units, procedures, contacts, calendar.)
        let loaded: [Loaded]
        do {
            loaded = try Parallel.map(count: 4) { i throws(ReportError) -> Loaded in
                switch i {
                case 0: return .units(try units(paths.units))
                case 1: return .procedures(try procedures(paths.procedures))
                case 2: return .contacts(try contacts(paths.contacts))
                default: return .calendar(try calendar(paths.calendar))
                }
            }
        } catch let e as ReportError {
            throw e
        } catch {
            throw ReportError(wrapping: error)
        }
        guard case .units(let units) = loaded[0], case .procedures(let procedures) = loaded[1],
              case .contacts(let contacts) = loaded[2], case .calendar(let calendar) = loaded[3] else {
            throw ReportError(.internal, "registry loading returned out of order")
        }
        return Registries(units: units, procedures: procedures, contacts: contacts, calendar: calendar)
    }

    /// What one loading task read.
    private enum Loaded: Sendable {
        case units([ReportModel.Unit])
        case procedures([Procedure])
        case contacts([ContactPoint])
        case calendar(ReportCalendar)
    }

    static func units(_ path: String) throws(ReportError) -> [ReportModel.Unit] {
        let rows = try table(path, required: ["code", "name", "level"])
        let units = try rows.map { (t, r) throws(ReportError) in try unit(t, r, path) }
        try RegistryChecks.units(units, lines: rows.map(\.1.line), path: path)
        return units
    }

    static func procedures(_ path: String) throws(ReportError) -> [Procedure] {
        let rows = try table(path, required: ["code", "name", "level"])
        let procedures = try rows.map { (t, r) throws(ReportError) in try procedure(t, r, path) }
        try RegistryChecks.procedures(procedures, lines: rows.map(\.1.line), path: path)
        return procedures
    }

    static func contacts(_ path: String) throws(ReportError) -> [ContactPoint] {
        try table(path, required: ["unit_code", "phone", "email"]).map { (t, r) throws(ReportError) in
            let at = "\(path):\(r.line)"
            let unitCode = try RegistryChecks.required(t["unit_code", r], column: "unit_code", at: at)
            let c = ContactPoint(unitCode: unitCode, fullName: t["full_name", r], title: t["title", r], phone: t["phone", r],
                                 email: t["email", r], activeFrom: try date(t["active_from", r], r, path),
                                 activeTo: try date(t["active_to", r], r, path))
            try RegistryChecks.window(c.activeFrom, c.activeTo, at: at)
            return c
        }
    }

    static func calendar(_ path: String?) throws(ReportError) -> ReportCalendar {
        var calendar = ReportCalendar()
        guard let path else { return calendar }
        var lineOf: [Day: Int] = [:]
        for (t, r) in try table(path, required: ["date"]) {
            let at = "\(path):\(r.line)"
            guard let d = Day(iso: t["date", r]) else {
                throw ReportError(.usage, vi: "ngày \"\(t["date", r])\" của lịch không hợp lệ; hãy viết theo dạng YYYY-MM-DD",
                                  en: "bad date \"\(t["date", r])\" in the calendar; write it as YYYY-MM-DD", location: at)
            }
            let kind = t["kind", r].lowercased()
            guard kind.isEmpty || kind == "holiday" || kind == "workday" else {
                throw ReportError(.usage, vi: "loại ngày \"\(kind)\" không phải holiday hay workday; hãy sửa dòng này",
                                  en: "calendar kind \"\(kind)\" is neither holiday nor workday; fix the row", location: at)
            }
            if let first = lineOf[d] {
                throw ReportError(.usage, vi: "ngày \(d.iso) đã có ở dòng \(first) của lịch; mỗi ngày chỉ một dòng, hãy xoá dòng trùng",
                                  en: "the calendar already lists \(d.iso) on line \(first); keep one row per date and delete the other", location: at)
            }
            lineOf[d] = r.line
            calendar.exceptions[d] = kind == "workday"
            calendar.names[d] = t["name", r]
        }
        return calendar
    }

    /// A registry table: header positions and rows.
    struct Table {
        var index: [String: Int]
        subscript(_ column: String, _ r: CSVRecord) -> String {
            guard let i = index[column], i < r.fields.count else { return "" }
            return r.fields[i].trimmingSpaces
        }
    }

    /// The rows of a registry file under its header; every row has as many fields as the header.
    static func table(_ path: String, required: [String]) throws(ReportError) -> [(Table, CSVRecord)] {
        guard let data = BuiltInRegistries.contents(path) ?? FileManager.default.contents(atPath: path) else {
            throw ReportError(.usage, vi: "không đọc được tệp danh mục \(path); hãy kiểm tra đường dẫn trong tệp pipeline hoặc tham số dòng lệnh",
                              en: "cannot read the registry file \(path); check the path given by the pipeline file or the flag")
        }
        // A registry saved from Excel as a workbook (or as the old .xls) is no text: say so, not which byte failed.
        if OfficeSignature(data) != nil {
            throw ReportError(.usage, vi: "tệp danh mục là sổ tính Excel, không phải CSV; hãy mở trong Excel và lưu lại dưới dạng CSV UTF-8 "
                                  + "(Tệp > Lưu thành > CSV UTF-8), rồi chỉ đường dẫn tới tệp .csv đó",
                              en: "the registry file is an Excel workbook, not a CSV; open it in Excel, save it as CSV UTF-8 "
                                  + "(File > Save As > CSV UTF-8) and give the path of that .csv", location: path)
        }
        let text: DecodedText
        do { text = try TextDecoder().decode(Array(data), name: path) } catch {
            let bytes = Array(data)
            throw ReportError(.usage, vi: "không giải mã được tệp danh mục (\(decodeProblem(bytes, path, .vi))); hãy lưu lại dưới dạng CSV UTF-8",
                              en: "the registry file cannot be decoded (\(decodeProblem(bytes, path, .en))); save it again as CSV UTF-8",
                              location: path)
        }
        var records: [CSVRecord] = []
        let outcome = CSVReader.records(text.bytes) { records.append($0) }
        if case .unterminatedQuote(let line, _) = outcome {
            throw ReportError(.usage, vi: "có dấu ngoặc kép không được đóng; hãy sửa tệp danh mục",
                              en: "a quote is never closed; fix the registry file", location: "\(path):\(line)")
        }
        guard let header = records.first else {
            throw ReportError(.usage, vi: "tệp danh mục trống; hãy thêm dòng tiêu đề", en: "the registry file is empty; give it a header row",
                              location: path)
        }
        var index: [String: Int] = [:]
        for (i, h) in header.fields.enumerated() { index[h.trimmingSpaces.lowercased()] = i }
        for r in required where index[r] == nil {
            throw ReportError(.usage, vi: "danh mục không có cột \"\(r)\"; hãy thêm cột này vào dòng tiêu đề",
                              en: "the registry has no \"\(r)\" column; add it to the header", location: "\(path):\(header.line)")
        }
        let t = Table(index: index)
        let rows = records.dropFirst().filter { !$0.fields.allSatisfy { $0.trimmingSpaces.isEmpty } }
        for r in rows where r.fields.count != header.fields.count {
            throw ReportError(.usage,
                vi: "dòng có \(r.fields.count) trường nhưng tiêu đề có \(header.fields.count); hãy bổ sung trường thiếu (để trống nếu không có) hoặc đặt trong ngoặc kép giá trị có dấu phẩy",
                en: "the row has \(r.fields.count) fields but the header \(header.fields.count); add the missing fields (empty if unknown) or quote a value that holds a comma",
                location: "\(path):\(r.line)")
        }
        return rows.map { (t, $0) }
    }

    static func date(_ text: String, _ r: CSVRecord, _ path: String) throws(ReportError) -> Day? {
        if text.isEmpty { return nil }
        guard let d = Day(iso: text) else {
            throw ReportError(.usage, vi: "ngày \"\(text)\" không hợp lệ; hãy viết theo dạng YYYY-MM-DD",
                              en: "bad date \"\(text)\"; write it as YYYY-MM-DD", location: "\(path):\(r.line)")
        }
        return d
    }

    static func level(_ text: String, _ r: CSVRecord, _ path: String) throws(ReportError) -> UnitLevel {
        guard let l = UnitLevel(rawValue: text.lowercased()) else {
            throw ReportError(.usage, vi: "cấp \"\(text)\" không phải province hay commune; hãy sửa dòng này",
                              en: "level \"\(text)\" is neither province nor commune; fix the row", location: "\(path):\(r.line)")
        }
        return l
    }

    static func unit(_ t: Table, _ r: CSVRecord, _ path: String) throws(ReportError) -> ReportModel.Unit {
        let at = "\(path):\(r.line)"
        let aliases = t["aliases", r].split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        let parent = t["parent_code", r]
        let unit = Unit(code: try RegistryChecks.required(t["code", r], column: "code", at: at),
                        name: try RegistryChecks.required(t["name", r], column: "name", at: at).nfc,
                        level: try level(t["level", r], r, path),
                        parentCode: parent.isEmpty ? nil : parent, kind: t["kind", r].lowercased().nfc,
                        aliases: aliases.map { $0.nfc },
                        activeFrom: try date(t["active_from", r], r, path), activeTo: try date(t["active_to", r], r, path))
        try RegistryChecks.window(unit.activeFrom, unit.activeTo, at: at)
        return unit
    }

    static func procedure(_ t: Table, _ r: CSVRecord, _ path: String) throws(ReportError) -> Procedure {
        let at = "\(path):\(r.line)"
        return Procedure(code: try RegistryChecks.required(t["code", r], column: "code", at: at),
                         name: try RegistryChecks.required(t["name", r], column: "name", at: at),
                         field: t["field", r], level: try level(t["level", r], r, path),
                         priority: try RegistryChecks.flag(t["priority", r], column: "priority", at: at),
                         maxDays: try RegistryChecks.count(t["max_days", r], column: "max_days", at: at))
    }
}

extension RegistryLoader {
    /// Why a registry's bytes are no text, in `language`, without the fix a submission's detail gives ("… or .xlsx").
    static func decodeProblem(_ bytes: [UInt8], _ path: String, _ language: Language) -> String {
        var decoder = TextDecoder()
        decoder.language = language
        do {
            _ = try decoder.decode(bytes, name: path)
            return ""
        } catch let e as DecodeFailure {
            return String(e.detail.prefix { $0 != ";" })
        } catch {
            return String(describing: error)
        }
    }
}

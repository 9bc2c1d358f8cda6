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
        let units = try table(paths.units, required: ["code", "name", "level"]).map { (t, r) throws(ReportError) in
            try unit(t, r, paths.units)
        }
        let procedures = try table(paths.procedures, required: ["code", "name", "level"]).map { (t, r) throws(ReportError) in
            try procedure(t, r, paths.procedures)
        }
        let contacts = try table(paths.contacts, required: ["unit_code", "phone", "email"]).map { (t, r) throws(ReportError) in
            ContactPoint(unitCode: t["unit_code", r], fullName: t["full_name", r], title: t["title", r], phone: t["phone", r],
                         email: t["email", r], activeFrom: try date(t["active_from", r], r, paths.contacts),
                         activeTo: try date(t["active_to", r], r, paths.contacts))
        }
        var calendar = ReportCalendar()
        if let path = paths.calendar {
            for (t, r) in try table(path, required: ["date"]) {
                guard let d = Day(iso: t["date", r]) else {
                    throw ReportError(.usage, "bad date \"\(t["date", r])\" in the calendar; write it as YYYY-MM-DD", location: "\(path):\(r.line)")
                }
                let kind = t["kind", r].lowercased()
                guard kind.isEmpty || kind == "holiday" || kind == "workday" else {
                    throw ReportError(.usage, "calendar kind \"\(kind)\" is neither holiday nor workday; fix the row", location: "\(path):\(r.line)")
                }
                calendar.exceptions[d] = kind == "workday"
                calendar.names[d] = t["name", r]
            }
        }
        return Registries(units: units, procedures: procedures, contacts: contacts, calendar: calendar)
    }

    /// A registry table: header positions and rows.
    struct Table {
        var index: [String: Int]
        subscript(_ column: String, _ r: CSVRecord) -> String {
            guard let i = index[column], i < r.fields.count else { return "" }
            return r.fields[i].trimmingSpaces
        }
    }

    static func table(_ path: String, required: [String]) throws(ReportError) -> [(Table, CSVRecord)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReportError(.usage, "cannot read the registry file \(path); check the path given by the pipeline file or the flag")
        }
        let text: DecodedText
        do { text = try TextDecoder().decode(Array(data), name: path) } catch {
            throw ReportError(.usage, "the registry file cannot be decoded: \(error.detail); save it as UTF-8", location: path)
        }
        var records: [CSVRecord] = []
        let outcome = CSVReader.records(text.bytes) { records.append($0) }
        if case .unterminatedQuote(let line, _) = outcome {
            throw ReportError(.usage, "a quote is never closed; fix the registry file", location: "\(path):\(line)")
        }
        guard let header = records.first else { throw ReportError(.usage, "the registry file is empty; give it a header row", location: path) }
        var index: [String: Int] = [:]
        for (i, h) in header.fields.enumerated() { index[h.trimmingSpaces.lowercased()] = i }
        for r in required where index[r] == nil {
            throw ReportError(.usage, "the registry has no \"\(r)\" column; add it to the header", location: "\(path):\(header.line)")
        }
        let t = Table(index: index)
        return records.dropFirst().map { (t, $0) }
    }

    static func date(_ text: String, _ r: CSVRecord, _ path: String) throws(ReportError) -> Day? {
        if text.isEmpty { return nil }
        guard let d = Day(iso: text) else {
            throw ReportError(.usage, "bad date \"\(text)\"; write it as YYYY-MM-DD", location: "\(path):\(r.line)")
        }
        return d
    }

    static func level(_ text: String, _ r: CSVRecord, _ path: String) throws(ReportError) -> UnitLevel {
        guard let l = UnitLevel(rawValue: text.lowercased()) else {
            throw ReportError(.usage, "level \"\(text)\" is neither province nor commune; fix the row", location: "\(path):\(r.line)")
        }
        return l
    }

    static func unit(_ t: Table, _ r: CSVRecord, _ path: String) throws(ReportError) -> ReportModel.Unit {
        let aliases = t["aliases", r].split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        let parent = t["parent_code", r]
        return Unit(code: t["code", r], name: t["name", r].nfc, level: try level(t["level", r], r, path),
                    parentCode: parent.isEmpty ? nil : parent, kind: t["kind", r].lowercased().nfc,
                    aliases: aliases.map { $0.nfc },
                    activeFrom: try date(t["active_from", r], r, path), activeTo: try date(t["active_to", r], r, path))
    }

    static func procedure(_ t: Table, _ r: CSVRecord, _ path: String) throws(ReportError) -> Procedure {
        Procedure(code: t["code", r], name: t["name", r], field: t["field", r], level: try level(t["level", r], r, path),
                  priority: t["priority", r].lowercased() == "true", maxDays: Int(t["max_days", r]))
    }
}

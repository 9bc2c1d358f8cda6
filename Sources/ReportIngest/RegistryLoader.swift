import Dispatch
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
        // The units and the contacts (3,355 rows each nationally) are read on separate cores: every run starts here.
        // (Slots in the order errors were always reported: units, procedures, contacts, calendar.)
        let slots = ResultSlots<Loaded>(count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            slots.set(i, Result { () throws(ReportError) -> Loaded in
                switch i {
                case 0: return .units(try units(paths.units))
                case 1: return .procedures(try procedures(paths.procedures))
                case 2: return .contacts(try contacts(paths.contacts))
                default: return .calendar(try calendar(paths.calendar))
                }
            })
        }
        let loaded: [Loaded]
        do {
            loaded = try slots.collect()
        } catch let e as ReportError {
            throw e
        } catch {
            throw ReportError(.internal, "cannot load the registries", cause: "\(error)")
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
        try table(path, required: ["code", "name", "level"]).map { (t, r) throws(ReportError) in try unit(t, r, path) }
    }

    static func procedures(_ path: String) throws(ReportError) -> [Procedure] {
        try table(path, required: ["code", "name", "level"]).map { (t, r) throws(ReportError) in try procedure(t, r, path) }
    }

    static func contacts(_ path: String) throws(ReportError) -> [ContactPoint] {
        try table(path, required: ["unit_code", "phone", "email"]).map { (t, r) throws(ReportError) in
            ContactPoint(unitCode: t["unit_code", r], fullName: t["full_name", r], title: t["title", r], phone: t["phone", r],
                         email: t["email", r], activeFrom: try date(t["active_from", r], r, path),
                         activeTo: try date(t["active_to", r], r, path))
        }
    }

    static func calendar(_ path: String?) throws(ReportError) -> ReportCalendar {
        var calendar = ReportCalendar()
        guard let path else { return calendar }
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

import ReportModel

/// The province a reject belongs to, for the page's counts and the provinces' workbooks: the province of the
/// unit the row named (`Reject.unitCode`, when ingestion resolved it), else of the unit its file path names (a
/// folder or file name such as `01/00235.csv` or `26743-sua.json`), else of a field of its raw row equal to a unit
/// code; communes' codes before provinces'. Nil when it names none.
enum RejectProvince {
    static func of(_ reject: Reject, provinceOf: [String: String]) -> String? {
        guard !provinceOf.isEmpty else { return nil }
        if let unit = reject.unitCode, let p = provinceOf[unit] { return p }
        let candidates = pathCodes(reject.file) + fields(String(reject.raw.prefix(1000)))
        for c in candidates where c.count > 2 { if let p = provinceOf[c] { return p } }
        for c in candidates { if let p = provinceOf[c] { return p } }
        return nil
    }

    /// Each path component up to its first `.`, `-` or `_`, last component first.
    private static func pathCodes(_ path: String) -> [String] {
        path.split(separator: "/").reversed().map { component in
            String(component.prefix { $0 != "." && $0 != "-" && $0 != "_" })
        }
    }

    /// The raw record's fields (comma, semicolon or tab separated), quotes and spaces trimmed.
    private static func fields(_ raw: String) -> [String] {
        raw.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == ":" })
            .map { $0.trimmingCharacters(in: " \"'{}[]") }
            .filter { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = self[...]
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

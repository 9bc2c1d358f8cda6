import ReportModel

/// The member name of each submission in a date's archive: a file re-sent in place (same path, new bytes)
/// is a second submission at one path, and both versions are kept under distinct names.
///
/// The first version received keeps its path; each later one is `NAME.vN.EXT` (N = 2, 3, … in the order
/// received, the extension kept so the file still opens), skipping a name another submission of the date has.
enum ArchiveMemberNames {
    /// Names for `submissions`, in their order (the warehouse lists a date's submissions by path, then id).
    static func assign(_ submissions: [Submission]) -> [String] {
        // Byte-wise, as the tar writer compares names: NFC and NFD spellings are two names.
        var taken = Set(submissions.map { Array($0.path.utf8) })
        var firstUsed = Set<[UInt8]>()
        var versions: [String: Int] = [:]
        return submissions.map { s in
            let key = Array(s.path.utf8)
            if firstUsed.insert(key).inserted { return s.path }
            var n = versions[s.path, default: 1]
            var name: String
            repeat {
                n += 1
                name = versioned(s.path, n)
            } while !taken.insert(Array(name.utf8)).inserted
            versions[s.path] = n
            return name
        }
    }

    /// The compound extensions a submission can have, longest first.
    private static let extensions = [".csv.gz", ".json.gz", ".csv", ".json", ".xlsx"]

    /// `dir/a.csv` → `dir/a.v2.csv`; `dir/a.csv.gz` → `dir/a.v2.csv.gz`.
    static func versioned(_ path: String, _ n: Int) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[slash...]
        let lower = name.lowercased()
        var ext = extensions.first { lower.hasSuffix($0) && lower.count > $0.count }.map { String(name.suffix($0.count)) }
        if ext == nil, let dot = name.lastIndex(of: "."), dot != name.startIndex { ext = String(name[dot...]) }
        let stem = name.dropLast(ext?.count ?? 0)
        return String(path[..<slash]) + stem + ".v\(n)" + (ext ?? "")
    }
}

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
        var names: [String] = []
        names.reserveCapacity(submissions.count)
        for s in submissions {
            if firstUsed.insert(Array(s.path.utf8)).inserted { names.append(s.path); continue }
            // A plain loop: `repeat … while` inside a closure crashes the release build's ownership verifier (Swift 6.3.1).
            var n = versions[s.path, default: 1] + 1
            while !taken.insert(Array(versioned(s.path, n).utf8)).inserted { n += 1 }
            versions[s.path] = n
            names.append(versioned(s.path, n))
        }
        return names
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

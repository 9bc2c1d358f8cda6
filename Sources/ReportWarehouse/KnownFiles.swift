/// The inbox files the warehouse has seen, by folder and name, with the stamp of each one's latest submission.
///
/// Grouped by folder so discovery looks a folder up once and then each file by its bare name: no path is built
/// or hashed for the ~50,000 known files of a fortnight (most names are short enough to be stored inline).
public struct KnownFiles: Sendable {
    private var byFolder: [String: [String: FileStamp]] = [:]
    /// How many paths are known.
    public private(set) var count = 0

    public init() {}

    /// The files known in the folder `folder` (relative to the inbox, "" for its root), by name.
    public func files(in folder: String) -> [String: FileStamp]? { byFolder[folder] }

    /// The stamp recorded for the inbox-relative path `path`.
    public subscript(path: String) -> FileStamp? {
        let (folder, name) = KnownFiles.split(path)
        return byFolder[folder]?[name]
    }

    /// Records `stamp` for `path` (a later stamp for the same path replaces an earlier one).
    public mutating func record(_ path: String, _ stamp: FileStamp) {
        let (folder, name) = KnownFiles.split(path)
        if byFolder[folder, default: [:]].updateValue(stamp, forKey: name) == nil { count += 1 }
    }

    /// A path's folder and file name, split at its last "/".
    public static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }
}

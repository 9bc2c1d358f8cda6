/// The inbox folders an earlier run saw, with the modification time each had then.
public struct InboxFolderStamps: Sendable {
    /// A folder as recorded: its path as the file system has it, and its modification time.
    public struct Stamp: Sendable, Hashable {
        public var fsPath: [UInt8]
        public var mtimeNanos: Int64

        public init(fsPath: [UInt8], mtimeNanos: Int64) { self.fsPath = fsPath; self.mtimeNanos = mtimeNanos }
    }

    /// By inbox-relative path as shown ("" the inbox itself).
    public private(set) var byPath: [String: Stamp] = [:]
    private var childrenOf: [String: [String]] = [:]

    public init() {}

    /// Records `path`'s stamp.
    public mutating func record(_ path: String, _ stamp: Stamp) {
        if byPath.updateValue(stamp, forKey: path) == nil, !path.isEmpty {
            childrenOf[KnownFiles.split(path).folder, default: []].append(path)
        }
    }

    /// The stamp recorded for `path`.
    public subscript(path: String) -> Stamp? { byPath[path] }

    /// The recorded folders directly inside `path`.
    public func children(of path: String) -> [String] { childrenOf[path] ?? [] }

    /// How many folders are recorded.
    public var count: Int { byPath.count }
}

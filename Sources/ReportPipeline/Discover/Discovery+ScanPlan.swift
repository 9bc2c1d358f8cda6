import ReportWarehouse

extension Discovery {
    /// Which folders a walk may skip: those an earlier run saw with the same modification time, when that time is
    /// before `skipBefore` (the run's clock less the horizon). Every other folder is listed and each file compared.
    public struct ScanPlan: Sendable {
        public var previous: InboxFolderStamps
        /// Epoch nanoseconds; a folder changed at or after it is always walked.
        public var skipBefore: Int64

        public init(previous: InboxFolderStamps, skipBefore: Int64) { self.previous = previous; self.skipBefore = skipBefore }

        /// Every folder walked.
        public static let full = ScanPlan(previous: InboxFolderStamps(), skipBefore: .min)

        func canSkip(_ path: String, mtimeNanos: Int64) -> Bool {
            mtimeNanos < skipBefore && previous[path]?.mtimeNanos == mtimeNanos
        }
    }
}

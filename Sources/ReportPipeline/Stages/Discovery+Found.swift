import ReportModel
import ReportWarehouse

extension Discovery {
    /// What a walk of the inbox found.
    public struct Found: Sendable {
        /// New or changed submissions, sorted by path.
        public var files: [DiscoveredFile] = []
        /// Uploads still in progress (`.part`, `.tmp`, `.partial`, `.crdownload`), with their modification times:
        /// left for a later run.
        public var inProgress: [TimedFile] = []
        /// Symbolic links and other entries that are no regular file or folder: not followed, not read.
        public var notRegular: [String] = []
        /// Every folder reached, walked or skipped, with its time when seen (before it was listed).
        public var folders: [SeenFolder] = []
        /// How many known file stamps were read to compare the walked folders' files.
        public var knownCount = 0
        /// New or changed files whose modification time is after the machine's clock when the walk ended: each is
        /// taken as received then (the sender's clock is wrong; a file cannot arrive after it was seen).
        public var timesAhead: [TimedFile] = []
    }

    /// An inbox file and when it last changed, as its modification time says: an upload not finished yet, or a file
    /// whose time is ahead of the clock.
    public struct TimedFile: Sendable, Equatable {
        public var path: String
        public var modified: Timestamp
    }

    /// A folder the walk reached.
    public struct SeenFolder: Sendable {
        /// Relative to the inbox, as shown ("" the inbox itself).
        public var path: String
        /// The stamp to record for it: its path as the file system has it, its time before it was listed.
        public var stamp: InboxFolderStamps.Stamp
        /// Listed and every file compared (false: skipped, unchanged since an earlier run and older than the horizon).
        public var walked: Bool
        /// Could not be listed (its files were not seen): never recorded, so the next run tries again.
        public var unreadable: Bool
    }
}

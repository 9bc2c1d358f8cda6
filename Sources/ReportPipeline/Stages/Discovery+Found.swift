extension Discovery {
    /// What a walk of the inbox found.
    public struct Found: Sendable {
        /// New or changed submissions, sorted by path.
        public var files: [DiscoveredFile] = []
        /// Uploads still in progress (`.part`, `.tmp`, `.partial`, `.crdownload`): left for a later run.
        public var inProgress: [String] = []
    }
}

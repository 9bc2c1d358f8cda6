import ReportModel

/// What a run that walked the inbox found there to chase: entries it left unread (uploads in progress, stalled
/// uploads, unreadable files, entries that are no file) and files timed ahead of the server's clock. Its
/// invocation line records it, and `status` shows the latest (an operator reads `status`, not the cron mail).
public struct InboxLeftovers: Sendable, Codable, Equatable {
    /// Entries of one kind: how many, and the first `shown` of their paths.
    public struct Entries: Sendable, Codable, Equatable {
        public var count = 0
        public var paths: [String] = []
        /// Stalled uploads: the earliest modification time among them; files timed ahead: the latest.
        public var time: String?

        init(_ paths: [String], time: Timestamp? = nil) {
            count = paths.count
            self.paths = Array(paths.sorted().prefix(InboxLeftovers.shown))
            self.time = time?.iso
        }

        init(count: Int = 0, paths: [String] = [], time: String? = nil) {
            self.count = count; self.paths = paths; self.time = time
        }
    }

    public var inProgress = Entries()
    public var stalled = Entries()
    public var timesAhead = Entries()
    public var notRegular = Entries()
    public var unreadable = Entries()

    /// Paths kept per kind (the run's summary line names three; all are in the inbox itself).
    static let shown = 20

    enum CodingKeys: String, CodingKey {
        case stalled, unreadable
        case inProgress = "uploads_in_progress", timesAhead = "times_ahead", notRegular = "not_regular_files"
    }

    public init() {}

    /// What `summary`'s walk of the inbox found.
    public init(_ summary: RunSummary) {
        inProgress = Entries(summary.inProgress)
        stalled = Entries(summary.stalledUploads.map(\.path), time: summary.stalledUploads.map(\.modified).min())
        timesAhead = Entries(summary.timesAhead.map(\.path), time: summary.timesAhead.map(\.modified).max())
        notRegular = Entries(summary.notRegular)
        unreadable = Entries(summary.unread)
    }

    /// Nothing to chase.
    public var isEmpty: Bool {
        [inProgress, stalled, timesAhead, notRegular, unreadable].allSatisfy { $0.count == 0 }
    }

    /// The run log's form (a JSON object, keys as in `CodingKeys`).
    var logObject: [String: Any] {
        func object(_ e: Entries) -> [String: Any] {
            var o: [String: Any] = ["count": e.count, "paths": e.paths]
            if let t = e.time { o["time"] = t }
            return o
        }
        return ["uploads_in_progress": object(inProgress), "stalled": object(stalled), "times_ahead": object(timesAhead),
                "not_regular_files": object(notRegular), "unreadable": object(unreadable)]
    }

    /// Read back from a run log line's `inbox` object; nil when it is not one.
    init?(logObject o: [String: Any]) {
        func entries(_ key: String) -> Entries? {
            guard let e = o[key] as? [String: Any], let count = e["count"] as? Int else { return nil }
            return Entries(count: count, paths: e["paths"] as? [String] ?? [], time: e["time"] as? String)
        }
        guard let p = entries("uploads_in_progress"), let s = entries("stalled"), let t = entries("times_ahead"),
              let n = entries("not_regular_files"), let u = entries("unreadable") else { return nil }
        (inProgress, stalled, timesAhead, notRegular, unreadable) = (p, s, t, n, u)
    }
}

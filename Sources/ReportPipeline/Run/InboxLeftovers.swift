import Foundation
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

    /// The run log's form: the object its `Codable` form encodes to (the same keys `status --json` shows).
    var logObject: Any {
        (try? JSONEncoder().encode(self)).flatMap { try? JSONSerialization.jsonObject(with: $0) } ?? [String: Any]()
    }

    /// Read back from a run log line's `inbox` object; nil when it is not one.
    init?(logObject o: Any) {
        guard JSONSerialization.isValidJSONObject(o), let data = try? JSONSerialization.data(withJSONObject: o),
              let decoded = try? JSONDecoder().decode(InboxLeftovers.self, from: data) else { return nil }
        self = decoded
    }
}

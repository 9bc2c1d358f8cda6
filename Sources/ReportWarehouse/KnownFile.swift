import ReportModel

/// What the warehouse last recorded about an inbox path: enough to skip an unchanged file without re-hashing it.
public struct KnownFile: Sendable, Hashable {
    public var size: Int64
    public var mtimeNanos: Int64
    public var sha256: String
    public var status: SubmissionStatus

    public init(size: Int64, mtimeNanos: Int64, sha256: String, status: SubmissionStatus) {
        self.size = size; self.mtimeNanos = mtimeNanos; self.sha256 = sha256; self.status = status
    }
}

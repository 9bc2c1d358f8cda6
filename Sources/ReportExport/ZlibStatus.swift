/// A zlib status other than success, kept as the typed cause of a `ReportError`.
struct ZlibStatus: Error, Sendable, CustomStringConvertible {
    var status: Int32
    var level: Int?
    var description: String { "zlib status \(status)" + (level.map { ", level \($0)" } ?? "") }
}

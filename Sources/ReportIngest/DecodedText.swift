import ReportModel

/// A submission's text after decoding: UTF-8 bytes in NFC, and the encoding found.
public struct DecodedText: Sendable {
    /// UTF-8, NFC, without a byte order mark.
    public var bytes: [UInt8]
    /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `cp1258`, with `+gzip` when it was compressed.
    public var encoding: String

    public init(bytes: [UInt8], encoding: String) {
        self.bytes = bytes; self.encoding = encoding
    }
}

/// Why a file could not be decoded: a file reason and a detail for a person.
public struct DecodeFailure: Error, Sendable {
    public var reason: RejectReason
    public var detail: String
    public var encoding: String

    public init(_ reason: RejectReason, _ detail: String, encoding: String = "") {
        self.reason = reason; self.detail = detail; self.encoding = encoding
    }
}

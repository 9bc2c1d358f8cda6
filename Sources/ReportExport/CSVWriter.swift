import Foundation
import ReportModel

/// Builds RFC 4180 CSV text: UTF-8 without BOM, commas, CRLF line ends, NFC text.
public struct CSVWriter: Sendable, Equatable {
    /// The number of columns every row must have.
    public let columnCount: Int
    /// The CSV bytes written so far, header included.
    public private(set) var bytes: [UInt8] = []

    /// Starts a table whose first line is `header`.
    public init(header: [String]) {
        columnCount = header.count
        appendLine(header.map { CSVField.text($0) })
    }

    /// The CSV bytes written so far, as `Data`.
    public var data: Data { Data(bytes) }

    /// Appends one row; it must have as many fields as the header.
    public mutating func append(row: [CSVField]) {
        precondition(row.count == columnCount,
                     "CSV row has \(row.count) fields, header has \(columnCount)")
        appendLine(row)
    }

    private mutating func appendLine(_ fields: [CSVField]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            switch field {
            case .number(let value): bytes.append(contentsOf: String(value).utf8)
            case .text(let text): appendText(text.nfc)
            case .untrusted(let text): appendText(Self.defused(text.nfc))
            case .empty: break
            }
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    private mutating func appendText(_ text: String) {
        let utf8 = text.utf8
        let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }

    /// Prefixes `'` to text a spreadsheet would read as a formula (contract §2, "Hostile input").
    static func defused(_ text: String) -> String {
        guard let first = text.utf8.first else { return text }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return "'" + text
        default:
            return text
        }
    }
}

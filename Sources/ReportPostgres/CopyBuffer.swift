/// Rows in the text format of PostgreSQL's `COPY … FROM STDIN`: tab-separated, one line per row,
/// `\N` for NULL, backslash escapes for backslash, tab, line feed and carriage return; NUL as the text `\\x00`.
public struct CopyBuffer: Sendable {
    public private(set) var bytes: [UInt8] = []
    public private(set) var rowCount = 0
    private var fieldsInRow = 0

    public init() {}

    /// Adds a field to the current row.
    public mutating func field(_ value: String?) {
        if fieldsInRow > 0 { bytes.append(0x09) }
        fieldsInRow += 1
        guard let value else {
            bytes.append(contentsOf: [0x5C, 0x4E])
            return
        }
        for b in value.utf8 {
            switch b {
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            // PostgreSQL text holds no NUL: written as the four characters \x00, as exports show bad bytes.
            case 0x00: bytes.append(contentsOf: [0x5C, 0x5C, 0x78, 0x30, 0x30])
            default: bytes.append(b)
            }
        }
    }

    /// Ends the current row.
    public mutating func endRow() {
        bytes.append(0x0A)
        rowCount += 1
        fieldsInRow = 0
    }
}

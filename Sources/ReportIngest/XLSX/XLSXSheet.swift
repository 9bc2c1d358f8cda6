/// A worksheet part, streamed: hands over each row (its number and its cells, sparse) as soon as it ends.
final class XLSXSheet: XLSXXMLHandler {
    private let onRow: (Int, [XLSXCell]) -> Void
    private var rowNumber = 0
    private var cells: [XLSXCell] = []
    private var cell: XLSXCell?
    private var capturing = false
    private var inInline = false
    private var inPhonetic = false

    init(onRow: @escaping (Int, [XLSXCell]) -> Void) { self.onRow = onRow }

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "c":
            let column = attributes["r"].flatMap(XLSXSheet.columnIndex) ?? ((cells.last?.column ?? -1) + 1)
            let kind: XLSXCell.Kind
            switch attributes["t"] {
            case "s": kind = .sharedString
            case "inlineStr": kind = .inlineString
            case "str": kind = .formulaString
            case "b": kind = .boolean
            case "e": kind = .error
            default: kind = .number
            }
            cell = XLSXCell(column: column, kind: kind, style: attributes["s"].flatMap { Int($0) } ?? 0, value: "")
        case "v": capturing = cell != nil && !inInline
        case "f": cell?.formula = true
        case "is": inInline = true
        case "rPh": inPhonetic = true
        case "t": capturing = inInline && !inPhonetic
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
        default: break
        }
    }

    override func end(_ name: Substring) {
        switch name {
        case "v", "t": capturing = false
        case "is": inInline = false
        case "rPh": inPhonetic = false
        case "c":
            if let c = cell { cells.append(c) }
            cell = nil
        case "row": onRow(rowNumber, cells)
        default: break
        }
    }

    override func text(_ string: String) { if capturing { cell?.value += string } }

    /// The 0-based column of a cell reference (`B5` is 1); nil when it starts with no letter.
    static func columnIndex(_ ref: String) -> Int? {
        var n = 0, letters = 0
        for b in ref.utf8 {
            let u = b & 0xDF
            guard u >= 0x41, u <= 0x5A else { break }
            n = n * 26 + Int(u - 0x40)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : n - 1
    }
}

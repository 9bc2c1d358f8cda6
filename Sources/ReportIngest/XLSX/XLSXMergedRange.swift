import ReportModel

/// A worksheet's merged range (`<mergeCell ref="A2:B5"/>`): 1-based rows, 0-based columns, as `XLSXSheet` numbers them.
struct XLSXMergedRange: Equatable, Sendable {
    var rows: ClosedRange<Int>
    var columns: ClosedRange<Int>

    /// The range of a reference such as `A2:B5`; nil for anything else.
    init?(ref: Substring) {
        let ends = ref.split(separator: ":")
        guard ends.count == 2, let a = XLSXMergedRange.cell(ends[0]), let b = XLSXMergedRange.cell(ends[1]),
              a.row <= b.row, a.column <= b.column else { return nil }
        rows = a.row...b.row
        columns = a.column...b.column
    }

    init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.rows = rows; self.columns = columns
    }

    /// The reference as Excel writes it.
    var ref: String {
        "\(XLSXMergedRange.letters(columns.lowerBound))\(rows.lowerBound):\(XLSXMergedRange.letters(columns.upperBound))\(rows.upperBound)"
    }

    /// The merged ranges of a worksheet part that span more than one row, in the order written. They are found by
    /// their bytes before the rows are read: the part lists its merges after its rows, and rows are streamed.
    static func vertical(in xml: [UInt8]) -> [XLSXMergedRange] {
        let tag = Array("mergeCell ".utf8), key = Array("ref=\"".utf8)
        var out: [XLSXMergedRange] = []
        var i = 0
        while let at = xml[i...].firstRange(of: tag)?.lowerBound {
            i = at + tag.count
            guard let r = xml[i...].firstRange(of: key)?.lowerBound, let close = xml[(r + key.count)...].firstIndex(of: 0x22) else { break }
            // The reference belongs to this element only if no other tag began before it.
            if !xml[i..<r].contains(0x3C), let range = XLSXMergedRange(ref: Substring(decoding: xml[(r + key.count)..<close], as: UTF8.self)),
               range.rows.count > 1 {
                out.append(range)
            }
            i = close
        }
        return out
    }

    private static func cell(_ ref: Substring) -> (row: Int, column: Int)? {
        guard let column = XLSXSheet.columnIndex(String(ref)) else { return nil }
        let digits = ref.drop(while: { $0.isLetter })
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let row = Int(digits), row > 0 else { return nil }
        return (row, column)
    }

    private static func letters(_ column: Int) -> String {
        var n = column + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }
}

/// Carries each vertically merged range's value to every cell of the range, on the rows after the header: Excel shows
/// the value on each row of the range, and the part writes it once, in the range's first cell (a unit's code or the
/// date merged down the rows of its procedures, as forms are laid out). Before, every row but the first lacked it.
/// A range over a count column is not carried (one number shown over several procedures' rows is no count of each):
/// its first row keeps it, the others read it as empty, and the file's note says so.
struct XLSXMergedFill {
    /// The ranges by their first row (a sheet may merge thousands: each row looks up its own).
    private let starting: [Int: [XLSXMergedRange]]
    /// Whether the sheet merges no range over several rows (nothing to fill).
    var isEmpty: Bool { starting.isEmpty }
    private var active: [(range: XLSXMergedRange, text: String)] = []
    /// The ranges that gave a value to a cell, in the order first used (for the file's note).
    private(set) var carried: [XLSXMergedRange] = []
    /// The ranges over a count column, not carried.
    private(set) var overCounts: [(range: XLSXMergedRange, column: Column)] = []

    init(_ ranges: [XLSXMergedRange]) {
        starting = Dictionary(grouping: ranges, by: \.rows.lowerBound)
    }

    /// Fills the empty cells of `fields` (row `line`) that lie in a range begun on a row after the header
    /// (`columns`: the header's, nil before it is found).
    mutating func fill(line: Int, fields: inout [String], columns: [Column?]?) {
        active.removeAll { $0.range.rows.upperBound < line }
        if let columns {
            for r in starting[line] ?? [] {
                let first = r.columns.lowerBound
                guard first < fields.count, !fields[first].trimmingSpaces.isEmpty else { continue }
                if let count = r.columns.lazy.compactMap({ $0 < columns.count ? columns[$0] : nil }).first(where: Column.counts.contains) {
                    overCounts.append((r, count))
                } else {
                    active.append((r, fields[first]))
                }
            }
        }
        for a in active {
            for column in a.range.columns where column >= fields.count || fields[column].trimmingSpaces.isEmpty {
                if fields.count <= column { fields.append(contentsOf: repeatElement("", count: column + 1 - fields.count)) }
                fields[column] = a.text
                if !carried.contains(a.range) { carried.append(a.range) }
            }
        }
    }
}

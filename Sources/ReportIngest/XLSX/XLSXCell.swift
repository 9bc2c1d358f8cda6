import ReportModel

/// One worksheet cell as written: its type (`t`), style index (`s`) and value text (cached for a formula).
struct XLSXCell {
    enum Kind { case number, sharedString, inlineString, formulaString, boolean, error }

    var column: Int
    var kind: Kind
    var style: Int
    var value: String
    /// Whether the cell holds a formula (`<f>`): with an empty value, one never calculated.
    var formula = false

    /// The cell read as a CSV cell would be for `column` (nil: a column the header does not know, or the
    /// header still to be found), and whether it is a number that is no whole count.
    func text(for column: Column?, strings: [String], dateStyles: [Bool], date1904: Bool) -> (text: String, fractional: Bool) {
        switch kind {
        case .sharedString: return (Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? "", false)
        case .inlineString, .formulaString, .error: return (value.nfc, false)
        case .boolean: return (value == "1" ? "TRUE" : "FALSE", false)
        case .number: break
        }
        let isDateStyle = style >= 0 && style < dateStyles.count && dateStyles[style]
        guard let number = Double(value) else { return (value, false) }
        switch column {
        case .reportDate?:
            // A date cell, or a bare serial number, in the report-date column is that day. A number below 1000 is no
            // date anyone reports for (a form's column number "2", in a column styled as dates, would be 1900-01-01), nor
            // is a bare number before 2000: they stay numbers (`bad_date`, or a line of column numbers).
            guard number >= 1000, let day = XLSXCell.day(serial: number, date1904: date1904),
                  isDateStyle || day.components.year >= 2000 else { return (XLSXCell.wholeNumber(value, number) ?? value, false) }
            return (day.iso, false)
        case .submittedAt? where isDateStyle || value.contains("."):
            return (XLSXCell.timestamp(serial: number, date1904: date1904) ?? value, false)
        case .procedureCode? where value.contains(".") || value.contains("E"):
            // `1.000101` typed as a number: its six decimals, trailing zeros and all (`1.0001` is `1.000100`).
            return (XLSXCell.decimals(number, 6), false)
        default:
            if isDateStyle, let day = XLSXCell.day(serial: number, date1904: date1904) { return (day.iso, false) }
            if let whole = XLSXCell.wholeNumber(value, number) { return (whole, false) }
            return (value, column.map(Column.counts.contains) ?? false)
        }
    }

    /// A whole number's digits (`3`, `1E3` as `1000`, `12.0` as `12`); nil when the number has a fraction.
    static func wholeNumber(_ text: String, _ number: Double) -> String? {
        if !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) { return text }
        guard number.rounded() == number, abs(number) < 1e15 else { return nil }
        return String(Int64(number))
    }

    static func decimals(_ number: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((abs(number) * scale).rounded())
        let whole = scaled / Int64(scale), frac = String(scaled % Int64(scale))
        return (number < 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: places - frac.count) + frac
    }

    /// The day of a spreadsheet serial number (its time of day ignored).
    static func day(serial: Double, date1904: Bool) -> Day? {
        guard serial >= 1, serial < 2_958_466 else { return nil }  // up to 9999-12-31
        // 1900 system: day 1 is 1900-01-01 and Excel counts a 29 Feb 1900 that never was, so from day 61 on
        // serial n is n days after 1899-12-30.
        let whole = Int(serial.rounded(.down))
        // 1970-01-01 is serial 25569 (1900 system) or 24107 (1904 system).
        let unixEpoch = Day(year: 1970, month: 1, day: 1)!
        return unixEpoch.adding(days: whole - (date1904 ? 24107 : whole < 61 ? 25568 : 25569))
    }

    /// A serial date-time as an ISO timestamp in +07:00 (a workbook's times are local times).
    static func timestamp(serial: Double, date1904: Bool) -> String? {
        guard let day = day(serial: serial, date1904: date1904) else { return nil }
        let seconds = Int(((serial - serial.rounded(.down)) * 86_400).rounded())
        let s = min(seconds, 86_399)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day.iso)T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))+07:00"
    }
}

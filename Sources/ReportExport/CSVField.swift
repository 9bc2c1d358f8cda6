/// One cell of a CSV row, tagged by where its text came from.
public enum CSVField: Sendable, Equatable {
    /// An integer, written in decimal.
    case number(Int)
    /// Text the program produced (codes, names from the registry, percentages).
    case text(String)
    /// Text from a submission, defused against spreadsheet formula injection.
    case untrusted(String)
    /// An empty cell.
    case empty
}

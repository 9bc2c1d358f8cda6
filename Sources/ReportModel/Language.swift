/// The language of text a person reads (contract v1.1 §4 "Language"): Vietnamese by default.
///
/// Reason codes, rule codes, metric names and CSV column names are identifiers and never change with it.
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi, en

    /// Picks the text for this language.
    @inlinable
    public func pick(vi: @autoclosure () -> String, en: @autoclosure () -> String) -> String {
        self == .vi ? vi() : en()
    }

    /// Picks this language's text of a (Vietnamese, English) pair, as the tables of texts hold them.
    @inlinable
    public func pick(_ text: (vi: String, en: String)) -> String { self == .vi ? text.vi : text.en }
}

import ReportModel

extension ScopeSummary {
    /// `rate` as the exports write it ("93.5"; "" when there is nothing to divide).
    public func percent(_ rate: Rate) -> String {
        let r = ratio(rate)
        return Percent.format(numerator: r.numerator, denominator: r.denominator)
    }

    /// `rate` in tenths of a percent, nil when there is nothing to divide.
    public func tenths(_ rate: Rate) -> Int? {
        let r = ratio(rate)
        return Percent.tenths(numerator: r.numerator, denominator: r.denominator)
    }

    /// The summary CSVs' report columns: expected, received, late, missing, completeness, timeliness.
    var reportFields: [CSVField] {
        [.number(expected), .number(received), .number(late), .number(missing),
         .text(percent(.completeness)), .text(percent(.timeliness))]
    }

    /// The summary CSVs' flow columns: the seven counts, online rate, on-time resolution, anomalies.
    var flowFields: [CSVField] {
        counts.array.map(CSVField.number) + [.text(percent(.onlineRate)), .text(percent(.onTimeResolution)), .number(anomalies)]
    }
}

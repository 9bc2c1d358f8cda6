/// The four percentages of a scope's figures (contract §4).
public enum Rate: Sendable, CaseIterable {
    case completeness, timeliness, onlineRate, onTimeResolution
}

extension ScopeSummary {
    /// What `rate` divides: reports received (on time) of those expected, dossiers received online of all
    /// received, resolved on time of all resolved.
    public func ratio(_ rate: Rate) -> (numerator: Int, denominator: Int) {
        switch rate {
        case .completeness: return (received, expected)
        case .timeliness: return (received - late, expected)
        case .onlineRate: return (counts.receivedOnline, counts.received)
        case .onTimeResolution: return (counts.resolvedOnTime, counts.resolved)
        }
    }
}

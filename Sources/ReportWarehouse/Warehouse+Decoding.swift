import ReportModel

/// Reading stored text back into model values; a value the schema should never hold is an internal error.
extension Warehouse {
    func day(_ text: String) throws -> Day {
        guard let d = Day(iso: text) else {
            throw ReportError(.internal, "The warehouse holds a malformed date \"\(text)\".", location: path)
        }
        return d
    }

    func optionalDay(_ text: String?) throws -> Day? {
        try text.map(day)
    }

    func status(_ text: String) throws -> SubmissionStatus {
        guard let s = SubmissionStatus(rawValue: text) else {
            throw ReportError(.internal, "The warehouse holds an unknown submission status \"\(text)\".", location: path)
        }
        return s
    }

    func reason(_ text: String) throws -> RejectReason {
        guard let r = RejectReason(rawValue: text) else {
            throw ReportError(.internal, "The warehouse holds an unknown reject reason \"\(text)\".", location: path)
        }
        return r
    }

    func rule(_ text: String) throws -> CheckRule {
        guard let r = CheckRule(rawValue: text) else {
            throw ReportError(.internal, "The warehouse holds an unknown check rule \"\(text)\".", location: path)
        }
        return r
    }
}

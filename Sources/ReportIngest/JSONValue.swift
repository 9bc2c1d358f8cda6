/// A JSON value that remembers where objects are in the text.
indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// The number's literal text, as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in order; the line of the opening `{`; the byte range of the object's text.
    case object([(String, JSONValue)], line: Int, range: Range<Int>)

    /// The member `key` of an object.
    subscript(_ key: String) -> JSONValue? {
        guard case .object(let members, _, _) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }
}

/// A syntax error: what and on which line.
struct JSONSyntaxError: Error {
    var line: Int
    var problem: JSONSyntaxProblem
}

/// Why a report was rejected, precisely: the JSONPath of the bad member (`$.policies[0].summary`)
/// and the reason. Quirks that real senders produce are not errors; they are findings on a
/// parsed report (see ``TLSRPTReportParser``).
public struct TLSRPTReportError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Not JSON at all (RFC 8259): ``line`` and ``column`` say where.
        case invalidJSON = "invalid-json"
        /// A member has the wrong JSON type (a string where a number is required, …).
        case wrongType = "wrong-type"
        /// A member RFC 8460 §4.4 requires is missing or null.
        case missingMember = "missing-member"
        /// The type is right, the value is not (a negative count, an impossible date, …).
        case invalidValue = "invalid-value"
        /// The document or one of its strings is larger than the limits allow.
        case tooLarge = "too-large"
    }

    public var kind: Kind
    /// JSONPath of the member, `$` for the whole document.
    public var path: String
    public var reason: String
    /// For ``Kind/invalidJSON``: 1-based line and column (in bytes).
    public var line: Int?
    public var column: Int?

    public init(_ kind: Kind, at path: JSONPath, _ reason: String, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.path = path.description
        self.reason = reason
        self.line = line
        self.column = column
    }

    public var description: String {
        if let line, let column { return "\(path) (line \(line), column \(column)): \(reason)" }
        return "\(path): \(reason)"
    }
}

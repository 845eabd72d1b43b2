/// What a record or policy parser returns: the parsed value when senders would accept it, and
/// every finding along the way. Parsers never throw on bad input.
public struct ParseResult<Value: Sendable>: Sendable {
    public var value: Value?
    public var findings: [Finding]

    public init(value: Value?, findings: [Finding]) {
        self.value = value
        self.findings = findings
    }

    /// True when senders would accept the input: a value and no error finding.
    public var isValid: Bool { value != nil && !findings.contains { $0.severity == .error } }
}

extension ParseResult: Equatable where Value: Equatable {}

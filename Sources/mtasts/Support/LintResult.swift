import MTASTSCore

/// The JSON of every `lint` command: `{"valid": Bool, "<name>": {...} | null, "findings": [...]}`.
/// The value member is written as an explicit `null` when there is none, as documented.
struct LintResult<Value: Encodable>: Encodable {
    var valid: Bool
    var valueKey: String
    var value: Value?
    var findings: [Finding]

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(valid, forKey: Key("valid"))
        try c.encode(value, forKey: Key(valueKey))
        try c.encode(findings, forKey: Key("findings"))
    }
}

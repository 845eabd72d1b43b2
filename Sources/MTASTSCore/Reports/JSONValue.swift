/// A parsed JSON value (RFC 8259) that keeps what a lenient report reader needs and
/// `JSONSerialization` hides: member order, duplicate names, and numbers as written.
public enum JSONValue: Sendable, Hashable {
    case object([JSONMember])
    case array([JSONValue])
    case string(String)
    /// The number exactly as written (RFC 8259 §6 grammar), so integers keep every digit.
    case number(String)
    case bool(Bool)
    case null

    /// The JSON type's name, for error messages ("expected a string, found an array").
    public var typeName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }

    var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }

    /// A short rendering for evidence: strings quoted, containers summarised.
    public var preview: String {
        switch self {
        case .object(let members): "{…\(members.count) member\(members.count == 1 ? "" : "s")}"
        case .array(let items):
            // Short arrays of scalars are shown whole, longer ones summarised.
            items.allSatisfy(\.isScalar) && items.map(\.preview).joined(separator: ", ").count <= 80
                ? "[" + items.map(\.preview).joined(separator: ", ") + "]"
                : "[…\(items.count) item\(items.count == 1 ? "" : "s")]"
        case .string(let text): (text.count > 80 ? String(text.prefix(77)) + "..." : text).debugDescription
        case .number(let text): text
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        }
    }
}

/// One `name: value` pair of a JSON object, in document order.
public struct JSONMember: Sendable, Hashable {
    public var name: String
    public var value: JSONValue

    public init(name: String, value: JSONValue) {
        self.name = name
        self.value = value
    }
}

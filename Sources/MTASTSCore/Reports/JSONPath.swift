/// Where a member sits in a JSON document, written the JSONPath way: `$`, `$.policies[0].summary`,
/// `$["odd name"]`. Error messages and findings use it so a reader can find the member.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public private(set) var description: String

    /// The document root, `$`.
    public static let root = JSONPath(description: "$")

    private init(description: String) { self.description = description }

    /// The path of member `name` of the object at this path.
    public func member(_ name: String) -> JSONPath {
        let plain = !name.isEmpty && name.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x5F
        }
        return JSONPath(description: description + (plain ? "." + name : "[" + name.debugDescription + "]"))
    }

    /// The path of item `index` (0-based) of the array at this path.
    public func item(_ index: Int) -> JSONPath { JSONPath(description: description + "[\(index)]") }
}

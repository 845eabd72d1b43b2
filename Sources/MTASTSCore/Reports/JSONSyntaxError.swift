/// Why a byte sequence is not JSON (RFC 8259), and where: the path of the value being read,
/// the byte offset, and the line and column (1-based, counted in bytes).
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: JSONPath
    public var offset: Int
    public var line: Int
    public var column: Int
    public var reason: String

    public init(path: JSONPath, offset: Int, line: Int, column: Int, reason: String) {
        self.path = path
        self.offset = offset
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String { "line \(line), column \(column) (in \(path)): \(reason)" }
}

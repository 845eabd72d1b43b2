/// Reads a TXT record written the way `dig` and zone files print it (RFC 1035 §5.1): one or
/// more double-quoted character-strings separated by white space, with `\"`, `\\` and `\DDD`
/// escapes. A value that does not start with a double quote is taken as one bare string.
public enum TXTPresentationFormat {
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Parses `input` into a ``TXTRecord``.
    public static func parse(_ input: String) throws(ParseError) -> TXTRecord {
        let trimmed = input.trimmingWhitespace
        guard trimmed.hasPrefix("\"") else { return TXTRecord(strings: [input]) }
        let bytes = Array(trimmed.utf8)
        var strings: [String] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw ParseError(message: "expected a double-quoted string at offset \(index) of \(input.debugDescription)")
            }
            index += 1
            var current: [UInt8] = []
            var closed = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    closed = true
                    index += 1
                    break
                }
                if byte == UInt8(ascii: "\\") {
                    index += 1
                    guard index < bytes.count else { break }
                    if isDigit(bytes[index]) {
                        guard index + 2 < bytes.count, isDigit(bytes[index + 1]), isDigit(bytes[index + 2]) else {
                            throw ParseError(message: "a \\DDD escape needs three digits at offset \(index)")
                        }
                        let value = Int(bytes[index] - 48) * 100 + Int(bytes[index + 1] - 48) * 10 + Int(bytes[index + 2] - 48)
                        guard value <= 255 else {
                            throw ParseError(message: "\\\(value) is not a byte value (0-255)")
                        }
                        current.append(UInt8(value))
                        index += 3
                    } else {
                        current.append(bytes[index])
                        index += 1
                    }
                    continue
                }
                current.append(byte)
                index += 1
            }
            guard closed else { throw ParseError(message: "unterminated double-quoted string in \(input.debugDescription)") }
            guard current.count <= 255 else {
                throw ParseError(message: "a character-string is longer than 255 bytes (\(current.count))")
            }
            strings.append(String(decoding: current, as: UTF8.self))
        }
        return TXTRecord(strings: strings)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}

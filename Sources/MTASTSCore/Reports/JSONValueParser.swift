/// A strict JSON reader (RFC 8259) over bytes, with limits for untrusted input: nesting depth
/// and the length of any one string. A UTF-8 byte-order mark is skipped (RFC 8259 §8.1
/// allows it); anything else outside the grammar is an error with its position and path.
public enum JSONValueParser {
    public struct Limits: Sendable, Hashable {
        /// Deepest nesting of arrays and objects.
        public var maxDepth: Int
        /// Longest string (member name or value), in bytes as written.
        public var maxStringBytes: Int

        public init(maxDepth: Int = 64, maxStringBytes: Int = 64 * 1024) {
            self.maxDepth = maxDepth
            self.maxStringBytes = maxStringBytes
        }
    }

    public static func parse(_ bytes: [UInt8], limits: Limits = Limits()) -> Result<JSONValue, JSONSyntaxError> {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer, limits: limits)
            do throws(JSONSyntaxError) {
                return .success(try reader.document())
            } catch {
                return .failure(error)
            }
        }
    }
}

/// The recursive-descent reader behind ``JSONValueParser``.
private struct Reader {
    enum Step {
        case name(String)
        case index(Int)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONValueParser.Limits
    var position = 0
    var path: [Step] = []

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONValueParser.Limits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func document() throws(JSONSyntaxError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhitespace()
        guard position < bytes.count else { throw failure(bytes.isEmpty ? "the input is empty" : "no JSON value, only whitespace") }
        let value = try self.value()
        skipWhitespace()
        guard position == bytes.count else { throw failure("unexpected \(describe(bytes[position])) after the JSON value") }
        return value
    }

    mutating func value() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard position < bytes.count else { throw failure("the input ends where a value is expected") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case let byte: throw failure("unexpected \(describe(byte)) where a value is expected")
        }
    }

    mutating func object() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        position += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw failure("the input ends inside an object") }
            guard bytes[position] == UInt8(ascii: "\"") else {
                throw failure("unexpected \(describe(bytes[position])) where a member name in double quotes is expected")
            }
            let name = try string()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw failure(position < bytes.count ? "expected ':' after the member name, found \(describe(bytes[position]))"
                    : "the input ends after a member name")
            }
            position += 1
            path.append(.name(name))
            let value = try self.value()
            path.removeLast()
            members.append(JSONMember(name: name, value: value))
            skipWhitespace()
            guard position < bytes.count else { throw failure("the input ends inside an object") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(members)
            case let byte: throw failure("expected ',' or '}' after a member, found \(describe(byte))")
            }
        }
    }

    mutating func array() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            path.append(.index(items.count))
            items.append(try value())
            path.removeLast()
            skipWhitespace()
            guard position < bytes.count else { throw failure("the input ends inside an array") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(items)
            case let byte: throw failure("expected ',' or ']' after an array item, found \(describe(byte))")
            }
        }
    }

    /// `string = quotation-mark *char quotation-mark` with the escapes of RFC 8259 §7; the
    /// content must be UTF-8 (§8.1). Unpaired surrogate escapes become U+FFFD.
    mutating func string() throws(JSONSyntaxError) -> String {
        let start = position + 1
        var index = start
        var escaped = false
        while true {
            // `min`: a backslash as the last byte steps `index` one past the end.
            guard index < bytes.count else { position = min(index, bytes.count); throw failure("the input ends inside a string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 2
                continue
            }
            if byte < 0x20 { position = index; throw failure("a control character (\(describe(byte))) inside a string must be escaped") }
            index += 1
            if index - start > limits.maxStringBytes {
                position = start - 1
                throw failure("a string longer than \(limits.maxStringBytes) bytes")
            }
        }
        if index - start > limits.maxStringBytes {
            position = start - 1
            throw failure("a string longer than \(limits.maxStringBytes) bytes")
        }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
        position = index + 1
        if !escaped {
            guard let text = String(validating: raw, as: UTF8.self) else {
                position = start
                throw failure("a string is not valid UTF-8")
            }
            return text
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let byte = raw[i]
            guard byte == UInt8(ascii: "\\") else {
                decoded.append(byte)
                i += 1
                continue
            }
            guard i + 1 < raw.count else { position = start + i; throw failure("a lone backslash at the end of a string") }
            let escape = raw[i + 1]
            i += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                guard let high = hex4(raw, i) else { position = start + i - 2; throw failure("`\\u` must be followed by four hex digits") }
                i += 4
                var scalar = Unicode.Scalar(high)
                if (0xD800...0xDBFF).contains(high), i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"),
                    raw[i + 1] == UInt8(ascii: "u"), let low = hex4(raw, i + 2), (0xDC00...0xDFFF).contains(low)
                {
                    scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                    i += 6
                }
                decoded.append(contentsOf: Array(String(Character(scalar ?? "\u{FFFD}")).utf8))
            default:
                position = start + i - 2
                throw failure("`\\\(Character(Unicode.Scalar(escape)))` is not a JSON escape")
            }
        }
        guard let text = String(validating: decoded, as: UTF8.self) else {
            position = start
            throw failure("a string is not valid UTF-8")
        }
        return text
    }

    func hex4(_ raw: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
        guard at + 4 <= raw.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = raw[at + offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    /// `number = [ minus ] int [ frac ] [ exp ]`, kept as written.
    mutating func number() throws(JSONSyntaxError) -> String {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw failure("a '-' must be followed by digits") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) { throw failure("a number must not have leading zeros") }
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw failure("a '.' in a number must be followed by digits") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { throw failure("an exponent must have digits") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for (offset, byte) in expected.enumerated() {
            guard position + offset < bytes.count, bytes[position + offset] == byte else {
                throw failure("expected `\(word)`")
            }
        }
        position += expected.count
    }

    mutating func enter() throws(JSONSyntaxError) {
        guard path.count < limits.maxDepth else { throw failure("nested deeper than \(limits.maxDepth) levels") }
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
    }

    func failure(_ reason: String) -> JSONSyntaxError {
        var jsonPath = JSONPath.root
        for step in path {
            switch step {
            case .name(let name): jsonPath = jsonPath.member(name)
            case .index(let index): jsonPath = jsonPath.item(index)
            }
        }
        var line = 1
        var column = 1
        for index in 0..<min(position, bytes.count) {
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return JSONSyntaxError(path: jsonPath, offset: position, line: line, column: column, reason: reason)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

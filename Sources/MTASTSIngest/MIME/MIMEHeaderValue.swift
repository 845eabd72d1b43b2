/// A structured header value with parameters, as `Content-Type` (RFC 2045 §5.1) and
/// `Content-Disposition` (RFC 2183) use them:
///
/// ```
/// content   := "Content-Type" ":" type "/" subtype *(";" parameter)
/// parameter := attribute "=" value
/// value     := token / quoted-string
/// ```
/// with RFC 2231 extended parameters: `name*=charset'lang'%XX…` (percent-encoded, with a
/// charset) and continuations `name*0=…; name*1*=…` joined in order. Parsing is lenient:
/// stray spaces, a trailing `;`, unquoted values with spaces and RFC 822 comments are read.
public struct MIMEHeaderValue: Sendable, Hashable {
    /// The value before the first `;`, lower case (`multipart/report`, `attachment`).
    public var value: String
    /// Parameters by lower-case name, RFC 2231 forms decoded and joined.
    public var parameters: [String: String]

    public init(value: String, parameters: [String: String] = [:]) {
        self.value = value
        self.parameters = parameters
    }

    public init(parsing text: String) {
        let pieces = Self.splitParameters(text)
        value = (pieces.first ?? "").trimmingWhitespace.lowercased()
        var plain: [String: String] = [:]
        var extended: [String: [(index: Int, encoded: Bool, value: String)]] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = String(piece[..<equals]).trimmingWhitespace.lowercased()
            let value = Self.unquote(String(piece[piece.index(after: equals)...]).trimmingWhitespace)
            guard !name.isEmpty else { continue }
            if let star = name.firstIndex(of: "*") {
                // RFC 2231 §3 and §4: name*, name*N, name*N*
                let base = String(name[..<star])
                let rest = name[name.index(after: star)...]
                let encoded = rest.isEmpty || rest.hasSuffix("*")
                let number = rest.isEmpty ? 0 : Int(rest.hasSuffix("*") ? rest.dropLast() : rest)
                guard let number else { continue }
                extended[base, default: []].append((number, encoded, value))
            } else if plain[name] == nil {
                plain[name] = value
            }
        }
        for (name, segments) in extended {
            plain[name] = Self.join(segments.sorted { $0.index < $1.index })
        }
        parameters = plain
    }

    /// Joins RFC 2231 segments: the first encoded segment may carry `charset'language'`;
    /// encoded segments are percent-decoded, then the bytes are read in the charset.
    static func join(_ segments: [(index: Int, encoded: Bool, value: String)]) -> String {
        var charset = "utf-8"
        var bytes: [UInt8] = []
        for (position, segment) in segments.enumerated() {
            var text = Substring(segment.value)
            if segment.encoded, position == 0 {
                let quotes = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if quotes.count == 3 {
                    if !quotes[0].isEmpty { charset = quotes[0].lowercased() }
                    text = quotes[2]
                }
            }
            bytes += segment.encoded ? percentDecoded(text) : Array(text.utf8)
        }
        return decode(bytes, charset: charset)
    }

    static func percentDecoded(_ text: Substring) -> [UInt8] {
        let utf8 = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < utf8.count {
            if utf8[index] == 0x25, index + 2 < utf8.count, let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(utf8[index])
                index += 1
            }
        }
        return out
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// Bytes in a charset: UTF-8 and US-ASCII as UTF-8, ISO-8859-1 and Windows-1252 byte per
    /// character; anything else as UTF-8 with replacement characters.
    static func decode(_ bytes: [UInt8], charset: String) -> String {
        switch charset {
        case "iso-8859-1", "latin1", "iso_8859-1", "windows-1252", "cp1252":
            String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        default:
            String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Splits at `;` outside quoted strings and comments.
    static func splitParameters(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        var commentDepth = 0
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            switch character {
            case "\\" where quoted:
                current.append(character)
                escaped = true
            case "\"" where commentDepth == 0:
                quoted.toggle()
                current.append(character)
            case "(" where !quoted:
                commentDepth += 1
            case ")" where !quoted && commentDepth > 0:
                commentDepth -= 1
            case ";" where !quoted && commentDepth == 0:
                pieces.append(current)
                current = ""
            default:
                if commentDepth == 0 { current.append(character) }
            }
        }
        pieces.append(current)
        return pieces
    }

    /// A quoted-string without its quotes and backslash escapes (RFC 5322 §3.2.4); a token as is.
    static func unquote(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        var out = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                out.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}

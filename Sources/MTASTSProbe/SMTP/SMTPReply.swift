/// One SMTP reply (RFC 5321 §4.2): a three-digit code and one or more lines of text.
///
/// ```
/// Reply-line = *( Reply-code "-" [ textstring ] CRLF )
///              Reply-code [ SP textstring ] CRLF
/// Reply-code = %x32-35 %x30-35 %x30-39
/// ```
/// Every line of a multi-line reply carries the same code (RFC 5321 §4.2.1).
struct SMTPReply: Sendable, Hashable {
    /// The reply code, 200...559.
    var code: Int
    /// The text of each line after the code and its separator, made printable
    /// (``SMTPText/printable(_:)``); an empty string for a code-only line.
    var texts: [String]
    /// Each line as received (without CRLF), made printable, for the transcript.
    var lines: [String]

    /// RFC 5321 §4.2.1: 2yz positive completion.
    var isPositiveCompletion: Bool { (200..<300).contains(code) }
}

/// One complete line of a reply, as the parser saw it.
struct SMTPReplyLine: Sendable, Hashable {
    var code: Int
    /// `true` for the last line of a reply (`250 text` or `250`), `false` for `250-text`.
    var isLast: Bool
    var text: String
    /// The whole line, printable, without CRLF.
    var line: String
}

/// Server text is untrusted: it is stored, shown in a terminal and written to JSON, so bytes
/// outside printable ASCII are escaped (`\xNN`), which keeps terminal escape sequences and
/// invalid UTF-8 out of every view (RFC 5321 §4.2: `textstring = 1*(%d09 / %d32-126)`).
enum SMTPText {
    static func printable<Bytes: Sequence>(_ bytes: Bytes, limit: Int = .max) -> String where Bytes.Element == UInt8 {
        var out = ""
        var count = 0
        for byte in bytes {
            if count >= limit {
                out += "…"
                break
            }
            switch byte {
            case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(byte))
            case 0x09: out += " "
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
            count += 1
        }
        return out
    }

    /// Cuts `text` to `limit` characters, marking the cut.
    static func truncated(_ text: String, limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

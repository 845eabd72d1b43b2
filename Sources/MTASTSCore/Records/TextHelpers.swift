extension String {
    /// The string without leading and trailing spaces, tabs, CR and LF.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespaceLike }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isWhitespaceLike })!
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    var isWhitespaceLike: Bool { self == " " || self == "\t" || self == "\r" || self == "\n" }
    /// WSP of RFC 5234: space or horizontal tab.
    var isWSP: Bool { self == " " || self == "\t" }
    var isASCIIAlphaNumeric: Bool {
        (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }
}

/// Shows a value with invisible characters made visible, for evidence strings, cut to
/// ``Evidence/limit`` bytes of `text` with `… N more bytes` (``Evidence/excerpt(_:limit:)``):
/// the text comes from the domain and may be 64 KiB long.
func visible(_ text: String, limit: Int = Evidence.limit) -> String {
    let utf8Count = text.utf8.count
    let head = utf8Count > limit ? Evidence.prefix(text, bytes: limit) : text
    var out = ""
    for scalar in head.unicodeScalars {
        switch scalar {
        case "\r": out += "\\r"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\u{FEFF}": out += "<BOM>"
        case "\u{FFFD}": out += "<invalid UTF-8>"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x" + String(scalar.value, radix: 16, uppercase: true)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    if utf8Count > limit { out += "… \(utf8Count - head.utf8.count) more bytes" }
    return out
}

/// Bounded evidence: findings quote outside text (a TXT record, a policy line, a header, a
/// banner) that a hostile or broken domain controls, so every quote has a cap.
///
/// A TXT record may be up to 65535 bytes (RFC 1035 §3.3.14 character-strings concatenated,
/// RFC 8461 §3.1 / RFC 8460 §3 leave the length open) and a policy body up to 64 KiB
/// (RFC 8461 §3.3). A finding carrying the whole text, once per repeated field, grows with the
/// square of the input; an excerpt keeps every finding small and says how much was left out.
public enum Evidence {
    /// The excerpt length parsers use when they quote outside text: enough for a record's
    /// start, a field or a policy line.
    public static let limit = 240

    /// The hard cap ``Finding`` applies to its evidence, whoever built it.
    public static let findingLimit = 1024

    /// The hard cap ``Finding`` applies to its subject and message, which may name outside
    /// text too (a field name, a URI).
    public static let lineLimit = 512

    /// `text` when it has at most `limit` UTF-8 bytes; otherwise its longest prefix of at most
    /// `limit` bytes that ends on a whole Unicode scalar, then `… N more bytes`.
    ///
    /// Costs O(`limit`), whatever the length of `text`.
    public static func excerpt(_ text: String, limit: Int = limit) -> String {
        let utf8 = text.utf8
        guard utf8.count > limit else { return text }
        let head = prefix(text, bytes: max(limit, 0))
        return head + "… \(utf8.count - head.utf8.count) more bytes"
    }

    /// `text` cut to at most `bytes` UTF-8 bytes on a scalar boundary (no marker).
    static func prefix(_ text: String, bytes: Int) -> String {
        var end = text.unicodeScalars.startIndex
        var used = 0
        for index in text.unicodeScalars.indices {
            let size = UTF8.width(text.unicodeScalars[index])
            if used + size > bytes {
                end = index
                return String(text.unicodeScalars[text.unicodeScalars.startIndex..<end])
            }
            used += size
        }
        return text
    }
}

/// One `rua` URI of a `_smtp._tls` record, judged the way report senders use it (RFC 8460 §3):
///
/// ```
/// tlsrpt-rua = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
/// tlsrpt-uri = URI
///            ; "URI" is imported from [RFC3986]; commas (ASCII 0x2C)
///            ; and exclamation points (ASCII 0x21) MUST be encoded
/// ```
/// and "Two URI schemes are supported: mailto and https" (`mailto:` per RFC 6068, `https:` per
/// RFC 7230). So: nothing between `rua=` and the first URI; every character inside the URI
/// grammar (RFC 3986 §2: unreserved, reserved or a `%HH` escape — no spaces, no `<` `>`, no
/// non-ASCII); `,` and `!` percent-encoded (a `,` separates URIs; a `;` ends the field, so it
/// must be `%3B` too); a scheme (RFC 3986 §3.1) that is `mailto:` with an address or `https:`
/// with a host.
enum TLSRPTReportURI {
    /// Why senders cannot deliver to a URI, and what to write instead.
    struct Problem: Sendable, Equatable {
        var message: String
        var remedy: String
    }

    /// Judges one comma-separated piece of a `rua` value. `first` is the piece right after
    /// `rua=`, where no WSP is allowed; around the commas `*WSP` is part of the grammar.
    /// Returns the URI without that WSP, and its problem (`nil` when senders can use it).
    static func judge(_ piece: Substring, first: Bool) -> (uri: String, problem: Problem?) {
        let scalars = piece.unicodeScalars
        let start = scalars.firstIndex { !$0.isWSP } ?? scalars.endIndex
        let end = scalars.lastIndex { !$0.isWSP }.map(scalars.index(after:)) ?? start
        let uri = String(Substring(scalars[start..<end]))
        return (uri, problem(uri, first: first, leadingWSP: start != scalars.startIndex))
    }

    static func problem(_ uri: String, first: Bool, leadingWSP: Bool) -> Problem? {
        if uri.isEmpty {
            return first
                ? Problem(message: "no URI after `rua=`", remedy: "Write the URI right after `rua=`, as in `rua=mailto:tlsrpt@example.com`.")
                : Problem(message: "empty URI (a stray comma?)", remedy: "Remove the extra comma.")
        }
        if first && leadingWSP {
            return Problem(
                message: "white space between `rua=` and the URI; the grammar has the URI right after `rua=`, so strict senders reject it",
                remedy: "Write `rua=\(visible(uri))` with nothing between `=` and the URI.")
        }
        if let inner = enclosed(uri) {
            return Problem(
                message: "the URI is written inside `\(uri.first!)` `\(uri.last!)`; they delimit URIs in prose (RFC 3986 Appendix C), they are not part of one",
                remedy: "Write `\(visible(inner))` without them.")
        }
        if let problem = characterProblem(uri) { return problem }
        guard let colon = uri.firstIndex(of: ":"), isScheme(uri[..<colon]) else {
            let address = uri.contains("@")
            return Problem(
                message: address
                    ? "no URI scheme: an address alone is not a URI" + (first ? "" : " (commas separate URIs, so an address after a comma is a URI of its own)")
                    : "no URI scheme such as `mailto:` or `https:`",
                remedy: address ? "Write `mailto:\(uri)`." : "Write `mailto:<address>` or `https://<host>/<path>`.")
        }
        let scheme = uri[..<colon].lowercased()
        let rest = uri[uri.index(after: colon)...]
        switch scheme {
        case "mailto":
            let address = rest.prefix { $0 != "?" }
            let parts = address.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count >= 2, !parts[0].isEmpty, let domain = parts.last, domain.contains("."),
                !domain.hasPrefix("."), !domain.hasSuffix(".")
            else {
                return Problem(
                    message: "`mailto:` needs an address such as `mailto:tlsrpt@example.com` (RFC 6068)",
                    remedy: "Write `mailto:` followed by the mailbox that receives the reports.")
            }
            return nil
        case "https":
            guard rest.hasPrefix("//") else {
                return Problem(message: "`https:` URI needs `https://host/path`", remedy: "Write `https://\(rest)`.")
            }
            let authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            let host = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
            guard !host.isEmpty, !host.hasPrefix(":") else {
                return Problem(message: "`https:` URI has no host", remedy: "Write `https://<host>/<path>`.")
            }
            return nil
        case "http":
            return Problem(
                message: "plain `http:` is not allowed, only `https:`",
                remedy: "Serve the endpoint over HTTPS and write `https:\(rest)`.")
        default:
            return Problem(
                message: "scheme `\(uri[..<colon]):` is not `mailto:` or `https:`, the only ones senders use (RFC 8460 §3)",
                remedy: "Write a `mailto:` or `https:` URI.")
        }
    }

    /// `<uri>`, `"uri"` or `'uri'`: the inner text, when the whole value is wrapped so.
    private static func enclosed(_ uri: String) -> String? {
        guard uri.count >= 2, let first = uri.first, let last = uri.last else { return nil }
        guard (first == "<" && last == ">") || (first == "\"" && last == "\"") || (first == "'" && last == "'") else { return nil }
        return String(uri.dropFirst().dropLast())
    }

    /// The first character outside the URI grammar, or `!` (RFC 8460 §3), explained.
    private static func characterProblem(_ uri: String) -> Problem? {
        let scalars = Array(uri.unicodeScalars)
        if scalars.contains(where: \.isWSP) {
            let parts = uri.split { $0 == " " || $0 == "\t" }.map(String.init)
            if parts.count > 1 && parts.allSatisfy({ part in part.firstIndex(of: ":").map { isScheme(part[..<$0]) } ?? false }) {
                return Problem(
                    message: "URIs separated by white space; `rua` separates URIs with `,`",
                    remedy: "Write `rua=\(parts.joined(separator: ","))`.")
            }
            return Problem(
                message: "white space inside the URI; it must be percent-encoded (`%20`)",
                remedy: "Write `\(visible(uri).replacing(" ", with: "%20"))`, or remove the space.")
        }
        if let control = scalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return Problem(
                message: "control character `\(visible(String(control)))` inside the URI",
                remedy: "Remove it.")
        }
        if scalars.contains(where: { !$0.isASCII }) {
            return Problem(
                message: "non-ASCII characters inside the URI; a URI is ASCII (RFC 3986 §2)",
                remedy: asciiSuggestion(uri).map { "Write `\($0)`." }
                    ?? "Percent-encode them as UTF-8 (`ü` is `%C3%BC`), and write a host name in its A-label form (`xn--…`).")
        }
        // RFC 3986 §2: unreserved, gen-delims, sub-delims and `%`; everything else is outside.
        if let bad = scalars.first(where: { "\"<>\\^`{|}".unicodeScalars.contains($0) }) {
            return Problem(
                message: "`\(bad)` is not allowed in a URI (RFC 3986 §2)",
                remedy: "Percent-encode it as `%\(String(bad.value, radix: 16, uppercase: true))`, or remove it.")
        }
        for (index, scalar) in scalars.enumerated() where scalar == "%" {
            let hex = scalars.dropFirst(index + 1).prefix(2)
            if hex.count < 2 || !hex.allSatisfy(\.properties.isASCIIHexDigit) {
                return Problem(
                    message: "`%` must begin a percent-encoding such as `%2C` (RFC 3986 §2.1)",
                    remedy: "Write a literal `%` as `%25`.")
            }
        }
        if uri.contains("!") {
            // `a@example.com!10m` is DMARC's size limit (RFC 7489 §6.4); TLS-RPT has none.
            let sizeLimit = uri.lastIndex(of: "!").flatMap { bang -> Substring? in
                let tail = uri[uri.index(after: bang)...]
                let digits = tail.prefix(while: \.isASCIIDigit)
                let unit = tail.dropFirst(digits.count)
                let isLimit = !digits.isEmpty && (unit.isEmpty || (unit.count == 1 && "kmgtKMGT".contains(unit.first!)))
                return isLimit && uri.filter({ $0 == "!" }).count == 1 ? uri[..<bang] : nil
            }
            return Problem(
                message: "`!` must be percent-encoded in a TLS-RPT URI (RFC 8460 §3)"
                    + (sizeLimit != nil ? "; TLS-RPT has no DMARC-style size limit" : ""),
                remedy: sizeLimit.map { "Write `\($0)`." }
                    ?? "Write `%21` for each `!`: `\(uri.replacing("!", with: "%21"))`.")
        }
        return nil
    }

    /// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` (RFC 3986 §3.1).
    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIIAlphaNumeric || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// The URI with a Unicode mail domain or https host in A-labels, when that is the only
    /// non-ASCII part.
    private static func asciiSuggestion(_ uri: String) -> String? {
        let lower = uri.lowercased()
        let head: Substring, host: Substring, tail: Substring
        if lower.hasPrefix("mailto:"), let at = uri.lastIndex(of: "@") {
            head = uri[...at]
            let rest = uri[uri.index(after: at)...]
            host = rest.prefix { $0 != "?" }
            tail = rest[host.endIndex...]
        } else if lower.hasPrefix("https://") {
            let start = uri.index(uri.startIndex, offsetBy: 8)
            head = uri[..<start]
            let rest = uri[start...]
            host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
            tail = rest[host.endIndex...]
        } else {
            return nil
        }
        guard (head + tail).unicodeScalars.allSatisfy(\.isASCII), let ascii = HostName.aLabels(String(host)) else { return nil }
        return String(head) + ascii + String(tail)
    }
}

import Foundation

extension TLSRPTReport {
    /// The domain of `contact-info` (RFC 8460 §4.4), which RFC 8460 §5.3 requires the mail's
    /// `TLS-Report-Submitter` to match (and §5.1 the file name's sender): the part after the
    /// last `@` of an address (bare, `mailto:` or `Name <…>`), the host of a URI, or the value
    /// itself when it is a host name; lower case, no trailing dot. `nil` when `contact-info` is
    /// absent or none of these.
    public var contactDomain: String? { contactInfo.flatMap(Self.domain(ofContact:)) }

    static func domain(ofContact text: String) -> String? {
        var value = Substring(text.trimmingCharacters(in: .whitespaces))
        if let open = value.lastIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            value = value[value.index(after: open)..<close]
        }
        if value.lowercased().hasPrefix("mailto:") { value = value.dropFirst("mailto:".count) }
        let host: Substring
        if let scheme = value.range(of: "://") {
            let authority = value[scheme.upperBound...].prefix { !"/?#".contains($0) }
            let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
            host = hostAndPort.prefix { $0 != ":" }
        } else if let at = value.lastIndex(of: "@") {
            host = value[value.index(after: at)...].prefix { !"?>/ ,;".contains($0) }
        } else {
            host = value
        }
        let name = MXMatcher.normalize(String(host))
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ label in
            !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        }) else { return nil }
        return name
    }
}

import Foundation

/// A host name in the form matching compares: A-labels, ASCII lower case, no trailing dot; and
/// the test for what is not a host name at all (an IP address).
///
/// RFC 6125 §6.4.2: "If the DNS domain name portion of a reference identifier is an
/// internationalized domain name, then an implementation MUST convert any U-labels to A-labels
/// before checking the domain name"; A-labels then compare as case-insensitive ASCII (§6.4.1).
/// RFC 8461 §4.1 matches MX host names the same way.
///
/// The conversion is Foundation's IDNA (ICU's UTS #46 processing behind `URLComponents.host`,
/// nontransitional): width and compatibility mapping (NFKC), case folding, then Punycode
/// (RFC 3492). Measured on Swift 6.3.1 / Linux: `ｅｘａｍｐｌｅ．ｃｏｍ` → `example.com`,
/// `cafe` + U+0301 → `xn--caf-dma`, `BÜCHER.example` and `bücher.example` →
/// `xn--bcher-kva.example`, `faß.de` → `xn--fa-hia.de`. When IDNA rejects a name (a label over
/// 63 octets, a joiner out of context, a `/` or `@`) Foundation percent-encodes the host
/// instead; that is treated as "not convertible".
public enum HostName {
    /// `host` as A-labels in ASCII lower case without one trailing dot, or `nil` when it cannot
    /// be converted (IDNA rejects it). An all-ASCII name is only lower-cased: it is already
    /// A-labels or not a valid name at all, and the matchers judge that.
    public static func aLabels(_ host: String) -> String? {
        var name = Substring(host)
        if name.hasSuffix(".") { name = name.dropLast() }
        guard name.unicodeScalars.contains(where: { !$0.isASCII }) else { return asciiLowercased(name) }
        var components = URLComponents()
        components.host = String(name)
        guard let encoded = components.encodedHost, !encoded.isEmpty,
            encoded.unicodeScalars.allSatisfy({ $0.isASCII && $0 != "%" })
        else { return nil }
        return asciiLowercased(encoded.hasSuffix(".") ? Substring(encoded.dropLast()) : Substring(encoded))
    }

    /// The host as matching compares it, or `nil` when it is no DNS name: an IP address, or a
    /// name IDNA rejects. Full-width digits map to an address too (`１９２．０．２．１`).
    static func matchingForm(_ host: String) -> String? {
        guard !isIPAddress(host), let name = aLabels(host), !isIPAddress(name) else { return nil }
        return name
    }

    /// Whether `name` is an IP address rather than a host name: dotted-decimal IPv4 ("a valid
    /// host name can never have the dotted-decimal form #.#.#.#", RFC 1123 §2.1), IPv6 (it
    /// contains `:`, which no host name does), or an address literal in brackets (RFC 5321
    /// §4.1.3, `[192.0.2.1]`, `[IPv6:2001:db8::1]`). A trailing dot is ignored.
    public static func isIPAddress(_ name: String) -> Bool {
        var name = Substring(name)
        if name.hasSuffix(".") { name = name.dropLast() }
        if name.hasPrefix("[") || name.contains(":") { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }
    }

    private static func asciiLowercased(_ name: Substring) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
            (scalar.value >= 0x41 && scalar.value <= 0x5A) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }))
    }
}

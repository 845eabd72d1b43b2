import Foundation

/// Whether a string is an IP address as RFC 8460 §4.4 writes `sending-mta-ip` and
/// `receiving-ip`: "a string representation of an IPv4 or IPv6 [RFC5952] address in
/// dot-decimal or colon-hexadecimal notation". Any RFC 4291 §2.2 text form is accepted (RFC
/// 5952's canonical form is a subset); brackets, zone indices, ports and host names are not.
enum IPAddressLiteral {
    static func isValid(_ text: String) -> Bool { isIPv4(text[...]) || isIPv6(text[...]) }

    /// Dot-decimal: four decimal octets 0–255 without leading zeros (RFC 3986 §3.2.2
    /// `dec-octet`; a leading zero reads as octal to some parsers).
    static func isIPv4(_ text: Substring) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { octet in
            guard (1...3).contains(octet.count), octet.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            return !(octet.count > 1 && octet.first == "0") && Int(octet)! <= 255
        }
    }

    /// Colon-hexadecimal (RFC 4291 §2.2): eight groups of one to four hex digits, or fewer
    /// with one `::` standing for the missing zero groups; the last 32 bits may be written
    /// dot-decimal (`::ffff:192.0.2.1`).
    static func isIPv6(_ text: Substring) -> Bool {
        let groups: [Substring]
        let compressed: Bool
        if let gap = text.range(of: "::") {
            let head = text[..<gap.lowerBound], tail = text[gap.upperBound...]
            guard !tail.contains("::") else { return false }
            groups = split(head) + split(tail)
            compressed = true
        } else {
            groups = split(text)
            compressed = false
        }
        var count = 0
        for (index, group) in groups.enumerated() {
            if index == groups.count - 1, group.contains("."), !text.hasSuffix(":") {
                guard isIPv4(group) else { return false }
                count += 2
            } else {
                guard (1...4).contains(group.count), group.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return false }
                count += 1
            }
        }
        return compressed ? count <= 7 : count == 8
    }

    /// The groups between colons; nothing for an empty side of `::`.
    private static func split(_ text: Substring) -> [Substring] {
        text.isEmpty ? [] : text.split(separator: ":", omittingEmptySubsequences: false)
    }
}

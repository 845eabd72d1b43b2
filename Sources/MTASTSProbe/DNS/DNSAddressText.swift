/// Text forms of IP addresses found in A and AAAA RDATA.
enum DNSAddressText {
    /// Dotted-decimal (RFC 1035 §3.4.1 data, RFC 1123 §2.1 text form).
    static func ipv4(_ octets: ArraySlice<UInt8>) -> String {
        octets.map { String($0) }.joined(separator: ".")
    }

    /// RFC 5952 §4 canonical text: lower-case hex without leading zeros,
    /// the longest run of two or more all-zero groups (the first one on a tie)
    /// as `::`, a single zero group written `0`; IPv4-mapped addresses
    /// (::ffff:0:0/96) in mixed notation (RFC 5952 §5). Expects 16 octets.
    static func ipv6(_ octets: ArraySlice<UInt8>) -> String {
        let bytes = Array(octets)
        guard bytes.count == 16 else { return bytes.map { String($0, radix: 16) }.joined(separator: ":") }
        var groups: [UInt16] = []
        for pair in stride(from: 0, to: 16, by: 2) {
            groups.append(UInt16(bytes[pair]) << 8 | UInt16(bytes[pair + 1]))
        }
        if groups[0..<5].allSatisfy({ $0 == 0 }), groups[5] == 0xFFFF {
            return "::ffff:" + ipv4(bytes[12..<16])
        }

        var bestStart = -1
        var bestLength = 0
        var runStart = -1
        for position in 0...8 {
            if position < 8, groups[position] == 0 {
                if runStart < 0 { runStart = position }
            } else if runStart >= 0 {
                let length = position - runStart
                if length > bestLength {
                    bestStart = runStart
                    bestLength = length
                }
                runStart = -1
            }
        }
        if bestLength < 2 { bestStart = -1 }

        var text = ""
        var position = 0
        while position < 8 {
            if position == bestStart {
                text += "::"
                position += bestLength
                continue
            }
            if !text.isEmpty, !text.hasSuffix(":") { text += ":" }
            text += String(groups[position], radix: 16)
            position += 1
        }
        return text
    }
}

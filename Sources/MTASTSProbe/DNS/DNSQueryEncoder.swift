/// Builds DNS query messages.
///
/// Every query has one question of class IN (RFC 1035 §4.1.2; RFC 9619 says
/// QDCOUNT is at most 1) and an EDNS(0) OPT pseudo-record in the additional
/// section (RFC 6891 §6.1.1), so it needs no fallback for large answers.
/// Names are written uncompressed: a query has only one name.
public enum DNSQueryEncoder {
    /// Encodes a query for `name`/`type`.
    ///
    /// - Parameters:
    ///   - id: the ID the response must echo (RFC 1035 §4.1.1); pick it at
    ///     random per query (RFC 5452 §9.2).
    ///   - name: presentation form, trailing dot optional (see ``DNSName``).
    ///   - recursionDesired: the RD bit (RFC 1035 §4.1.1).
    ///   - dnssecOK: the DO bit in the OPT TTL field (RFC 3225 §3), asking for
    ///     RRSIGs and letting a validating resolver set AD (RFC 4035 §3.2.3).
    ///   - udpPayloadSize: the OPT CLASS field (RFC 6891 §6.2.3); 1232 is the
    ///     DNS Flag Day 2020 value that avoids IP fragmentation.
    ///   - checkingDisabled: the CD bit (RFC 4035 §3.2.2): the resolver answers without
    ///     validating, which tells "DNSSEC validation fails" from "the servers fail".
    /// - Throws: ``DNSEncodeError`` for names breaking RFC 1035 §2.3.4 limits
    ///   or §5.1 syntax.
    public static func encode(
        id: UInt16,
        name: String,
        type: DNSRecordType,
        recursionDesired: Bool = true,
        dnssecOK: Bool = true,
        udpPayloadSize: UInt16 = 1232,
        checkingDisabled: Bool = false
    ) throws(DNSEncodeError) -> [UInt8] {
        let parsed = try DNSName(parsing: name)
        return encode(
            id: id, name: parsed, type: type, recursionDesired: recursionDesired,
            dnssecOK: dnssecOK, udpPayloadSize: udpPayloadSize, checkingDisabled: checkingDisabled
        )
    }

    /// Encodes a query for an already validated name; cannot fail.
    public static func encode(
        id: UInt16,
        name: DNSName,
        type: DNSRecordType,
        recursionDesired: Bool = true,
        dnssecOK: Bool = true,
        udpPayloadSize: UInt16 = 1232,
        checkingDisabled: Bool = false
    ) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(12 + name.wireLength + 4 + 11)

        // Header (RFC 1035 §4.1.1): QR=0, OPCODE=0 (QUERY), RCODE=0.
        let flags = DNSHeaderFlags(rd: recursionDesired, cd: checkingDisabled)
        append16(id, to: &out)
        append16(flags.wireValue(), to: &out)
        append16(1, to: &out) // QDCOUNT
        append16(0, to: &out) // ANCOUNT
        append16(0, to: &out) // NSCOUNT
        append16(1, to: &out) // ARCOUNT: the OPT record

        // Question (RFC 1035 §4.1.2).
        out.append(contentsOf: name.wireFormat)
        append16(type.rawValue, to: &out)
        append16(DNSClass.internet.rawValue, to: &out)

        // OPT pseudo-record (RFC 6891 §6.1.2): owner root, TYPE 41, CLASS =
        // UDP payload size, TTL = extended RCODE 0 | version 0 | DO | Z,
        // RDLENGTH 0 (no options).
        out.append(0)
        append16(DNSRecordType.opt.rawValue, to: &out)
        append16(udpPayloadSize, to: &out)
        out.append(0) // EXTENDED-RCODE (RFC 6891 §6.1.3)
        out.append(0) // VERSION 0 (RFC 6891 §6.1.3)
        append16(dnssecOK ? 0x8000 : 0, to: &out) // DO bit (RFC 3225 §3)
        append16(0, to: &out) // RDLENGTH
        return out
    }

    /// Like the `String` overload of `encode(id:name:type:...)`, but with the 2-octet length prefix for TCP (RFC 1035 §4.2.2, RFC 7766 §8).
    public static func encodeForTCP(
        id: UInt16,
        name: String,
        type: DNSRecordType,
        recursionDesired: Bool = true,
        dnssecOK: Bool = true,
        udpPayloadSize: UInt16 = 1232
    ) throws(DNSEncodeError) -> [UInt8] {
        let message = try encode(
            id: id, name: name, type: type, recursionDesired: recursionDesired,
            dnssecOK: dnssecOK, udpPayloadSize: udpPayloadSize
        )
        return try DNSTCPFraming.frame(message)
    }

    private static func append16(_ value: UInt16, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value >> 8))
        out.append(UInt8(truncatingIfNeeded: value))
    }
}

/// The flag bits of the second 16-bit word of the DNS header, without RCODE.
///
/// Layout (RFC 1035 §4.1.1, with AD and CD from RFC 4035 §3.2.2/§3.2.3,
/// bit positions per RFC 2535 §6.1):
///
///     QR | Opcode(4) | AA | TC | RD | RA | Z | AD | CD | RCODE(4)
public struct DNSHeaderFlags: Sendable, Hashable {
    /// Query (false) or response (true) (RFC 1035 §4.1.1).
    public var qr: Bool
    /// Kind of query, 0 = QUERY (RFC 1035 §4.1.1).
    public var opcode: UInt8
    /// Authoritative answer (RFC 1035 §4.1.1).
    public var aa: Bool
    /// Truncation: the message did not fit the transport (RFC 1035 §4.1.1, §4.2.1).
    public var tc: Bool
    /// Recursion desired (RFC 1035 §4.1.1).
    public var rd: Bool
    /// Recursion available (RFC 1035 §4.1.1).
    public var ra: Bool
    /// The reserved Z bit; must be zero (RFC 1035 §4.1.1). Kept as received.
    public var z: Bool
    /// Authentic data: the resolver validated the answer (RFC 4035 §3.2.3).
    public var ad: Bool
    /// Checking disabled (RFC 4035 §3.2.2).
    public var cd: Bool

    public init(
        qr: Bool = false, opcode: UInt8 = 0, aa: Bool = false, tc: Bool = false,
        rd: Bool = false, ra: Bool = false, z: Bool = false, ad: Bool = false, cd: Bool = false
    ) {
        self.qr = qr
        self.opcode = opcode & 0x0F
        self.aa = aa
        self.tc = tc
        self.rd = rd
        self.ra = ra
        self.z = z
        self.ad = ad
        self.cd = cd
    }

    /// Reads the flags from the header's second word; the RCODE bits are ignored.
    public init(wireValue: UInt16) {
        qr = wireValue & 0x8000 != 0
        opcode = UInt8(truncatingIfNeeded: (wireValue >> 11) & 0x0F)
        aa = wireValue & 0x0400 != 0
        tc = wireValue & 0x0200 != 0
        rd = wireValue & 0x0100 != 0
        ra = wireValue & 0x0080 != 0
        z = wireValue & 0x0040 != 0
        ad = wireValue & 0x0020 != 0
        cd = wireValue & 0x0010 != 0
    }

    /// The second header word with these flags and the given 4-bit RCODE.
    public func wireValue(rcode: UInt8 = 0) -> UInt16 {
        var value = UInt16(opcode & 0x0F) << 11 | UInt16(rcode & 0x0F)
        if qr { value |= 0x8000 }
        if aa { value |= 0x0400 }
        if tc { value |= 0x0200 }
        if rd { value |= 0x0100 }
        if ra { value |= 0x0080 }
        if z { value |= 0x0040 }
        if ad { value |= 0x0020 }
        if cd { value |= 0x0010 }
        return value
    }
}

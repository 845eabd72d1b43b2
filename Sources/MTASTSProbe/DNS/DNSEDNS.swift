/// One EDNS(0) option from the OPT record's RDATA (RFC 6891 §6.1.2).
public struct DNSEDNSOption: Sendable, Hashable {
    /// OPTION-CODE (RFC 6891 §6.1.2).
    public var code: UInt16
    /// OPTION-DATA, raw (RFC 6891 §6.1.2).
    public var data: [UInt8]

    public init(code: UInt16, data: [UInt8]) {
        self.code = code
        self.data = data
    }
}

/// The EDNS(0) parameters carried by a message's OPT pseudo-record
/// (RFC 6891 §6.1.2 fixed fields, §6.1.3 TTL layout).
public struct DNSEDNS: Sendable, Hashable {
    /// The sender's UDP payload size, from the CLASS field (RFC 6891 §6.2.3).
    /// Kept as received; RFC 6891 §6.2.5 says values below 512 mean 512.
    public var udpPayloadSize: UInt16
    /// Upper 8 bits of the 12-bit RCODE (RFC 6891 §6.1.3).
    public var extendedRCodeHigh: UInt8
    /// EDNS version; 0 is the only defined one (RFC 6891 §6.1.3).
    public var version: UInt8
    /// The 16 flag bits of the TTL field, DO included (RFC 6891 §6.1.4).
    public var flags: UInt16
    /// Options in wire order (RFC 6891 §6.1.2).
    public var options: [DNSEDNSOption]

    public init(
        udpPayloadSize: UInt16, extendedRCodeHigh: UInt8 = 0, version: UInt8 = 0,
        flags: UInt16 = 0, options: [DNSEDNSOption] = []
    ) {
        self.udpPayloadSize = udpPayloadSize
        self.extendedRCodeHigh = extendedRCodeHigh
        self.version = version
        self.flags = flags
        self.options = options
    }

    /// The DO ("DNSSEC OK") bit, the top bit of the flags (RFC 3225 §3, RFC 6891 §6.1.4).
    public var dnssecOK: Bool { flags & 0x8000 != 0 }
}

extension DNSWireReader {
    /// Decodes the RDATA in `start..<end` (already checked to lie inside the
    /// message) and leaves ``position`` at `end`.
    ///
    /// Each known type must fill RDLENGTH exactly: too short or too long is
    /// ``DNSDecodeError/invalidRData(type:offset:problem:)``. Names inside
    /// CNAME, NS, MX and SOA may be compressed (RFC 1035 §4.1.4, RFC 3597 §4);
    /// their in-place part must stay inside RDLENGTH. A and AAAA are decoded
    /// only in class IN (RFC 1035 §3.4 is class-specific); other classes and
    /// unknown types are kept raw (RFC 3597 §5).
    mutating func readRData(type: DNSRecordType, dnsClass: DNSClass, start: Int, end: Int) throws(DNSDecodeError) -> DNSRData {
        let length = end - start
        func invalid(_ problem: DNSDecodeError.RDataProblem) -> DNSDecodeError {
            .invalidRData(type: type, offset: start, problem: problem)
        }
        let context = NameContext.rdata(type: type, start: start)
        position = start
        let rdata: DNSRData

        switch type {
        case .a where dnsClass == .internet:
            // RFC 1035 §3.4.1: a 32-bit address.
            guard length == 4 else { throw invalid(.wrongLength(expected: 4, actual: length)) }
            rdata = .a(DNSAddressText.ipv4(bytes[start..<end]))
            position = end

        case .aaaa where dnsClass == .internet:
            // RFC 3596 §2.2: a 128-bit address.
            guard length == 16 else { throw invalid(.wrongLength(expected: 16, actual: length)) }
            rdata = .aaaa(DNSAddressText.ipv6(bytes[start..<end]))
            position = end

        case .ns:
            // RFC 1035 §3.3.11: NSDNAME.
            rdata = .ns(try readName(limit: end, context: context))

        case .cname:
            // RFC 1035 §3.3.1: CNAME.
            rdata = .cname(try readName(limit: end, context: context))

        case .mx:
            // RFC 1035 §3.3.9: 16-bit PREFERENCE, then EXCHANGE (at least the
            // root's zero octet, which is a null MX, RFC 7505 §3).
            guard length >= 3 else { throw invalid(.tooShort(actual: length)) }
            let preference = uint16(at: start)
            position = start + 2
            rdata = .mx(preference: preference, exchange: try readName(limit: end, context: context))

        case .txt:
            // RFC 1035 §3.3.14 / §3.3: one or more <character-string>s, each a
            // length octet and that many octets. Zero strings (RDLENGTH 0) is
            // tolerated and yields [].
            var strings: [[UInt8]] = []
            var cursor = start
            while cursor < end {
                let count = Int(bytes[cursor])
                guard count < end - cursor else { throw invalid(.characterStringOverrun(offset: cursor)) }
                strings.append(Array(bytes[(cursor + 1)..<(cursor + 1 + count)]))
                cursor += 1 + count
            }
            rdata = .txt(strings)
            position = end

        case .soa:
            // RFC 1035 §3.3.13: MNAME, RNAME, then SERIAL, REFRESH, RETRY,
            // EXPIRE, MINIMUM as 32-bit values.
            let mname = try readName(limit: end, context: context)
            let rname = try readName(limit: end, context: context)
            guard end - position >= 20 else { throw invalid(.tooShort(actual: length)) }
            rdata = .soa(
                mname: mname, rname: rname,
                serial: uint32(at: position), refresh: uint32(at: position + 4),
                retry: uint32(at: position + 8), expire: uint32(at: position + 12),
                minimum: uint32(at: position + 16)
            )
            position += 20

        case .tlsa:
            // RFC 6698 §2.1: usage, selector, matching type (one octet each),
            // then the certificate association data (kept raw).
            guard length >= 3 else { throw invalid(.tooShort(actual: length)) }
            rdata = .tlsa(
                usage: bytes[start], selector: bytes[start + 1], matchingType: bytes[start + 2],
                data: Array(bytes[(start + 3)..<end])
            )
            position = end

        case .opt:
            // RFC 6891 §6.1.2: {OPTION-CODE, OPTION-LENGTH, OPTION-DATA}*.
            var options: [DNSEDNSOption] = []
            var cursor = start
            while cursor < end {
                guard end - cursor >= 4 else { throw invalid(.optionOverrun(offset: cursor)) }
                let code = uint16(at: cursor)
                let optionLength = Int(uint16(at: cursor + 2))
                guard optionLength <= end - cursor - 4 else { throw invalid(.optionOverrun(offset: cursor)) }
                options.append(DNSEDNSOption(code: code, data: Array(bytes[(cursor + 4)..<(cursor + 4 + optionLength)])))
                cursor += 4 + optionLength
            }
            rdata = .opt(options: options)
            position = end

        default:
            // RFC 3597 §5: unknown types (and RRSIG, RFC 4034 §3.1) stay opaque.
            rdata = .other(type: type.rawValue, data: Array(bytes[start..<end]))
            position = end
        }

        guard position == end else { throw invalid(.unusedBytes(count: end - position)) }
        return rdata
    }
}

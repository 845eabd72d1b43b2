/// Decodes DNS messages (RFC 1035 §4.1) from untrusted bytes.
///
/// Hostile input never traps, loops or allocates out of proportion to its
/// size:
/// - all reads are bounds-checked by subtraction, so nothing can overflow;
/// - header counts are only loop bounds: nothing is reserved from them, and
///   each entry consumes at least one octet or throws, so a count larger than
///   the data ends in ``DNSDecodeError/truncated(section:index:offset:)``;
/// - compression pointers must point strictly backward (see
///   ``DNSDecodeError/pointerNotBackward(offset:target:)``), at most
///   ``maxCompressionPointers`` per name, and names stop at 255 octets, so
///   one name costs at most 128 jumps and 127 labels of work and at most
///   about 1 KiB of text (255 octets, each at worst a 4-character `\DDD`);
///   the output grows linearly with the input (a 64 KiB message of
///   12-octet records pointing at one such name decodes to about 3.5 MB).
///
/// Choices:
/// - **Trailing bytes** after the last counted record are rejected with
///   ``DNSDecodeError/trailingBytes(offset:count:)`` unless
///   `allowTrailingBytes` is true (RFC 1035 §4.1 defines the message as
///   exactly its sections; leftovers mean the counts and data disagree).
/// - **Truncated responses**: when the TC bit is set and the data runs out
///   inside a question or record (``DNSDecodeError/truncated(section:index:offset:)``
///   or ``DNSDecodeError/rdataOverrun(offset:rdlength:available:)``), the
///   entries decoded so far are returned instead of an error, so the caller
///   still sees `isTruncated` and can retry over TCP (RFC 7766 §5). Every other
///   error is thrown even then.
/// - **OPT** (RFC 6891 §6.1.1): at most one, only in the additional section,
///   owned by the root; it stays in ``DNSMessage/additional`` and is
///   summarised in ``DNSMessage/edns``.
/// - **Names** come back in ``DNSName`` presentation form, case as received.
public enum DNSMessageDecoder {
    /// Most compression pointers followed for one name. A 255-octet name has
    /// at most 127 labels, so a real compressor never needs more than 128.
    public static let maxCompressionPointers = 128

    /// Decodes one DNS message.
    public static func decode(_ bytes: [UInt8], allowTrailingBytes: Bool = false) throws(DNSDecodeError) -> DNSMessage {
        // Header (RFC 1035 §4.1.1).
        guard bytes.count >= 12 else { throw .truncatedHeader(length: bytes.count) }
        var reader = DNSWireReader(bytes: bytes, position: 12)
        let flagsWord = reader.uint16(at: 2)
        let counts = [reader.uint16(at: 4), reader.uint16(at: 6), reader.uint16(at: 8), reader.uint16(at: 10)]
        let flags = DNSHeaderFlags(wireValue: flagsWord)
        var message = DNSMessage(id: reader.uint16(at: 0), flags: flags)
        var complete = true

        do throws(DNSDecodeError) {
            reader.section = .question
            for entry in 0..<Int(counts[0]) {
                reader.index = entry
                message.questions.append(try readQuestion(&reader))
            }
            reader.section = .answer
            for entry in 0..<Int(counts[1]) {
                reader.index = entry
                message.answers.append(try readRecord(&reader, edns: &message.edns))
            }
            reader.section = .authority
            for entry in 0..<Int(counts[2]) {
                reader.index = entry
                message.authority.append(try readRecord(&reader, edns: &message.edns))
            }
            reader.section = .additional
            for entry in 0..<Int(counts[3]) {
                reader.index = entry
                message.additional.append(try readRecord(&reader, edns: &message.edns))
            }
        } catch {
            switch error {
            case .truncated where flags.tc, .rdataOverrun where flags.tc:
                complete = false
            default:
                throw error
            }
        }

        if complete, !allowTrailingBytes, reader.remaining > 0 {
            throw .trailingBytes(offset: reader.position, count: reader.remaining)
        }

        // RCODE: 4 header bits, plus 8 upper bits from OPT (RFC 6891 §6.1.3).
        var rcode = flagsWord & 0x000F
        if let edns = message.edns {
            rcode |= UInt16(edns.extendedRCodeHigh) << 4
        }
        message.rcode = DNSResponseCode(rawValue: rcode)
        return message
    }

    /// QNAME, QTYPE, QCLASS (RFC 1035 §4.1.2).
    private static func readQuestion(_ reader: inout DNSWireReader) throws(DNSDecodeError) -> DNSQuestion {
        let name = try reader.readName(limit: reader.bytes.count, context: .message)
        let type = DNSRecordType(rawValue: try reader.readUInt16())
        let dnsClass = DNSClass(rawValue: try reader.readUInt16())
        return DNSQuestion(name: name, type: type, dnsClass: dnsClass)
    }

    /// NAME, TYPE, CLASS, TTL, RDLENGTH, RDATA (RFC 1035 §4.1.3).
    private static func readRecord(_ reader: inout DNSWireReader, edns: inout DNSEDNS?) throws(DNSDecodeError) -> DNSResourceRecord {
        let ownerOffset = reader.position
        let name = try reader.readName(limit: reader.bytes.count, context: .message)
        guard reader.remaining >= 10 else { throw reader.truncated(at: reader.position) }
        let type = DNSRecordType(rawValue: try reader.readUInt16())
        let dnsClass = DNSClass(rawValue: try reader.readUInt16())
        let ttl = try reader.readUInt32()
        let rdlength = Int(try reader.readUInt16())
        let start = reader.position
        guard rdlength <= reader.remaining else {
            throw .rdataOverrun(offset: start, rdlength: rdlength, available: reader.remaining)
        }

        if type == .opt {
            // RFC 6891 §6.1.1: one OPT, in the additional section, owner root.
            guard reader.section == .additional else { throw .misplacedOPT(section: reader.section, offset: ownerOffset) }
            guard name == "." else { throw .optOwnerNotRoot(offset: ownerOffset) }
            guard edns == nil else { throw .multipleOPT(offset: ownerOffset) }
        }

        let rdata = try reader.readRData(type: type, dnsClass: dnsClass, start: start, end: start + rdlength)

        if case .opt(let options) = rdata {
            // RFC 6891 §6.1.3: TTL = EXTENDED-RCODE(8) | VERSION(8) | DO | Z(15).
            edns = DNSEDNS(
                udpPayloadSize: dnsClass.rawValue,
                extendedRCodeHigh: UInt8(truncatingIfNeeded: ttl >> 24),
                version: UInt8(truncatingIfNeeded: ttl >> 16),
                flags: UInt16(truncatingIfNeeded: ttl),
                options: options
            )
        }
        return DNSResourceRecord(name: name, type: type, dnsClass: dnsClass, ttl: ttl, rdata: rdata)
    }
}

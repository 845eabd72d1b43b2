/// A bounds-checked cursor over an untrusted DNS message.
///
/// Every read checks the remaining length first (by subtraction, so no
/// addition can overflow), so hostile input ends in a ``DNSDecodeError``,
/// never in a trap.
struct DNSWireReader {
    /// Where a name is read from, for reporting running out of data.
    enum NameContext {
        /// A question's or record's owner name, bounded by the message end.
        case message
        /// A name inside RDATA starting at `start`, bounded by RDLENGTH.
        case rdata(type: DNSRecordType, start: Int)
    }

    let bytes: [UInt8]
    var position: Int
    /// Section and entry being read, for ``DNSDecodeError/truncated(section:index:offset:)``.
    var section: DNSSection = .question
    var index = 0

    init(bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var remaining: Int { bytes.count - position }

    func truncated(at offset: Int) -> DNSDecodeError {
        .truncated(section: section, index: index, offset: offset)
    }

    /// Big-endian 16 bits at `offset`; the caller has checked the bounds.
    func uint16(at offset: Int) -> UInt16 {
        UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    /// Big-endian 32 bits at `offset`; the caller has checked the bounds.
    func uint32(at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    mutating func readUInt16() throws(DNSDecodeError) -> UInt16 {
        guard remaining >= 2 else { throw truncated(at: position) }
        defer { position += 2 }
        return uint16(at: position)
    }

    mutating func readUInt32() throws(DNSDecodeError) -> UInt32 {
        guard remaining >= 4 else { throw truncated(at: position) }
        defer { position += 4 }
        return uint32(at: position)
    }

    /// Reads a possibly compressed domain name at ``position`` and returns it
    /// in ``DNSName`` presentation form; ``position`` moves past the name's
    /// in-place part (up to and including its first pointer or its zero
    /// octet).
    ///
    /// Rules (RFC 1035 §3.1, §4.1.4):
    /// - a length octet's top bits: 00 = label of up to 63 octets, 11 =
    ///   pointer; 01 and 10 are rejected (RFC 6891 §5);
    /// - the in-place part must end before `limit` (RDLENGTH for RDATA names);
    /// - a pointer must point at or after offset 12 (past the header) and
    ///   strictly before the start of the segment it appears in — the
    ///   name's first octet, or the previous pointer's target. Offsets
    ///   visited therefore strictly decrease from segment to segment, which
    ///   rules out loops and forward pointers; real compressors only point
    ///   to earlier occurrences, so nothing valid is lost;
    /// - at most ``DNSMessageDecoder/maxCompressionPointers`` pointers;
    /// - at most 255 octets once decompressed (RFC 1035 §2.3.4), checked as
    ///   each label is added, so work and memory per name stay bounded.
    mutating func readName(limit: Int, context: NameContext) throws(DNSDecodeError) -> String {
        let nameStart = position
        var cursor = position
        var segmentStart = position
        var segmentLimit = limit
        var resumeAt: Int?
        var jumps = 0
        var wireLength = 1 // the root's zero octet
        var labelCount = 0
        var text: [UInt8] = []

        func endOfData(at offset: Int) -> DNSDecodeError {
            if resumeAt == nil, case .rdata(let type, let start) = context {
                return .invalidRData(type: type, offset: start, problem: .nameOverrun(offset: offset))
            }
            return truncated(at: offset)
        }

        while true {
            guard cursor < segmentLimit else { throw endOfData(at: cursor) }
            let lengthOctet = bytes[cursor]
            switch lengthOctet & 0xC0 {
            case 0x00:
                if lengthOctet == 0 {
                    position = resumeAt ?? cursor + 1
                    return labelCount == 0 ? "." : String(decoding: text, as: UTF8.self)
                }
                let length = Int(lengthOctet)
                // Needs cursor + 1 + length <= segmentLimit, written without addition.
                guard length < segmentLimit - cursor else { throw endOfData(at: cursor) }
                wireLength += 1 + length
                guard wireLength <= DNSName.maxWireLength else { throw .nameTooLong(offset: nameStart) }
                if labelCount > 0 { text.append(UInt8(ascii: ".")) }
                DNSName.appendPresentation(of: bytes[(cursor + 1)..<(cursor + 1 + length)], to: &text)
                labelCount += 1
                cursor += 1 + length
            case 0xC0:
                guard segmentLimit - cursor >= 2 else { throw endOfData(at: cursor) }
                let target = Int(lengthOctet & 0x3F) << 8 | Int(bytes[cursor + 1])
                if resumeAt == nil { resumeAt = cursor + 2 }
                guard target >= 12 else { throw .pointerIntoHeader(offset: cursor, target: target) }
                guard target < segmentStart else { throw .pointerNotBackward(offset: cursor, target: target) }
                jumps += 1
                guard jumps <= DNSMessageDecoder.maxCompressionPointers else { throw .tooManyPointers(offset: nameStart) }
                segmentStart = target
                segmentLimit = bytes.count
                cursor = target
            default:
                throw .reservedLabelType(offset: cursor, byte: lengthOctet)
            }
        }
    }
}

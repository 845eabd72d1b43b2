/// Why a DNS message could not be decoded. Offsets are from the start of the
/// message.
public enum DNSDecodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer than the 12 header octets (RFC 1035 §4.1.1).
    case truncatedHeader(length: Int)
    /// The data ended inside entry `index` (0-based) of `section`: a
    /// question's or record's name or fixed fields (RFC 1035 §4.1.2, §4.1.3).
    /// Also what a header count larger than the data leads to.
    case truncated(section: DNSSection, index: Int, offset: Int)
    /// A label length octet starting with bits 01 or 10; only 00 (label) and
    /// 11 (pointer) are defined (RFC 1035 §4.1.4; RFC 6891 §5 retired the
    /// extended label types).
    case reservedLabelType(offset: Int, byte: UInt8)
    /// A compression pointer to an offset inside the 12-octet header, where
    /// no name can be (RFC 1035 §4.1.4).
    case pointerIntoHeader(offset: Int, target: Int)
    /// A compression pointer that does not point strictly before the start of
    /// the name segment containing it ("a prior occurrence", RFC 1035 §4.1.4).
    /// This rejects self-pointers, loops (A→B→A) and forward or
    /// out-of-bounds pointers.
    case pointerNotBackward(offset: Int, target: Int)
    /// More than ``DNSMessageDecoder/maxCompressionPointers`` pointers
    /// followed for one name.
    case tooManyPointers(offset: Int)
    /// The name at `offset` exceeds 255 octets once decompressed
    /// (RFC 1035 §2.3.4, §3.1).
    case nameTooLong(offset: Int)
    /// RDLENGTH runs past the end of the message (RFC 1035 §4.1.3).
    case rdataOverrun(offset: Int, rdlength: Int, available: Int)
    /// The RDATA of a record does not match its type's format.
    case invalidRData(type: DNSRecordType, offset: Int, problem: RDataProblem)
    /// An OPT record outside the additional section (RFC 6891 §6.1.1).
    case misplacedOPT(section: DNSSection, offset: Int)
    /// A second OPT record (RFC 6891 §6.1.1: at most one; a responder
    /// answers FORMERR to a query with more).
    case multipleOPT(offset: Int)
    /// An OPT record whose owner is not the root (RFC 6891 §6.1.2).
    case optOwnerNotRoot(offset: Int)
    /// Octets left after the last record the header counts announced
    /// (RFC 1035 §4.1: a message is exactly the header and the four sections).
    case trailingBytes(offset: Int, count: Int)

    /// What was wrong with an RDATA.
    public enum RDataProblem: Sendable, Hashable, CustomStringConvertible {
        /// A fixed-size RDATA of the wrong size: A is 4 octets
        /// (RFC 1035 §3.4.1), AAAA 16 (RFC 3596 §2.2).
        case wrongLength(expected: Int, actual: Int)
        /// Shorter than the type's fixed fields: MX needs 2 octets and a
        /// name (RFC 1035 §3.3.9), SOA two names and 20 octets
        /// (RFC 1035 §3.3.13), TLSA 3 octets (RFC 6698 §2.1).
        case tooShort(actual: Int)
        /// A name's labels run past RDLENGTH (RFC 1035 §3.3).
        case nameOverrun(offset: Int)
        /// Octets left inside RDLENGTH after the type's fields
        /// (CNAME/NS RFC 1035 §3.3.1/§3.3.11, MX §3.3.9, SOA §3.3.13).
        case unusedBytes(count: Int)
        /// A TXT character-string whose length octet runs past RDLENGTH
        /// (RFC 1035 §3.3, §3.3.14).
        case characterStringOverrun(offset: Int)
        /// An EDNS option whose header or OPTION-LENGTH runs past RDLENGTH
        /// (RFC 6891 §6.1.2).
        case optionOverrun(offset: Int)

        public var description: String {
            switch self {
            case .wrongLength(let expected, let actual): "RDATA is \(actual) octets, expected \(expected)"
            case .tooShort(let actual): "RDATA of \(actual) octets is too short"
            case .nameOverrun(let offset): "name at offset \(offset) runs past RDLENGTH"
            case .unusedBytes(let count): "\(count) unused octets at the end of RDATA"
            case .characterStringOverrun(let offset): "character-string at offset \(offset) runs past RDLENGTH"
            case .optionOverrun(let offset): "EDNS option at offset \(offset) runs past RDLENGTH"
            }
        }
    }

    public var description: String {
        switch self {
        case .truncatedHeader(let length):
            "message of \(length) octets is shorter than the 12-octet header"
        case .truncated(let section, let index, let offset):
            "message ends inside \(section) entry \(index) at offset \(offset)"
        case .reservedLabelType(let offset, let byte):
            "reserved label type 0x\(String(byte, radix: 16)) at offset \(offset)"
        case .pointerIntoHeader(let offset, let target):
            "compression pointer at offset \(offset) points into the header (\(target))"
        case .pointerNotBackward(let offset, let target):
            "compression pointer at offset \(offset) to \(target) does not point backward"
        case .tooManyPointers(let offset):
            "too many compression pointers in the name at offset \(offset)"
        case .nameTooLong(let offset):
            "name at offset \(offset) exceeds 255 octets"
        case .rdataOverrun(let offset, let rdlength, let available):
            "RDLENGTH \(rdlength) at offset \(offset) exceeds the \(available) octets left"
        case .invalidRData(let type, let offset, let problem):
            "invalid \(type) RDATA at offset \(offset): \(problem)"
        case .misplacedOPT(let section, let offset):
            "OPT record in the \(section) section at offset \(offset)"
        case .multipleOPT(let offset):
            "second OPT record at offset \(offset)"
        case .optOwnerNotRoot(let offset):
            "OPT record at offset \(offset) is not owned by the root"
        case .trailingBytes(let offset, let count):
            "\(count) octets after the last record at offset \(offset)"
        }
    }
}

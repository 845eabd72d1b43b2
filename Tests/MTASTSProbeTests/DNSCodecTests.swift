import Testing
@testable import MTASTSProbe

// MARK: - Wire builder for hand-made messages

/// Appends DNS wire-format pieces; used to hand-build responses the way a
/// server would lay them out (RFC 1035 §4.1).
struct DNSTestWire {
    var bytes: [UInt8] = []
    var offset: Int { bytes.count }

    init() {}

    /// Header (RFC 1035 §4.1.1). `flags` is the whole second word, RCODE included.
    init(id: UInt16 = 0xBEEF, flags: UInt16 = 0x8180, qd: UInt16 = 0, an: UInt16 = 0, ns: UInt16 = 0, ar: UInt16 = 0) {
        u16(id)
        u16(flags)
        u16(qd)
        u16(an)
        u16(ns)
        u16(ar)
    }

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    mutating func u32(_ value: UInt32) {
        u16(UInt16(truncatingIfNeeded: value >> 16))
        u16(UInt16(truncatingIfNeeded: value))
    }

    mutating func raw(_ data: [UInt8]) { bytes.append(contentsOf: data) }

    /// Labels of a dotted ASCII name, without the terminating zero octet.
    mutating func labels(_ dotted: String) {
        for label in dotted.split(separator: ".") {
            u8(UInt8(label.utf8.count))
            raw(Array(label.utf8))
        }
    }

    /// A full uncompressed name; `"."` is the root.
    mutating func name(_ dotted: String) {
        labels(dotted)
        u8(0)
    }

    /// A compression pointer (RFC 1035 §4.1.4).
    mutating func pointer(_ target: Int) {
        u16(0xC000 | UInt16(target))
    }

    /// Question fields after the name.
    mutating func question(_ dotted: String, type: UInt16, qclass: UInt16 = 1) {
        name(dotted)
        u16(type)
        u16(qclass)
    }

    /// TYPE, CLASS, TTL, then RDLENGTH patched after `body` writes the RDATA.
    mutating func record(type: UInt16, rclass: UInt16 = 1, ttl: UInt32 = 300, _ body: (inout DNSTestWire) -> Void) {
        u16(type)
        u16(rclass)
        u32(ttl)
        let lengthAt = offset
        u16(0)
        let start = offset
        body(&self)
        let length = offset - start
        bytes[lengthAt] = UInt8(truncatingIfNeeded: length >> 8)
        bytes[lengthAt + 1] = UInt8(truncatingIfNeeded: length)
    }

    /// TYPE, CLASS, TTL and an explicit (possibly lying) RDLENGTH, no RDATA.
    mutating func recordHeader(type: UInt16, rclass: UInt16 = 1, ttl: UInt32 = 300, rdlength: UInt16) {
        u16(type)
        u16(rclass)
        u32(ttl)
        u16(rdlength)
    }

    /// A root-owned OPT record (RFC 6891 §6.1.2).
    mutating func opt(payload: UInt16 = 1232, extendedRCode: UInt8 = 0, version: UInt8 = 0, flags: UInt16 = 0x8000, options: [UInt8] = []) {
        u8(0)
        record(type: 41, rclass: payload, ttl: UInt32(extendedRCode) << 24 | UInt32(version) << 16 | UInt32(flags)) { $0.raw(options) }
    }
}

/// Characters of an ASCII string as bytes.
func dnsTestBytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Hand-built responses shared with the fuzz tests as mutation seeds.
enum DNSTestResponses {
    /// `_mta-sts.example.com TXT`, answer split in two character-strings,
    /// owner compressed to the question.
    static var splitTXT: [UInt8] {
        var wire = DNSTestWire(id: 0x1001, flags: 0x81A0, qd: 1, an: 1, ar: 1)
        wire.question("_mta-sts.example.com", type: 16)
        wire.pointer(12)
        wire.record(type: 16) { rdata in
            rdata.u8(9)
            rdata.raw(dnsTestBytes("v=STSv1; "))
            rdata.u8(7)
            rdata.raw(dnsTestBytes("id=123;"))
        }
        wire.opt()
        return wire.bytes
    }

    /// `gmail.com MX` laid out like a recursive resolver's answer: five MX
    /// records whose exchanges compress against each other and the question.
    static var googleLikeMX: [UInt8] {
        var wire = DNSTestWire(id: 0x2002, flags: 0x8180, qd: 1, an: 5, ar: 1)
        wire.question("gmail.com", type: 15)
        var firstExchange = 0
        for (index, preference) in [5, 10, 20, 30, 40].enumerated() {
            wire.pointer(12)
            wire.record(type: 15, ttl: 3600) { rdata in
                rdata.u16(UInt16(preference))
                if index == 0 {
                    firstExchange = rdata.offset
                    rdata.labels("gmail-smtp-in.l.google")
                    rdata.pointer(18) // "com" in the question
                } else {
                    rdata.labels("alt\(index)")
                    rdata.pointer(firstExchange)
                }
            }
        }
        wire.opt(flags: 0)
        return wire.bytes
    }

    /// NXDOMAIN for `_mta-sts.nope.example A` with an SOA in authority.
    static var nxdomainSOA: [UInt8] {
        var wire = DNSTestWire(id: 0x3003, flags: 0x8183, qd: 1, ns: 1, ar: 1)
        wire.question("_mta-sts.nope.example", type: 1)
        let zone = wire.offset
        wire.pointer(26) // "example" inside the question name
        wire.record(type: 6, ttl: 900) { rdata in
            rdata.labels("ns1")
            rdata.pointer(26)
            rdata.labels("hostmaster")
            rdata.pointer(zone)
            rdata.u32(2024010101)
            rdata.u32(7200)
            rdata.u32(3600)
            rdata.u32(1209600)
            rdata.u32(300)
        }
        wire.opt()
        return wire.bytes
    }

    /// `_25._tcp.mx.example.net TLSA 3 1 1 <sha256>` with an RRSIG, AD set.
    static var tlsaSigned: [UInt8] {
        var wire = DNSTestWire(id: 0x4004, flags: 0x81A0, qd: 1, an: 2, ar: 1)
        wire.question("_25._tcp.mx.example.net", type: 52)
        wire.pointer(12)
        wire.record(type: 52) { rdata in
            rdata.raw([3, 1, 1])
            rdata.raw((0..<32).map { UInt8($0 * 7 & 0xFF) })
        }
        wire.pointer(12)
        wire.record(type: 46) { rdata in
            rdata.u16(52) // type covered
            rdata.raw([13, 5]) // algorithm, labels
            rdata.u32(300)
            rdata.u32(1_900_000_000)
            rdata.u32(1_800_000_000)
            rdata.u16(12345)
            rdata.name("example.net") // signer: never compressed (RFC 4034 §3.1.7)
            rdata.raw([UInt8](repeating: 0xAB, count: 64))
        }
        wire.opt()
        return wire.bytes
    }
}

/// Decodes, failing the test with the error instead of throwing it on.
func dnsTestDecode(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> DNSMessage? {
    do {
        return try DNSMessageDecoder.decode(bytes)
    } catch {
        Issue.record("decode failed: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

// MARK: - Query encoding

@Suite("DNS query encoder")
struct DNSQueryEncoderTests {
    @Test("query layout: header, one IN question, OPT with DO (RFC 1035 §4.1, RFC 6891 §6.1.2, RFC 3225 §3)")
    func layout() throws {
        let bytes = try DNSQueryEncoder.encode(id: 0xBEEF, name: "example.com", type: .txt)
        var expected = DNSTestWire(id: 0xBEEF, flags: 0x0100, qd: 1, ar: 1)
        expected.question("example.com", type: 16)
        expected.u8(0)
        expected.recordHeader(type: 41, rclass: 1232, ttl: 0x0000_8000, rdlength: 0)
        #expect(bytes == expected.bytes)
    }

    @Test("flags off: RD clear, DO clear, custom payload size")
    func flagsOff() throws {
        let bytes = try DNSQueryEncoder.encode(
            id: 7, name: "example.com.", type: .mx, recursionDesired: false, dnssecOK: false, udpPayloadSize: 4096)
        let message = try DNSMessageDecoder.decode(bytes)
        #expect(message.flags == DNSHeaderFlags())
        #expect(message.edns == DNSEDNS(udpPayloadSize: 4096, flags: 0))
        #expect(message.edns?.dnssecOK == false)
    }

    @Test("round trip: encoded query decodes to the same question and EDNS", arguments: [
        ("_mta-sts.example.com", DNSRecordType.txt),
        ("_smtp._tls.example.com.", .txt),
        ("mx1.example.net", .aaaa),
        ("_25._tcp.mx1.example.net", .tlsa),
        (".", .ns),
        ("example.org", .other(65280)),
    ])
    func roundTrip(name: String, type: DNSRecordType) throws {
        let bytes = try DNSQueryEncoder.encode(id: 0x0A0B, name: name, type: type)
        let message = try DNSMessageDecoder.decode(bytes)
        let expectedName = name.count > 1 && name.hasSuffix(".") ? String(name.dropLast()) : name
        #expect(message.id == 0x0A0B)
        #expect(message.flags == DNSHeaderFlags(rd: true))
        #expect(message.rcode == .noError)
        #expect(message.questions == [DNSQuestion(name: expectedName, type: type, dnsClass: .internet)])
        #expect(message.answers.isEmpty && message.authority.isEmpty)
        #expect(message.additional == [DNSResourceRecord(name: ".", type: .opt, dnsClass: DNSClass(rawValue: 1232), ttl: 0x8000, rdata: .opt(options: []))])
        #expect(message.edns?.dnssecOK == true)
        #expect(message.edns?.udpPayloadSize == 1232)
        #expect(message.edns?.version == 0)
    }

    @Test("escaped names round-trip through wire form (RFC 1035 §5.1)", arguments: [
        ("a\\.b.example", [dnsTestBytes("a.b"), dnsTestBytes("example")], "a\\.b.example"),
        ("\\065bc.example", [dnsTestBytes("Abc"), dnsTestBytes("example")], "Abc.example"),
        ("sp\\ ace.x", [dnsTestBytes("sp ace"), dnsTestBytes("x")], "sp\\032ace.x"),
        ("back\\\\slash.x", [dnsTestBytes("back\\slash"), dnsTestBytes("x")], "back\\\\slash.x"),
        ("nul\\000.\\255", [[110, 117, 108, 0], [255]], "nul\\000.\\255"),
        ("CaSe.Example.", [dnsTestBytes("CaSe"), dnsTestBytes("Example")], "CaSe.Example"),
    ])
    func escapes(input: String, labels: [[UInt8]], presentation: String) throws {
        let name = try DNSName(parsing: input)
        #expect(name.labels == labels)
        #expect(name.description == presentation)
        let message = try DNSMessageDecoder.decode(DNSQueryEncoder.encode(id: 1, name: name, type: .a))
        #expect(message.questions.first?.name == presentation)
        #expect(try DNSName(parsing: presentation) == name)
    }

    @Test("length limits: 63-octet label and 255-octet name are accepted (RFC 1035 §2.3.4)")
    func limitsAccepted() throws {
        let label63 = String(repeating: "a", count: 63)
        #expect(try DNSName(parsing: label63 + ".com").labels.first?.count == 63)
        // 1 + 3 × (1 + 63) + (1 + 61) = 255
        let longest = [label63, label63, label63, String(repeating: "b", count: 61)].joined(separator: ".")
        let name = try DNSName(parsing: longest)
        #expect(name.wireLength == 255)
        let message = try DNSMessageDecoder.decode(DNSQueryEncoder.encode(id: 1, name: name, type: .a))
        #expect(message.questions.first?.name == longest)
    }

    @Test("invalid names throw typed errors", arguments: [
        ("", DNSEncodeError.emptyName),
        ("a..b", .emptyLabel(position: 2)),
        (".a", .emptyLabel(position: 0)),
        ("a.b..", .emptyLabel(position: 4)),
        (String(repeating: "x", count: 64) + ".com", .labelTooLong(length: 64)),
        (Array(repeating: String(repeating: "y", count: 63), count: 4).joined(separator: "."), .nameTooLong(length: 257)),
        ("abc\\", .invalidEscape(position: 3)),
        ("a\\25", .invalidEscape(position: 1)),
        ("a\\2x5", .invalidEscape(position: 1)),
        ("\\256", .invalidEscape(position: 0)),
        ("a b", .invalidCharacter(byte: 0x20, position: 1)),
        ("tab\t", .invalidCharacter(byte: 0x09, position: 3)),
        ("bücher.example", .invalidCharacter(byte: 0xC3, position: 1)),
    ])
    func invalidNames(input: String, error: DNSEncodeError) {
        #expect(throws: error) { try DNSQueryEncoder.encode(id: 1, name: input, type: .a) }
    }

    @Test("DNSName(labels:) enforces the same limits")
    func labelLimits() throws {
        #expect(throws: DNSEncodeError.emptyLabel(position: 0)) { try DNSName(labels: [[]]) }
        #expect(throws: DNSEncodeError.labelTooLong(length: 64)) { try DNSName(labels: [[UInt8](repeating: 65, count: 64)]) }
        #expect(try DNSName(labels: []) == .root)
        #expect(DNSName.root.description == ".")
        #expect(DNSName.root.wireFormat == [0])
    }

    @Test("TCP framing: 2-octet big-endian length prefix (RFC 1035 §4.2.2)")
    func tcpFraming() throws {
        let query = try DNSQueryEncoder.encode(id: 9, name: "example.com", type: .a)
        let framed = try DNSQueryEncoder.encodeForTCP(id: 9, name: "example.com", type: .a)
        #expect(framed.count == query.count + 2)
        #expect(Array(framed.prefix(2)) == [UInt8(query.count >> 8), UInt8(query.count & 0xFF)])
        #expect(Array(framed.dropFirst(2)) == query)
        #expect(DNSTCPFraming.messageLength(prefix: framed) == query.count)
        #expect(DNSTCPFraming.messageLength(prefix: [0x01]) == nil)
        #expect(DNSTCPFraming.splitFrame(Array(framed.dropLast())) == nil)
        let split = try #require(DNSTCPFraming.splitFrame(framed + [0xAA, 0xBB]))
        #expect(split.message == query)
        #expect(split.remainder == [0xAA, 0xBB])
        #expect(try DNSTCPFraming.frame([UInt8](repeating: 0, count: 65535)).prefix(2) == [0xFF, 0xFF])
        #expect(throws: DNSEncodeError.messageTooLong(length: 65536)) {
            try DNSTCPFraming.frame([UInt8](repeating: 0, count: 65536))
        }
    }
}

// MARK: - Decoding well-formed responses

@Suite("DNS message decoder: well-formed responses")
struct DNSMessageDecoderTests {
    @Test("A answer with owner compressed to the question (RFC 1035 §4.1.4)")
    func aRecord() throws {
        var wire = DNSTestWire(id: 0x1234, flags: 0x8180, qd: 1, an: 2)
        wire.question("mta-sts.example.com", type: 1)
        wire.pointer(12)
        wire.record(type: 1, ttl: 3600) { $0.raw([192, 0, 2, 1]) }
        wire.pointer(12)
        wire.record(type: 1, ttl: 3600) { $0.raw([198, 51, 100, 255]) }
        let message = try #require(dnsTestDecode(wire.bytes))
        #expect(message.id == 0x1234)
        #expect(message.flags == DNSHeaderFlags(qr: true, rd: true, ra: true))
        #expect(message.answers == [
            DNSResourceRecord(name: "mta-sts.example.com", type: .a, ttl: 3600, rdata: .a("192.0.2.1")),
            DNSResourceRecord(name: "mta-sts.example.com", type: .a, ttl: 3600, rdata: .a("198.51.100.255")),
        ])
        #expect(message.records(ofType: .a).count == 2)
        #expect(message.records(ofType: .aaaa).isEmpty)
        #expect(message.records(ofType: .a, in: .additional).isEmpty)
        #expect(message.edns == nil)
    }

    @Test("AAAA text follows RFC 5952 (§4.2 ::, §4.3 lower case, §5 IPv4-mapped)", arguments: [
        ([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1], "2001:db8::1"),
        ([0, 0, 0, 0, 0, 0, 0, 1], "::1"),
        ([0, 0, 0, 0, 0, 0, 0, 0], "::"),
        ([0xfe80, 0, 0, 0, 0, 0, 0, 0], "fe80::"),
        ([0x2001, 0xdb8, 0, 1, 1, 1, 1, 1], "2001:db8:0:1:1:1:1:1"),
        ([0x2001, 0, 0, 1, 0, 0, 0, 1], "2001:0:0:1::1"),
        ([0x2001, 0xdb8, 0, 0, 1, 0, 0, 1], "2001:db8::1:0:0:1"),
        ([0x2001, 0xDB8, 0xABCD, 0x12, 0xFFFF, 0x0F00, 0x00F0, 0x000F], "2001:db8:abcd:12:ffff:f00:f0:f"),
        ([1, 0, 0, 0, 0, 0, 0, 0], "1::"),
        ([0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201], "::ffff:192.0.2.1"),
        ([0, 0, 0, 0, 0, 0, 0xc000, 0x0201], "::c000:201"),
        ([0, 1, 0, 1, 0, 1, 0, 1], "0:1:0:1:0:1:0:1"),
    ] as [([UInt16], String)])
    func aaaa(groups: [UInt16], text: String) throws {
        var wire = DNSTestWire(flags: 0x8180, qd: 1, an: 1)
        wire.question("mx.example.net", type: 28)
        wire.pointer(12)
        wire.record(type: 28) { rdata in groups.forEach { rdata.u16($0) } }
        let message = try #require(dnsTestDecode(wire.bytes))
        #expect(message.answers.first?.rdata == .aaaa(text))
    }

    @Test("TXT character-strings stay separate raw byte strings (RFC 1035 §3.3.14)")
    func splitTXT() throws {
        let message = try #require(dnsTestDecode(DNSTestResponses.splitTXT))
        let txt = try #require(message.records(ofType: .txt).first)
        #expect(txt.name == "_mta-sts.example.com")
        #expect(txt.rdata == .txt([dnsTestBytes("v=STSv1; "), dnsTestBytes("id=123;")]))
        #expect(message.flags.ad)
        #expect(message.edns?.dnssecOK == true)
    }

    @Test("TXT edge cases: empty string, non-ASCII bytes, 255-octet string, zero strings")
    func txtEdges() throws {
        var wire = DNSTestWire(flags: 0x8180, qd: 1, an: 2)
        wire.question("example.com", type: 16)
        wire.pointer(12)
        wire.record(type: 16) { rdata in
            rdata.u8(0)
            rdata.u8(3)
            rdata.raw([0x00, 0xC3, 0xA9])
            rdata.u8(255)
            rdata.raw([UInt8](repeating: 0x41, count: 255))
        }
        wire.pointer(12)
        wire.record(type: 16) { _ in }
        let message = try #require(dnsTestDecode(wire.bytes))
        #expect(message.answers.map(\.rdata) == [
            .txt([[], [0x00, 0xC3, 0xA9], [UInt8](repeating: 0x41, count: 255)]),
            .txt([]),
        ])
    }

    @Test("MX exchanges decompress through chained pointers (RFC 1035 §3.3.9, §4.1.4)")
    func mxChained() throws {
        let message = try #require(dnsTestDecode(DNSTestResponses.googleLikeMX))
        #expect(message.answers.map(\.rdata) == [
            .mx(preference: 5, exchange: "gmail-smtp-in.l.google.com"),
            .mx(preference: 10, exchange: "alt1.gmail-smtp-in.l.google.com"),
            .mx(preference: 20, exchange: "alt2.gmail-smtp-in.l.google.com"),
            .mx(preference: 30, exchange: "alt3.gmail-smtp-in.l.google.com"),
            .mx(preference: 40, exchange: "alt4.gmail-smtp-in.l.google.com"),
        ])
        #expect(message.answers.allSatisfy { $0.name == "gmail.com" && $0.ttl == 3600 })
        #expect(message.edns?.dnssecOK == false)
    }

    @Test("null MX: preference 0, exchange root (RFC 7505 §3)")
    func nullMX() throws {
        var wire = DNSTestWire(flags: 0x8180, qd: 1, an: 1)
        wire.question("no-mail.example", type: 15)
        wire.pointer(12)
        wire.record(type: 15) { rdata in
            rdata.u16(0)
            rdata.u8(0)
        }
        let message = try #require(dnsTestDecode(wire.bytes))
        #expect(message.answers.first?.rdata == .mx(preference: 0, exchange: "."))
    }

    @Test("CNAME chain and NS records")
    func cnameAndNS() throws {
        var wire = DNSTestWire(flags: 0x8180, qd: 1, an: 2, ns: 1)
        wire.question("mta-sts.example.com", type: 1)
        wire.pointer(12)
        let cnameAt = wire.offset + 10
        wire.record(type: 5) { rdata in
            rdata.labels("sites.hosting")
            rdata.pointer(12 + 8) // "example.com"
        }
        wire.pointer(cnameAt)
        wire.record(type: 1) { $0.raw([203, 0, 113, 7]) }
        wire.pointer(12 + 8)
        wire.record(type: 2, ttl: 86400) { rdata in
            rdata.labels("ns1")
            rdata.pointer(12 + 8)
        }
        let message = try #require(dnsTestDecode(wire.bytes))
        #expect(message.answers.map(\.rdata) == [.cname("sites.hosting.example.com"), .a("203.0.113.7")])
        #expect(message.answers[1].name == "sites.hosting.example.com")
        #expect(message.authority == [DNSResourceRecord(name: "example.com", type: .ns, ttl: 86400, rdata: .ns("ns1.example.com"))])
    }

    @Test("NXDOMAIN with SOA in authority (RFC 1035 §3.3.13, §4.1.1)")
    func nxdomain() throws {
        let message = try #require(dnsTestDecode(DNSTestResponses.nxdomainSOA))
        #expect(message.rcode == .nxDomain)
        #expect(message.answers.isEmpty)
        #expect(message.authority.first?.name == "example")
        #expect(message.authority.first?.rdata == .soa(
            mname: "ns1.example", rname: "hostmaster.example", serial: 2024010101,
            refresh: 7200, retry: 3600, expire: 1209600, minimum: 300))
        #expect(message.records(ofType: .soa, in: .authority).count == 1)
    }

    @Test("TLSA parsed (RFC 6698 §2.1), RRSIG kept raw, AD bit set")
    func tlsaAndRRSIG() throws {
        let message = try #require(dnsTestDecode(DNSTestResponses.tlsaSigned))
        #expect(message.flags.ad)
        #expect(message.answers.first?.rdata == .tlsa(usage: 3, selector: 1, matchingType: 1, data: (0..<32).map { UInt8($0 * 7 & 0xFF) }))
        guard case .other(let type, let data) = message.answers[1].rdata else {
            Issue.record("RRSIG not kept raw")
            return
        }
        #expect(type == 46)
        #expect(data.count == 18 + 13 + 64)
        #expect(message.records(ofType: .rrsig).count == 1)
    }

    @Test("unknown types and A outside class IN stay raw (RFC 3597 §5)")
    func rawTypes() throws {
        var wire = DNSTestWire(flags: 0x8180, qd: 1, an: 2)
        wire.question("version.bind", type: 16, qclass: 3)
        wire.pointer(12)
        wire.record(type: 65280) { $0.raw([1, 2, 3]) }
        wire.pointer(12)
        wire.record(type: 1, rclass: 3) { $0.raw([9, 9]) }
        let message = try #require(dnsTestDecode(wire.bytes))
        #expect(message.questions.first?.dnsClass == .chaos)
        #expect(message.answers.map(\.rdata) == [.other(type: 65280, data: [1, 2, 3]), .other(type: 1, data: [9, 9])])
        #expect(message.answers[0].type == .other(65280))
        #expect(message.answers[0].type.description == "TYPE65280")
    }

    @Test("header flags: every bit decoded, AD/CD/TC included (RFC 1035 §4.1.1, RFC 4035 §3.2)")
    func headerFlags() throws {
        var wire = DNSTestWire(flags: 0b1_0010_1_1_1_1_1_1_1_0101)
        wire.question("example.com", type: 1)
        wire.bytes[5] = 1
        let message = try #require(dnsTestDecode(wire.bytes))
        #expect(message.flags == DNSHeaderFlags(qr: true, opcode: 2, aa: true, tc: true, rd: true, ra: true, z: true, ad: true, cd: true))
        #expect(message.isTruncated)
        #expect(message.rcode == .refused)
        #expect(message.flags.wireValue(rcode: 5) == 0b1_0010_1_1_1_1_1_1_1_0101)
        #expect(DNSHeaderFlags(wireValue: 0x0100) == DNSHeaderFlags(rd: true))
    }

    @Test("response codes from the header", arguments: [
        (UInt16(0), DNSResponseCode.noError), (1, .formErr), (2, .servFail), (3, .nxDomain), (4, .notImp), (5, .refused), (9, .other(9)),
    ])
    func responseCodes(low: UInt16, code: DNSResponseCode) throws {
        var wire = DNSTestWire(flags: 0x8180 | low, qd: 1)
        wire.question("example.com", type: 1)
        #expect(try DNSMessageDecoder.decode(wire.bytes).rcode == code)
    }

    @Test("extended RCODE: OPT upper 8 bits combine with the header's 4 (RFC 6891 §6.1.3)")
    func extendedRCode() throws {
        var wire = DNSTestWire(flags: 0x8180, qd: 1, ar: 1)
        wire.question("example.com", type: 1)
        wire.opt(payload: 512, extendedRCode: 1, version: 0, flags: 0x8000)
        let badvers = try DNSMessageDecoder.decode(wire.bytes)
        #expect(badvers.rcode == .other(16))
        #expect(badvers.rcode.description == "BADVERS")
        #expect(badvers.edns?.extendedRCodeHigh == 1)

        var wire2 = DNSTestWire(flags: 0x8183, qd: 1, ar: 1)
        wire2.question("example.com", type: 1)
        wire2.opt(extendedRCode: 0x12, version: 1, flags: 0x8123)
        let combined = try DNSMessageDecoder.decode(wire2.bytes)
        #expect(combined.rcode == .other(0x123))
        #expect(combined.edns == DNSEDNS(udpPayloadSize: 1232, extendedRCodeHigh: 0x12, version: 1, flags: 0x8123))
    }

    @Test("EDNS options parsed in order (RFC 6891 §6.1.2)")
    func ednsOptions() throws {
        var wire = DNSTestWire(flags: 0x8180, qd: 1, ar: 1)
        wire.question("example.com", type: 1)
        wire.opt(options: [0, 10, 0, 4, 1, 2, 3, 4, 0, 12, 0, 0])
        let message = try DNSMessageDecoder.decode(wire.bytes)
        #expect(message.edns?.options == [DNSEDNSOption(code: 10, data: [1, 2, 3, 4]), DNSEDNSOption(code: 12, data: [])])
        #expect(message.additional.first?.rdata == .opt(options: message.edns?.options ?? []))
    }

    @Test("owner names in presentation form: escapes, case kept (RFC 1035 §5.1)")
    func presentation() throws {
        var wire = DNSTestWire(flags: 0x8180, qd: 1)
        wire.u8(5)
        wire.raw([0x61, 0x2E, 0x5C, 0x20, 0x00]) // a . \ space NUL
        wire.u8(1)
        wire.raw([0xFF])
        wire.labels("ExAmPle")
        wire.u8(0)
        wire.u16(1)
        wire.u16(1)
        let message = try #require(dnsTestDecode(wire.bytes))
        let name = try #require(message.questions.first?.name)
        #expect(name == "a\\.\\\\\\032\\000.\\255.ExAmPle")
        #expect(try DNSName(parsing: name).labels == [[0x61, 0x2E, 0x5C, 0x20, 0x00], [0xFF], dnsTestBytes("ExAmPle")])
    }

    @Test("TC response cut short returns the entries decoded so far (RFC 7766 §5)")
    func truncatedResponse() throws {
        var wire = DNSTestWire(flags: 0x8380, qd: 1, an: 40)
        wire.question("example.com", type: 16)
        wire.pointer(12)
        wire.record(type: 16) { $0.raw([3, 0x61, 0x62, 0x63]) }
        wire.pointer(12)
        wire.recordHeader(type: 16, rdlength: 200)
        wire.raw([5, 0x61])
        let message = try #require(dnsTestDecode(wire.bytes))
        #expect(message.isTruncated)
        #expect(message.answers.count == 1)
        // Without TC the same bytes are an error.
        wire.bytes[2] = 0x81
        #expect(throws: DNSDecodeError.rdataOverrun(offset: wire.offset - 2, rdlength: 200, available: 2)) {
            try DNSMessageDecoder.decode(wire.bytes)
        }
    }

    @Test("trailing bytes are rejected by default, accepted on request (RFC 1035 §4.1)")
    func trailingBytes() throws {
        let clean = DNSTestResponses.splitTXT
        let padded = clean + [0, 0, 0]
        #expect(throws: DNSDecodeError.trailingBytes(offset: clean.count, count: 3), "counts and data disagree") {
            try DNSMessageDecoder.decode(padded)
        }
        #expect(try DNSMessageDecoder.decode(padded, allowTrailingBytes: true) == DNSMessageDecoder.decode(clean))
    }

    @Test("hand-built BIND-style signed response: TXT + RRSIG, cookie option, AD")
    func realisticSignedResponse() throws {
        // Laid out the way BIND 9 answers `dig +dnssec _mta-sts.example.org TXT`
        // through a validating resolver: AD, RA, RD; owner compressed to the
        // question; RRSIG signer uncompressed; server cookie echoed.
        let hex = """
            5a3b 81a0 0001 0002 0000 0001 085f 6d74 612d 7374 7307 6578 616d 706c 6503 6f72
            6700 0010 0001 c00c 0010 0001 0000 0e10 001e 1d76 3d53 5453 7631 3b20 6964 3d32
            3032 3430 3631 3554 3132 3030 3030 5a3b c00c 002e 0001 0000 0e10 005f 0010 0d03
            0000 0e10 6680 0000 6670 0000 4c2c 0765 7861 6d70 6c65 036f 7267 0001 0203 0405
            0607 0809 0a0b 0c0d 0e0f 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f 2021 2223 2425
            2627 2829 2a2b 2c2d 2e2f 3031 3233 3435 3637 3839 3a3b 3c3d 3e3f 4000 0029 04d0
            0000 8000 001c 000a 0018 0102 0304 0506 0708 a1a2 a3a4 a5a6 a7a8 a9aa abac adae
            afb0
            """
        let bytes = try #require(dnsTestHex(hex))
        #expect(bytes.count == 226)
        let message = try #require(dnsTestDecode(bytes))
        #expect(message.id == 0x5A3B)
        #expect(message.flags.ad && message.flags.ra && message.flags.rd && !message.flags.aa)
        #expect(message.questions == [DNSQuestion(name: "_mta-sts.example.org", type: .txt)])
        #expect(message.answers.first?.rdata == .txt([dnsTestBytes("v=STSv1; id=20240615T120000Z;")]))
        #expect(message.answers.first?.ttl == 3600)
        #expect(message.records(ofType: .rrsig).count == 1)
        #expect(message.edns?.udpPayloadSize == 1232)
        #expect(message.edns?.dnssecOK == true)
        #expect(message.edns?.options.first?.code == 10)
        #expect(message.edns?.options.first?.data.count == 24)
    }
}

/// Parses whitespace-separated hex digits.
func dnsTestHex(_ text: String) -> [UInt8]? {
    let digits = text.filter { !$0.isWhitespace }
    guard digits.count.isMultiple(of: 2) else { return nil }
    var out: [UInt8] = []
    var index = digits.startIndex
    while index < digits.endIndex {
        let next = digits.index(index, offsetBy: 2)
        guard let byte = UInt8(digits[index..<next], radix: 16) else { return nil }
        out.append(byte)
        index = next
    }
    return out
}

// MARK: - Hostile input

@Suite("DNS message decoder: hostile input")
struct DNSHostileInputTests {
    /// Header + question "example.com A" (name at 12..24, fields to 28).
    private static func base(qd: UInt16 = 1, an: UInt16 = 0, ns: UInt16 = 0, ar: UInt16 = 0, flags: UInt16 = 0x8180) -> DNSTestWire {
        var wire = DNSTestWire(flags: flags, qd: qd, an: an, ns: ns, ar: ar)
        wire.question("example.com", type: 1)
        return wire
    }

    private func expectError(_ bytes: [UInt8], _ expected: DNSDecodeError, _ reason: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: expected, reason, sourceLocation: sourceLocation) { try DNSMessageDecoder.decode(bytes) }
    }

    @Test("self-pointing compression pointer")
    func selfPointer() {
        var wire = Self.base(an: 1)
        let at = wire.offset
        wire.pointer(at)
        wire.recordHeader(type: 1, rdlength: 4)
        wire.raw([1, 2, 3, 4])
        expectError(wire.bytes, .pointerNotBackward(offset: at, target: at), "a pointer to itself would loop forever")
    }

    @Test("pointer loop A→B→A")
    func pointerLoop() {
        var wire = Self.base(an: 1)
        let a = wire.offset
        wire.labels("x")
        let b = wire.offset
        wire.pointer(a + 4) // forward to C
        wire.pointer(b) // C: back to B
        wire.recordHeader(type: 1, rdlength: 0)
        // B → C is forward: rejected before any loop can form.
        expectError(wire.bytes, .pointerNotBackward(offset: b, target: b + 2), "B jumps forward to C, which jumps back to B")

        var loop = Self.base(an: 2)
        let first = loop.offset // record 1 owner: "p" + pointer to record 2 owner
        loop.labels("p")
        let firstPointer = loop.offset
        loop.pointer(0) // patched below
        loop.recordHeader(type: 65280, rdlength: 0)
        let second = loop.offset // record 2 owner: pointer back to record 1 owner
        loop.pointer(first)
        loop.recordHeader(type: 65280, rdlength: 0)
        loop.bytes[firstPointer] = 0xC0 | UInt8(second >> 8)
        loop.bytes[firstPointer + 1] = UInt8(second & 0xFF)
        expectError(loop.bytes, .pointerNotBackward(offset: firstPointer, target: second), "record 1 points ahead to record 2, which points back to record 1")
    }

    @Test("loop reached only after a legal backward jump")
    func loopAfterBackwardJump() {
        var wire = Self.base(an: 2)
        let early = wire.offset // owner of record 1: "q" + pointer into itself
        wire.labels("q")
        let selfLoop = wire.offset
        wire.pointer(early)
        wire.recordHeader(type: 65280, rdlength: 0)
        expectError(wire.bytes, .pointerNotBackward(offset: selfLoop, target: early), "pointing to the start of its own segment is a loop")
    }

    @Test("forward pointer")
    func forwardPointer() {
        var wire = Self.base(an: 1)
        let at = wire.offset
        wire.pointer(at + 12)
        wire.recordHeader(type: 1, rdlength: 4)
        wire.raw([1, 2, 3, 4])
        wire.name("later")
        expectError(wire.bytes, .pointerNotBackward(offset: at, target: at + 12), "RFC 1035 §4.1.4 pointers refer to a prior occurrence")
    }

    @Test("pointer out of bounds")
    func pointerOutOfBounds() {
        var wire = Self.base(an: 1)
        let at = wire.offset
        wire.pointer(0x3FFF)
        wire.recordHeader(type: 1, rdlength: 4)
        wire.raw([1, 2, 3, 4])
        expectError(wire.bytes, .pointerNotBackward(offset: at, target: 0x3FFF), "target beyond the end of the message")
    }

    @Test("pointer into the middle of the header", arguments: [0, 5, 11])
    func pointerIntoHeader(target: Int) {
        var wire = Self.base(an: 1)
        let at = wire.offset
        wire.pointer(target)
        wire.recordHeader(type: 1, rdlength: 4)
        wire.raw([1, 2, 3, 4])
        expectError(wire.bytes, .pointerIntoHeader(offset: at, target: target), "no name can start inside the 12-octet header")
    }

    @Test("the first question name cannot be compressed")
    func firstNameCompressed() {
        var wire = DNSTestWire(flags: 0x8180, qd: 1)
        wire.pointer(12)
        wire.u16(1)
        wire.u16(1)
        expectError(wire.bytes, .pointerNotBackward(offset: 12, target: 12), "nothing precedes the first name, so no pointer can be backward")
    }

    @Test("more than 128 chained pointers, and exactly 128 accepted")
    func pointerChain() throws {
        func chain(_ links: Int) -> (bytes: [UInt8], start: Int) {
            var wire = DNSTestWire(flags: 0x8180, qd: 1, an: 2)
            wire.question(".", type: 1) // root name at offset 12
            wire.u8(0)
            wire.record(type: 65280) { rdata in
                var previous = 12
                for _ in 0..<links {
                    let here = rdata.offset
                    rdata.pointer(previous)
                    previous = here
                }
            }
            let last = wire.offset - 2
            let start = wire.offset
            wire.pointer(last)
            wire.recordHeader(type: 65280, rdlength: 0)
            return (wire.bytes, start)
        }
        let accepted = chain(127) // 127 links + the owner's own pointer = 128 jumps
        #expect(try DNSMessageDecoder.decode(accepted.bytes).answers[1].name == ".")
        let rejected = chain(128)
        expectError(rejected.bytes, .tooManyPointers(offset: rejected.start), "129 jumps exceeds the 128-pointer budget")
    }

    @Test("decompressed name longer than 255 octets")
    func decompressedTooLong() {
        let label63 = String(repeating: "a", count: 63)
        var wire = DNSTestWire(flags: 0x8180, qd: 1, an: 1)
        wire.question("\(label63).\(label63)", type: 1) // 129 octets at 12
        let at = wire.offset
        wire.labels("\(label63).\(label63)") // +128 = 257
        wire.pointer(12)
        wire.recordHeader(type: 1, rdlength: 4)
        wire.raw([1, 2, 3, 4])
        expectError(wire.bytes, .nameTooLong(offset: at), "each part is legal, the sum is 257 octets (RFC 1035 §2.3.4)")
    }

    @Test("uncompressed name longer than 255 octets")
    func inPlaceTooLong() {
        let label63 = String(repeating: "z", count: 63)
        var wire = DNSTestWire(flags: 0x8180, qd: 1)
        wire.question(Array(repeating: label63, count: 4).joined(separator: "."), type: 1)
        expectError(wire.bytes, .nameTooLong(offset: 12), "4 × 64 + 1 = 257 octets")
    }

    @Test("label length octets with reserved type bits 01 and 10", arguments: [UInt8(0x40), 0x41, 0x7F, 0x80, 0xBF])
    func reservedLabelTypes(octet: UInt8) {
        var wire = DNSTestWire(flags: 0x8180, qd: 1)
        wire.labels("ok")
        wire.u8(octet)
        wire.raw([UInt8](repeating: 0x61, count: 70))
        wire.u8(0)
        wire.u16(1)
        wire.u16(1)
        expectError(wire.bytes, .reservedLabelType(offset: 15, byte: octet), "lengths above 63 are the retired 01/10 label types")
    }

    @Test("truncated header", arguments: [0, 1, 11])
    func truncatedHeader(length: Int) {
        let bytes = Array(DNSTestResponses.splitTXT.prefix(length))
        expectError(bytes, .truncatedHeader(length: length), "fewer than 12 octets")
    }

    @Test("truncated question: inside the name, and before QTYPE/QCLASS")
    func truncatedQuestion() {
        let full = Self.base().bytes
        expectError(Array(full.prefix(16)), .truncated(section: .question, index: 0, offset: 12), "label 'example' cut after 3 octets")
        expectError(Array(full.prefix(25)), .truncated(section: .question, index: 0, offset: 25), "name ends but QTYPE is missing")
        expectError(Array(full.prefix(27)), .truncated(section: .question, index: 0, offset: 27), "QCLASS is missing")
    }

    @Test("truncated resource record header")
    func truncatedRecordHeader() {
        var wire = Self.base(an: 1)
        wire.pointer(12)
        wire.raw([0, 1, 0, 1, 0])
        expectError(wire.bytes, .truncated(section: .answer, index: 0, offset: 31), "only 5 of the 10 fixed octets after the owner")
        var cutPointer = Self.base(an: 1)
        cutPointer.u8(0xC0)
        expectError(cutPointer.bytes, .truncated(section: .answer, index: 0, offset: 29), "pointer cut after its first octet")
    }

    @Test("RDLENGTH past the end of the message")
    func rdlengthPastEnd() {
        var wire = Self.base(an: 1)
        wire.pointer(12)
        wire.recordHeader(type: 1, rdlength: 0xFFFF)
        wire.raw([1, 2, 3, 4])
        expectError(wire.bytes, .rdataOverrun(offset: 41, rdlength: 0xFFFF, available: 4), "RDLENGTH 65535 with 4 octets left")
    }

    /// One answer owned by the question name with the given RDATA bytes.
    private static func answer(type: UInt16, rdata: [UInt8]) -> (bytes: [UInt8], rdataAt: Int) {
        var wire = base(an: 1)
        wire.pointer(12)
        wire.record(type: type) { $0.raw(rdata) }
        return (wire.bytes, wire.offset - rdata.count)
    }

    @Test("RDATA shorter or longer than its type needs", arguments: [
        (UInt16(1), [1, 2, 3], DNSRecordType.a, DNSDecodeError.RDataProblem.wrongLength(expected: 4, actual: 3), "A with 3 octets"),
        (1, [1, 2, 3, 4, 5], .a, .wrongLength(expected: 4, actual: 5), "A with 5 octets"),
        (28, [UInt8](repeating: 0, count: 15), .aaaa, .wrongLength(expected: 16, actual: 15), "AAAA with 15 octets"),
        (15, [7], .mx, .tooShort(actual: 1), "MX with 1 octet"),
        (15, [0, 10], .mx, .tooShort(actual: 2), "MX with a preference but no exchange"),
        (15, [0, 10, 0, 0xEE], .mx, .unusedBytes(count: 1), "MX with an octet after the exchange"),
        (15, [0, 10, 3, 0x61, 0x62], .mx, .nameOverrun(offset: 43), "MX exchange label runs past RDLENGTH"),
        (5, [3, 0x61, 0x62, 0x63], .cname, .nameOverrun(offset: 45), "CNAME without its terminating zero octet"),
        (2, [0, 0], .ns, .unusedBytes(count: 1), "NS with an extra octet"),
        (16, [9, 0x76, 0x3D], .txt, .characterStringOverrun(offset: 41), "TXT string length 9 with 2 octets left"),
        (16, [2, 0x61, 0x62, 5], .txt, .characterStringOverrun(offset: 44), "second TXT string runs past RDLENGTH"),
        (52, [3, 1], .tlsa, .tooShort(actual: 2), "TLSA without matching type"),
        (6, [0, 0, 0, 0, 0, 1], .soa, .tooShort(actual: 6), "SOA with names but 4 of 20 octets"),
        (6, [0, 0] + [UInt8](repeating: 0, count: 21), .soa, .unusedBytes(count: 1), "SOA with 21 octets of numbers"),
    ] as [(UInt16, [UInt8], DNSRecordType, DNSDecodeError.RDataProblem, String)])
    func rdataSize(type: UInt16, rdata: [UInt8], recordType: DNSRecordType, problem: DNSDecodeError.RDataProblem, reason: String) {
        let built = Self.answer(type: type, rdata: rdata)
        expectError(built.bytes, .invalidRData(type: recordType, offset: built.rdataAt, problem: problem), Comment(rawValue: reason))
    }

    @Test("names in RDATA still obey the pointer rules")
    func rdataPointer() {
        let built = Self.answer(type: 5, rdata: [0xC0, 0x00 + 41])
        expectError(built.bytes, .pointerNotBackward(offset: 41, target: 41), "CNAME RDATA pointing at itself")
    }

    @Test("EDNS option running past RDLENGTH")
    func optionOverrun() {
        var wire = Self.base(ar: 1)
        wire.opt(options: [0, 10, 0, 8, 1, 2])
        expectError(wire.bytes, .invalidRData(type: .opt, offset: 40, problem: .optionOverrun(offset: 40)), "OPTION-LENGTH 8 with 2 octets left")
        var short = Self.base(ar: 1)
        short.opt(options: [0, 10, 0])
        expectError(short.bytes, .invalidRData(type: .opt, offset: 40, problem: .optionOverrun(offset: 40)), "option header cut at 3 octets")
    }

    @Test("OPT misplaced, duplicated or not owned by the root (RFC 6891 §6.1.1)")
    func optRules() {
        var inAnswer = Self.base(an: 1)
        inAnswer.opt()
        expectError(inAnswer.bytes, .misplacedOPT(section: .answer, offset: 29), "OPT belongs in the additional section")

        var twice = Self.base(ar: 2)
        twice.opt()
        twice.opt()
        expectError(twice.bytes, .multipleOPT(offset: 40), "a second OPT makes the extended RCODE ambiguous")

        var owned = Self.base(ar: 1)
        owned.pointer(12)
        owned.record(type: 41, rclass: 1232, ttl: 0) { _ in }
        expectError(owned.bytes, .optOwnerNotRoot(offset: 29), "OPT owner must be the root")
    }

    @Test("counts larger than the data are not trusted", arguments: [
        (UInt16(0xFFFF), UInt16(0), UInt16(0), UInt16(0), DNSSection.question, 1),
        (1, 0xFFFF, 0, 0, .answer, 0),
        (1, 0, 0xFFFF, 0, .authority, 0),
        (1, 0, 0, 0xFFFF, .additional, 0),
    ] as [(UInt16, UInt16, UInt16, UInt16, DNSSection, Int)])
    func hugeCounts(qd: UInt16, an: UInt16, ns: UInt16, ar: UInt16, section: DNSSection, index: Int) {
        let wire = Self.base(qd: qd, an: an, ns: ns, ar: ar)
        expectError(wire.bytes, .truncated(section: section, index: index, offset: 29), "65535 announced, none present: fails at the first missing entry")
    }

    @Test("TC does not excuse malformed data, only missing data")
    func truncationNotAnExcuse() {
        var wire = Self.base(an: 1, flags: 0x8380)
        let at = wire.offset
        wire.pointer(at)
        expectError(wire.bytes, .pointerNotBackward(offset: at, target: at), "a loop is an error even in a truncated response")
    }

    @Test("trailing garbage after the last record")
    func trailingGarbage() {
        var wire = Self.base()
        wire.raw([0xDE, 0xAD])
        expectError(wire.bytes, .trailingBytes(offset: 29, count: 2), "ARCOUNT says nothing follows")
    }
}

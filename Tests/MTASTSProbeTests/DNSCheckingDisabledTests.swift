import Testing
@testable import MTASTSProbe

@Suite("DNS queries with checking disabled (RFC 4035 §3.2.2)")
struct DNSCheckingDisabledTests {
    @Test("CD=1 sets bit 0x0010 of the flags; the default query leaves it clear and keeps RD")
    func cdBit() throws {
        let plain = try DNSQueryEncoder.encode(id: 7, name: "_mta-sts.example.com", type: .txt)
        let unchecked = try DNSQueryEncoder.encode(id: 7, name: "_mta-sts.example.com", type: .txt, checkingDisabled: true)
        let flags = { (bytes: [UInt8]) in UInt16(bytes[2]) << 8 | UInt16(bytes[3]) }
        #expect(flags(plain) & 0x0010 == 0)
        #expect(flags(unchecked) & 0x0010 != 0)
        #expect(flags(unchecked) & 0x0100 != 0, "recursion desired")
        #expect(DNSHeaderFlags(wireValue: flags(unchecked)).cd)
        #expect(Array(plain[4...]) == Array(unchecked[4...]), "only the flags differ")
    }
}

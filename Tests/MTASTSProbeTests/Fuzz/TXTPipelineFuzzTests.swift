import Foundation
import MTASTSCore
import Testing
@testable import MTASTSProbe

/// The path a hostile DNS server reaches: a TXT response is decoded, its answers become
/// ``TXTRecord``s the way ``DNSResolver/txt(_:)`` makes them, and the record parsers judge
/// the RRset. `DNSCodecFuzzTests` fuzzes the decoder alone; this checks the whole path keeps
/// its findings bounded by the response's size.
@Suite("Fuzz: DNS TXT answers through the record parsers")
struct TXTPipelineFuzzTests {
    static func response(_ records: [[String]], name: String) -> [UInt8] {
        var wire = DNSTestWire(id: 0x3003, flags: 0x81A0, qd: 1, an: UInt16(records.count))
        wire.question(name, type: 16)
        for strings in records {
            wire.pointer(12)
            wire.record(type: 16) { rdata in
                for string in strings {
                    let bytes = dnsTestBytes(string)
                    rdata.u8(UInt8(bytes.count))
                    rdata.raw(bytes)
                }
            }
        }
        return wire.bytes
    }

    @Test("20,000 mutated TXT responses decode or throw; parsed RRsets give bounded findings", .timeLimit(.minutes(1)))
    func txtPipeline() {
        let seeds: [[UInt8]] = [
            DNSTestResponses.splitTXT,
            Self.response([["v=STSv1; id=1;"], ["v=STSv1; ", "id=2"], ["v=spf1 -all"]], name: "_mta-sts.example.com"),
            Self.response([["v=TLSRPTv1; rua=mailto:a@example.com"], ["v=TLSRPTv1;", "rua=https://r.example/x,mailto:b@example.com"]], name: "_smtp._tls.example.com"),
            Self.response([[String(repeating: "v=STSv1; id=1; id=2; ", count: 12)], ["", "", ""]], name: "_mta-sts.example.com"),
        ]
        var random = SplitMix64(seed: 0x4655_5A5A_5458_5001)
        var decoded = 0
        for round in 0..<20_000 {
            var bytes = seeds[Int.random(in: 0..<seeds.count, using: &random)]
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let position = Int.random(in: 12..<max(13, bytes.count), using: &random)
                guard position < bytes.count else { break }
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[position] ^= 1 << UInt8.random(in: 0...7, using: &random)
                case 1: bytes[position] = UInt8.random(in: 0...255, using: &random)
                case 2: bytes.removeLast(bytes.count - position)
                default:
                    let end = min(bytes.count, position + Int.random(in: 1...40, using: &random))
                    bytes.insert(contentsOf: bytes[position..<end], at: end)
                }
            }
            guard let message = try? DNSMessageDecoder.decode(bytes) else { continue }
            decoded += 1
            let rrset = message.answers.compactMap { record -> TXTRecord? in
                guard case .txt(let strings) = record.rdata else { return nil }
                return TXTRecord(strings: strings.map { String(decoding: $0, as: UTF8.self) })
            }
            let findings = STSRecordParser.parse(rrset: rrset).findings + TLSRPTRecordParser.parse(rrset: rrset).findings
            let problem: String? =
                if findings.count > bytes.count + 32 { "\(findings.count) findings" }
                else if let big = findings.first(where: { $0.evidence.utf8.count > Evidence.findingLimit + 32 }) {
                    "finding \(big.code.rawValue) has \(big.evidence.utf8.count) bytes of evidence"
                } else { nil }
            if let problem {
                Issue.record("round \(round): \(problem); response (base64): \(Data(bytes).base64EncodedString())")
                return
            }
        }
        #expect(decoded > 2_000, "\(decoded) of 20,000 responses decoded")
    }
}

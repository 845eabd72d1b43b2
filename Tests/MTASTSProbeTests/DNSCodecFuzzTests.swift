import MTASTSCore
import Testing
@testable import MTASTSProbe

/// Decodes `bytes`; a thrown ``DNSDecodeError`` is a fine outcome, a trap or
/// hang is not. On success, checks invariants every decoded message must meet.
/// Returns whether it decoded.
private func dnsFuzzCheck(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    let message: DNSMessage
    do {
        message = try DNSMessageDecoder.decode(bytes)
    } catch {
        return false
    }
    // Every name is valid presentation form within the RFC 1035 §2.3.4 limits.
    let names = message.questions.map(\.name) + (message.answers + message.authority + message.additional).flatMap { record -> [String] in
        switch record.rdata {
        case .ns(let name), .cname(let name): [record.name, name]
        case .mx(_, let exchange): [record.name, exchange]
        case .soa(let mname, let rname, _, _, _, _, _): [record.name, mname, rname]
        default: [record.name]
        }
    }
    for name in names {
        do {
            let parsed = try DNSName(parsing: name)
            #expect(parsed.wireLength <= 255, sourceLocation: sourceLocation)
            #expect(parsed.description == name, sourceLocation: sourceLocation)
        } catch {
            Issue.record("decoded name \(name) does not parse back: \(error)", sourceLocation: sourceLocation)
        }
    }
    // Nothing decoded out of thin air: each entry used at least 5 octets.
    let entries = message.questions.count + message.answers.count + message.authority.count + message.additional.count
    #expect(entries * 5 <= max(0, bytes.count - 12), sourceLocation: sourceLocation)
    return true
}

@Suite("DNS decoder fuzzing")
struct DNSCodecFuzzTests {
    @Test("20,000 random byte arrays of length 0-600 decode or throw", .timeLimit(.minutes(1)))
    func randomBytes() {
        var random = SplitMix64(seed: 0x4D54_4153_5453_0001)
        var decoded = 0
        for round in 0..<20_000 {
            let length = Int.random(in: 0...600, using: &random)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            // Every fourth input gets small header counts so the sections get exercised.
            if round % 4 == 0, bytes.count >= 12 {
                for field in stride(from: 4, to: 12, by: 2) {
                    bytes[field] = 0
                    bytes[field + 1] = UInt8.random(in: 0...3, using: &random)
                }
            }
            if dnsFuzzCheck(bytes) { decoded += 1 }
        }
        // Sanity: random data is almost never a valid message, but it must not all
        // fail at the header either (the count tweak above ensures some progress).
        #expect(decoded < 20_000)
    }

    @Test("20,000 mutations of valid responses decode or throw", .timeLimit(.minutes(1)))
    func mutations() throws {
        let seeds: [[UInt8]] = [
            DNSTestResponses.splitTXT,
            DNSTestResponses.googleLikeMX,
            DNSTestResponses.nxdomainSOA,
            DNSTestResponses.tlsaSigned,
            try DNSQueryEncoder.encode(id: 1, name: "_mta-sts.example.com", type: .txt),
        ]
        for seed in seeds {
            #expect(dnsFuzzCheck(seed), "seeds must be valid")
        }
        var random = SplitMix64(seed: 0x4D54_4153_5453_0002)
        let interesting: [UInt8] = [0x00, 0x01, 0x3F, 0x40, 0x7F, 0x80, 0xBF, 0xC0, 0xC0, 0xFF]
        var decoded = 0
        for _ in 0..<20_000 {
            var bytes = seeds[Int.random(in: 0..<seeds.count, using: &random)]
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<7, using: &random) {
                case 0 where !bytes.isEmpty: // bit flip
                    bytes[position] ^= 1 << UInt8.random(in: 0...7, using: &random)
                case 1 where !bytes.isEmpty: // byte replacement
                    bytes[position] = Bool.random(using: &random)
                        ? UInt8.random(in: 0...255, using: &random)
                        : interesting[Int.random(in: 0..<interesting.count, using: &random)]
                case 2: // truncation
                    bytes.removeLast(bytes.count - position)
                case 3: // insertion
                    let count = Int.random(in: 1...8, using: &random)
                    bytes.insert(contentsOf: (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }, at: position)
                case 4 where !bytes.isEmpty: // duplicated slice
                    let end = min(bytes.count, position + Int.random(in: 1...32, using: &random))
                    let slice = Array(bytes[position..<end])
                    bytes.insert(contentsOf: slice, at: Int.random(in: 0...bytes.count, using: &random))
                case 5 where bytes.count >= 2: // injected compression pointer
                    let target = Int.random(in: 0..<max(1, bytes.count + 16), using: &random)
                    let at = min(position, bytes.count - 2)
                    bytes[at] = 0xC0 | UInt8(truncatingIfNeeded: target >> 8 & 0x3F)
                    bytes[at + 1] = UInt8(truncatingIfNeeded: target)
                case 6 where bytes.count >= 12: // header count changed
                    let field = 4 + 2 * Int.random(in: 0..<4, using: &random)
                    bytes[field + 1] = UInt8.random(in: 0...255, using: &random)
                    if Bool.random(using: &random) { bytes[field] = 0xFF }
                default:
                    break
                }
            }
            if dnsFuzzCheck(bytes) { decoded += 1 }
        }
        // Many mutations (e.g. in TTLs or TXT contents) keep the message valid;
        // if none decoded, the mutator or the decoder would be broken.
        #expect(decoded > 1_000)
        #expect(decoded < 20_000)
    }

    @Test("pointer soup: names made only of random labels and pointers", .timeLimit(.minutes(1)))
    func pointerSoup() {
        var random = SplitMix64(seed: 0x4D54_4153_5453_0003)
        for _ in 0..<2_000 {
            var wire = DNSTestWire(flags: 0x8180, qd: 1, an: 3)
            wire.question("a.example", type: 1)
            for _ in 0..<3 {
                for _ in 0..<Int.random(in: 0...6, using: &random) {
                    if Bool.random(using: &random) {
                        wire.pointer(Int.random(in: 0..<max(1, wire.offset + 8), using: &random))
                    } else {
                        let length = Int.random(in: 0...63, using: &random)
                        wire.u8(UInt8(length))
                        wire.raw((0..<length).map { _ in UInt8.random(in: 0x61...0x7A, using: &random) })
                    }
                }
                wire.u8(0)
                wire.record(type: 5) { rdata in
                    rdata.pointer(Int.random(in: 12..<max(13, rdata.offset), using: &random))
                }
            }
            _ = dnsFuzzCheck(wire.bytes)
        }
    }
}

@Suite("DNS decoder cost bounds")
struct DNSCodecCostTests {
    @Test("largest possible message of maximal compressed names stays fast", .timeLimit(.minutes(1)))
    func worstCaseAmplification() throws {
        // Question: 127 one-octet labels of NUL (255 octets, each shown as \000).
        let records = (65_535 - 12 - 259) / 12
        var wire = DNSTestWire(flags: 0x8180, qd: 1, an: UInt16(records))
        for _ in 0..<127 { wire.raw([1, 0]) }
        wire.u8(0)
        wire.u16(16)
        wire.u16(1)
        for _ in 0..<records {
            wire.pointer(12)
            wire.recordHeader(type: 65280, rdlength: 0)
        }
        #expect(wire.bytes.count <= 65_535)
        let clock = ContinuousClock()
        let start = clock.now
        let message = try DNSMessageDecoder.decode(wire.bytes)
        let elapsed = clock.now - start
        #expect(message.answers.count == records)
        #expect(message.answers.last?.name.utf8.count == 127 * 4 + 126)
        // Report only; timing asserts are flaky on loaded machines.
        print("worst-case 64 KiB message: \(records) records decoded in \(elapsed)")
    }
}

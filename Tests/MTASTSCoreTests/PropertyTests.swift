import PropertyBased
import Testing
@testable import MTASTSCore

/// Generators for the property tests: grammar-valid pieces of policies and records.
enum Gens {
    static let alnum = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

    /// An LDH label (RFC 5321 §4.1.2): 1–12 characters, letters/digits at both ends, inner hyphens.
    static let label = Generator<String, Shrink.None<String>> { rng in
        let length = Int.random(in: 1...12, using: &rng)
        return String((0..<length).map { index -> Character in
            let inner = index > 0 && index < length - 1
            return inner && Int.random(in: 0..<5, using: &rng) == 0 ? "-" : alnum.randomElement(using: &rng)!
        })
    }

    /// A host name: 1–3 labels and a letters-only top-level label (so never an IPv4 literal).
    static let host = zip(label.array(of: 1...3), Generator<String, Shrink.None<String>> { rng in
        String((0..<Int.random(in: 2...6, using: &rng)).map { _ in letters.randomElement(using: &rng)! })
    }).map { labels, tld in (labels + [tld]).joined(separator: ".") }

    /// An `mx` pattern: a host name or `*.` and a host name.
    static let pattern = Gen.oneOf(host, host.map { "*." + $0 })

    /// 1–8 patterns, without repeats (a repeat is reported and dropped by the parser).
    static let patterns = pattern.array(of: 1...8).map { patterns in
        var seen: Set<String> = []
        return patterns.filter { seen.insert(MXMatcher.normalize($0)).inserted }
    }

    /// Random WSP (RFC 5234): zero to three spaces or tabs.
    static func wsp(_ rng: inout some RandomNumberGenerator) -> String {
        String((0..<Int.random(in: 0...3, using: &rng)).map { _ in Bool.random(using: &rng) ? " " : "\t" })
    }

    /// Cuts `text` into 1–5 character-strings at random places (RFC 8461 §3.1: joined without spaces).
    static func split(_ text: String, _ rng: inout some RandomNumberGenerator) -> [String] {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 1 else { return [text] }
        let cuts = Set((0..<Int.random(in: 0...4, using: &rng)).map { _ in Int.random(in: 1..<scalars.count, using: &rng) }).sorted()
        var strings: [String] = []
        var start = 0
        for cut in cuts + [scalars.count] {
            strings.append(String(String.UnicodeScalarView(scalars[start..<cut])))
            start = cut
        }
        return strings
    }

    /// An extension field for TXT records (`sts-ext-name "=" sts-ext-value`), never named `id` or `rua`.
    static func extensionField(_ rng: inout some RandomNumberGenerator) -> String {
        let nameTail = Array("abcdefghijklmnopqrstuvwxyz0123456789_-.")
        let valueChars = (0x21...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }.filter { $0 != ";" && $0 != "=" }
        let name = "x" + String((0..<Int.random(in: 0...30, using: &rng)).map { _ in nameTail.randomElement(using: &rng)! })
        let value = String((0..<Int.random(in: 1...12, using: &rng)).map { _ in valueChars.randomElement(using: &rng)! })
        return name + "=" + value
    }
}

/// A TXT record built by a generator, with what it must parse to.
struct GeneratedRecord: Sendable, CustomStringConvertible {
    var strings: [String]
    var expected: [String]
    var description: String { strings.map(\.debugDescription).joined(separator: " ") }
}

@Suite("Properties")
struct PropertyTests {
    @Test("(1) generated policies round-trip: text → parse → the same policy, no error")
    func policyRoundTrip() async {
        await propertyCheck(
            count: 1_000, input: Gen<STSMode>.case, Gen.int(in: 0...STSPolicy.maxAgeLimit), Gens.patterns, Gen.int(in: 0...2)
        ) { mode, maxAge, mx, ending in
            let policy = STSPolicy(mode: mode, maxAge: maxAge, mx: mx)
            var text = policy.text(terminator: ending == 0 ? "\n" : "\r\n")
            if ending == 2 { text.removeLast() }  // no final terminator: "\r\n" is one Character
            let result = PolicyParser.parse(text)
            #expect(result.value == policy, "\(text.debugDescription)")
            #expect(result.findings.errors.isEmpty, "\(result.findings.summary)")
            #expect(result.isValid)
        }
    }

    @Test("(2) generated STS records parse to the same id, whatever the WSP, trailing `;` and string split")
    func stsRecords() async {
        let records = Generator<GeneratedRecord, Shrink.None<GeneratedRecord>> { rng in
            let id = String((0..<Int.random(in: 1...32, using: &rng)).map { _ in Gens.alnum.randomElement(using: &rng)! })
            var fields = (0..<Int.random(in: 0...3, using: &rng)).map { _ in Gens.extensionField(&rng) }
            fields.insert("id=" + id, at: Int.random(in: 0...fields.count, using: &rng))
            var text = "v=STSv1"
            for field in fields { text += Gens.wsp(&rng) + ";" + Gens.wsp(&rng) + field }
            if Bool.random(using: &rng) { text += Gens.wsp(&rng) + ";" + Gens.wsp(&rng) }
            return GeneratedRecord(strings: Gens.split(text, &rng), expected: [id])
        }
        await propertyCheck(count: 1_000, input: records) { record in
            let result = STSRecordParser.parse(rrset: [TXTRecord(strings: record.strings)])
            #expect(result.value?.id == record.expected.first)
            #expect(result.findings.errors.isEmpty, "\(result.findings.summary)")
        }
    }

    @Test("(3) generated TLS-RPT records round-trip their rua list")
    func tlsrptRecords() async {
        let uri = Gen.oneOf(
            zip(Gens.label, Gens.host).map { local, domain in "mailto:\(local)@\(domain)" },
            zip(Gens.host, Gens.label).map { host, path in "https://\(host)/\(path)" })
        let records = Generator<GeneratedRecord, Shrink.None<GeneratedRecord>> { rng in
            let uris = (0..<Int.random(in: 1...4, using: &rng)).map { _ in uri.run(using: &rng) }
            let rua = "rua=" + uris.map { $0 }.joined(separator: Gens.wsp(&rng) + "," + Gens.wsp(&rng))
            var fields = (0..<Int.random(in: 0...2, using: &rng)).map { _ in Gens.extensionField(&rng) }
            fields.insert(rua, at: Int.random(in: 0...fields.count, using: &rng))
            var text = "v=TLSRPTv1"
            for field in fields { text += Gens.wsp(&rng) + ";" + Gens.wsp(&rng) + field }
            if Bool.random(using: &rng) { text += Gens.wsp(&rng) + ";" + Gens.wsp(&rng) }
            return GeneratedRecord(strings: Gens.split(text, &rng), expected: uris)
        }
        await propertyCheck(count: 1_000, input: records) { record in
            let result = TLSRPTRecordParser.parse(rrset: [TXTRecord(strings: record.strings)])
            let parsed = result.value
            #expect(parsed?.rua == record.expected, "\(result.findings.summary)")
            #expect(result.findings.errors.isEmpty)
            if let parsed {
                let again = TLSRPTRecordParser.parseRecord(TLSRPTRecord(rua: parsed.rua, extensions: parsed.extensions).text)
                #expect(again.value == parsed)
            }
        }
    }

    /// Bytes biased towards the characters the grammars care about.
    static let hostileBytes = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
        let special: [UInt8] = [0x0D, 0x0A, 0x3A, 0x3B, 0xFF, 0xEF, 0xBB, 0xBF, 0x22, 0x5C, 0x20, 0x09, 0x3D, 0x2A, 0x2E, 0x2C, 0x00,
                                0x30, 0x39, 0x5B, 0x5D, 0xC3, 0xBC, 0x80]
        let prefixes = ["", "version: STSv1\n", "v=STSv1; ", "v=TLSRPTv1; rua=", "\"v=STSv1; \" \"", "mode: enforce\r\nmx: *."]
        var bytes = Array(prefixes.randomElement(using: &rng)!.utf8)
        let length = Int.random(in: 0...2000, using: &rng)
        for _ in 0..<length {
            bytes.append(Bool.random(using: &rng) ? special.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng))
        }
        return bytes
    }

    @Test("(4) arbitrary bytes never crash a parser or matcher, and what they accept is well-formed")
    func arbitraryBytes() async {
        await propertyCheck(count: 1_000, input: Self.hostileBytes) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let half = text.unicodeScalars.count / 2
            let left = String(String.UnicodeScalarView(text.unicodeScalars.prefix(half)))
            let right = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(half)))

            let policy = PolicyParser.parse(bytes)
            if let value = policy.value {
                #expect(value.version == "STSv1")
                #expect((0...STSPolicy.maxAgeLimit).contains(value.maxAge))
                #expect(value.mode == .none || !value.mx.isEmpty)
            }
            _ = PolicyParser.parse(text)

            for result in [STSRecordParser.parseRecord(text), STSRecordParser.parse(rrset: [TXTRecord(strings: [left, right])])] {
                if let value = result.value { #expect(STSRecordParser.isValidID(value.id)) }
            }
            for result in [TLSRPTRecordParser.parseRecord(text), TLSRPTRecordParser.parse(rrset: [TXTRecord(text), TXTRecord(left)])] {
                if let value = result.value { #expect(!value.rua.isEmpty) }
            }
            if let record = try? TXTPresentationFormat.parse(text), text.trimmingWhitespace.hasPrefix("\"") {
                // At most 255 bytes each, every byte at worst one U+FFFD (3 bytes of UTF-8).
                #expect(record.strings.allSatisfy { $0.utf8.count <= 255 * 3 })
            }
            _ = MXPattern.problems(text)
            _ = MXPattern.problems(left)
            _ = MXMatcher.matches(pattern: left, host: right)
            _ = MXMatcher.matches(pattern: "*." + left, host: right)
            _ = MXMatcher.deeperWildcard(in: [left, "*." + right], host: text)
            _ = CertificateNameMatcher.matches(dnsName: left, host: right)
            _ = HostName.aLabels(text)
            _ = HostName.matchingForm(text)
        }
    }

    /// RFC 8461 §4.1 written out plainly: labels compared case-insensitively after dropping one
    /// trailing dot; `*` as the whole first label of a pattern stands for exactly one non-empty
    /// label.
    static func reference(pattern: String, host: String) -> Bool {
        func labels(_ name: String) -> [String] {
            let trimmed = name.hasSuffix(".") ? String(name.dropLast()) : name
            return trimmed.split(separator: ".", omittingEmptySubsequences: false).map { $0.lowercased() }
        }
        let p = labels(pattern), h = labels(host)
        if p.count >= 2, p[0] == "*" {
            return h.count == p.count && !h[0].isEmpty && h.dropFirst().elementsEqual(p.dropFirst())
        }
        return p == h && !p.allSatisfy(\.isEmpty)
    }

    /// The wildcard a naive checker would accept: `*.suffix` with the host more than one label deeper.
    static func referenceDeeper(pattern: String, host: String) -> Bool {
        let p = pattern.lowercased().split(separator: ".").map(String.init)
        let h = host.lowercased().split(separator: ".").map(String.init)
        guard p.count >= 2, p[0] == "*" else { return false }
        return h.count > p.count && h.suffix(p.count - 1).elementsEqual(p.dropFirst())
    }

    @Test("(5) MXMatcher agrees with a plain reference implementation")
    func matcherAgreesWithReference() async {
        let pool = ["a", "mx", "Mail", "b-1", "example", "EXAMPLE", "com", "net"]
        let name = Generator<String, Shrink.None<String>> { rng in
            (0..<Int.random(in: 1...4, using: &rng)).map { _ in pool.randomElement(using: &rng)! }.joined(separator: ".")
                + (Int.random(in: 0..<4, using: &rng) == 0 ? "." : "")
        }
        let patterns = Gen.oneOf(name, name.map { "*." + $0 }).array(of: 1...5)
        await propertyCheck(count: 3_000, input: name, patterns) { host, patterns in
            for pattern in patterns {
                #expect(MXMatcher.matches(pattern: pattern, host: host) == Self.reference(pattern: pattern, host: host),
                        "pattern \(pattern), host \(host)")
            }
            #expect(MXMatcher.firstMatch(in: patterns, host: host) == patterns.first { Self.reference(pattern: $0, host: host) })
            #expect(MXMatcher.deeperWildcard(in: patterns, host: host) == patterns.first { Self.referenceDeeper(pattern: $0, host: host) },
                    "host \(host), patterns \(patterns)")
        }
    }
}

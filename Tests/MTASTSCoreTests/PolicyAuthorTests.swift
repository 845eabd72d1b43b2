import Foundation
import Testing
@testable import MTASTSCore

/// What `mtasts policy new` proposes must be exactly what the parsers accept (RFC 8461 §3.1,
/// §3.2), with no finding at all.
@Suite("Policy author")
struct PolicyAuthorTests {
    static let mx = [
        MXRecord(preference: 20, exchange: "MX2.Example.com."),
        MXRecord(preference: 10, exchange: "mx1.example.com."),
        MXRecord(preference: 30, exchange: "mx2.example.com"),
    ]

    @Test("the proposed policy and record parse back with zero findings", arguments: STSMode.allCases)
    func roundTrip(_ mode: STSMode) throws {
        let proposal = PolicyAuthor.propose(domain: "Example.COM.", mx: Self.mx, mode: mode, id: "20250615120000abcd")
        #expect(proposal.findings.isEmpty)
        let parsed = PolicyParser.parse(proposal.policyText)
        #expect(parsed.findings.isEmpty, "\(parsed.findings.summary)")
        #expect(try #require(parsed.value) == proposal.policy)
        let record = STSRecordParser.parse(rrset: [TXTRecord(proposal.record.text)])
        #expect(record.findings.isEmpty, "\(record.findings.summary)")
        #expect(try #require(record.value).id == "20250615120000abcd")
    }

    @Test("MX hosts are listed exactly: lower case, no trailing dot, by preference, once")
    func hosts() {
        let proposal = PolicyAuthor.propose(mx: Self.mx, mode: .testing, id: "1")
        #expect(proposal.policy.mx == ["mx1.example.com", "mx2.example.com"])
        #expect(PolicyCoverageRule.coverage(patterns: proposal.policy.mx, mxHosts: ["mx1.example.com", "mx2.example.com"]).isEmpty)
    }

    @Test("the policy file uses CRLF on every line, including the last")
    func crlf() {
        let text = PolicyAuthor.propose(mx: Self.mx, mode: .enforce, id: "1").policyText
        #expect(text == "version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmx: mx2.example.com\r\nmax_age: 1209600\r\n")
        let bytes = Array(text.utf8)
        let lineFeeds = bytes.indices.filter { bytes[$0] == 0x0A }
        #expect(lineFeeds.count == 5)
        #expect(lineFeeds.allSatisfy { $0 > 0 && bytes[$0 - 1] == 0x0D })
        #expect(bytes.filter { $0 == 0x0D }.count == lineFeeds.count, "no bare CR")
        #expect(bytes.last == 0x0A)
    }

    @Test("max_age defaults by mode", arguments: [(STSMode.testing, 86_400), (.enforce, 1_209_600), (.none, 86_400)])
    func defaultMaxAge(_ mode: STSMode, _ expected: Int) {
        #expect(PolicyAuthor.defaultMaxAge(for: mode) == expected)
        #expect(PolicyAuthor.propose(mx: Self.mx, mode: mode, id: "1").policy.maxAge == expected)
    }

    @Test("an explicit max_age is used")
    func explicitMaxAge() {
        #expect(PolicyAuthor.propose(mx: Self.mx, mode: .enforce, maxAge: 604_800, id: "1").policy.maxAge == 604_800)
    }

    @Test("the enforce default is at least a week, so it never triggers policy.max-age-short")
    func enforceDefaultNotShort() {
        #expect(PolicyAuthor.enforceMaxAge >= 604_800)
        #expect(PolicyAuthor.enforceMaxAge <= STSPolicy.maxAgeLimit)
    }

    @Test("URL and zone line for a known domain; the zone line's TXT data parses")
    func publication() throws {
        let proposal = PolicyAuthor.propose(domain: "Example.COM.", mx: Self.mx, mode: .testing, id: "abc123")
        #expect(proposal.domain == "example.com")
        #expect(proposal.policyURL == "https://mta-sts.example.com/.well-known/mta-sts.txt")
        let zoneLine = try #require(proposal.zoneLine)
        #expect(zoneLine == #"_mta-sts.example.com. 3600 IN TXT "v=STSv1; id=abc123;""#)
        let data = try #require(zoneLine.range(of: "TXT ")).upperBound
        let txt = try TXTPresentationFormat.parse(String(zoneLine[data...]))
        #expect(try #require(STSRecordParser.parse(rrset: [txt]).value).id == "abc123")
    }

    @Test("no domain: no URL and no zone line")
    func noDomain() {
        let proposal = PolicyAuthor.propose(mx: Self.mx, mode: .testing, id: "1")
        #expect(proposal.domain == nil)
        #expect(proposal.policyURL == nil)
        #expect(proposal.zoneLine == nil)
    }

    @Test("a null MX is reported; with no host left, testing has policy.mx-missing, none does not")
    func nullMX() {
        let null = [MXRecord(preference: 0, exchange: ".")]
        let testing = PolicyAuthor.propose(domain: "example.com", mx: null, mode: .testing, id: "1")
        #expect(testing.findings.codes == [.mxNull, .policyMxMissing])
        let none = PolicyAuthor.propose(domain: "example.com", mx: null, mode: .none, id: "1")
        #expect(none.findings.codes == [.mxNull])
        #expect(PolicyParser.parse(none.policyText).isValid)
    }

    @Test("an MX host that is not a valid pattern is policy.mx-invalid")
    func invalidHost() {
        let proposal = PolicyAuthor.propose(mx: [MXRecord(preference: 10, exchange: "mx_1.example.com.")], mode: .testing, id: "1")
        #expect(proposal.findings.codes == [.policyMxInvalid])
        #expect(proposal.findings.first?.subject == "mx_1.example.com")
    }
}

/// RFC 8461 §3.1: `id` is 1–32 letters or digits. The generated form is the UTC time to the
/// second (14 digits) plus four random base-36 characters.
@Suite("Policy id")
struct PolicyIDTests {
    @Test("format: 14 digits of UTC time plus 4 base-36 characters, a valid sts-id")
    func format() {
        var generator = SplitMix64(seed: 42)
        let id = PolicyID.make(at: Fixture.now, using: &generator)
        #expect(id.count == 18)
        #expect(id.count <= 32)
        #expect(id.hasPrefix("20250615120000"))
        #expect(id.dropFirst(14).allSatisfy { $0.isASCII && ($0.isNumber || $0.isLowercase) })
        #expect(STSRecordParser.isValidID(id))
    }

    @Test("the time part is UTC whatever the local zone", arguments: [
        (Date(timeIntervalSince1970: 0), "19700101000000"),
        (Date(timeIntervalSince1970: 951_782_400), "20000229000000"),
        (Date(timeIntervalSince1970: 4_102_444_799), "20991231235959"),
    ])
    func utcStamp(_ date: Date, _ stamp: String) {
        var generator = SplitMix64(seed: 1)
        #expect(PolicyID.make(at: date, using: &generator).hasPrefix(stamp))
    }

    @Test("deterministic with a seeded generator; different seeds give different suffixes")
    func deterministic() {
        var a = SplitMix64(seed: 7)
        var b = SplitMix64(seed: 7)
        #expect(PolicyID.make(at: Fixture.now, using: &a) == PolicyID.make(at: Fixture.now, using: &b))
        var suffixes: Set<String> = []
        for seed in 0..<50 as Range<UInt64> {
            var generator = SplitMix64(seed: seed)
            suffixes.insert(String(PolicyID.make(at: Fixture.now, using: &generator).suffix(4)))
        }
        #expect(suffixes.count > 40)
    }

    @Test("ids made later sort later")
    func sortsByTime() {
        var generator = SplitMix64(seed: 3)
        let early = PolicyID.make(at: Fixture.now, using: &generator)
        let late = PolicyID.make(at: Fixture.now + 1, using: &generator)
        #expect(early < late)
    }

    @Test("the system-random variant is valid too")
    func systemRandom() {
        #expect(STSRecordParser.isValidID(PolicyID.make()))
    }
}

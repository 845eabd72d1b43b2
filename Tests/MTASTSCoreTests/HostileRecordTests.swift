import Foundation
import Testing
@testable import MTASTSCore

/// Issue 11, hostile input: a 60 KB record or policy made of repeats must give a report of
/// bounded size (before the fix: one finding per repeat, each quoting the whole record, so
/// 724 MB of JSON for one 60 KB record).
@Suite("Hostile records and policies: bounded findings")
struct HostileRecordTests {
    /// `v=STSv1; id=1; ` then `id=2; x=1; x=2; ` … up to about 60 KB.
    static let record: String = {
        var text = "v=STSv1; id=20240101; "
        while text.utf8.count < 60_000 { text += "id=20240102; x=1; x=2; " }
        return text
    }()

    static func jsonSize(_ findings: [Finding]) throws -> Int {
        try JSONEncoder().encode(findings).count
    }

    @Test("a 60 KB _mta-sts record of repeated fields: one finding per repeated name, with its count, bounded evidence")
    func stsRecordRepeats() throws {
        let observation = Fixture.observation(sts: [Self.record])
        let report = Evaluator.evaluate(observation, at: Fixture.now)
        let duplicates = report.findings.with(.stsRecordDuplicateField)
        #expect(duplicates.count == 2, "\(duplicates.map(\.message))")
        let repeats = (Self.record.utf8.count - 22) / 23  // the `id=…; x=1; x=2; ` groups
        #expect(duplicates.contains { $0.message.contains("`id=` appears \(repeats + 1) times") && $0.severity == .error })
        #expect(duplicates.contains { $0.message.contains("`x=` appears \(2 * repeats) times") })
        #expect(report.findings.allSatisfy { $0.evidence.utf8.count <= Evidence.findingLimit })
        #expect(duplicates.allSatisfy { $0.evidence.hasSuffix("more bytes") })
        #expect(try Self.jsonSize(report.findings) < 64 * 1024, "the findings of a 60 KB record stay small")
    }

    @Test("a 60 KB record of 30,000 pieces outside the grammar: folded after the first few")
    func stsRecordSyntaxFlood() throws {
        let text = "v=STSv1; id=1; " + String(repeating: "a;", count: 30_000)
        let result = STSRecordParser.parseRecord(text)
        let invalid = result.findings.with(.stsRecordInvalid)
        #expect(invalid.count == RepeatedFindings.keep + 1)
        #expect(invalid.last?.message.hasPrefix("\(30_000 - RepeatedFindings.keep) more findings") == true, "\(invalid.last?.message ?? "")")
        #expect(invalid.last?.severity == .error)
        #expect(try Self.jsonSize(result.findings) < 32 * 1024)
    }

    @Test("a 60 KB _smtp._tls record of repeats and bad URIs: bounded")
    func tlsrptRecordRepeats() throws {
        let text = "v=TLSRPTv1; rua=mailto:a@example.com" + String(repeating: ",nope", count: 6_000) + ";"
            + String(repeating: " rua=mailto:b@example.com;", count: 1_000)
        let result = TLSRPTRecordParser.parseRecord(text)
        let invalid = result.findings.with(.tlsrptRecordInvalid)
        #expect(invalid.count == RepeatedFindings.keep + 2, "the URI problems folded, then the repeat")
        #expect(invalid.contains { $0.message.contains("appears 1001 times") })
        #expect(result.findings.allSatisfy { $0.evidence.utf8.count <= Evidence.findingLimit })
        #expect(try Self.jsonSize(result.findings) < 32 * 1024)
    }

    @Test("a 64 KB policy of repeated lines: one finding per repeated field, blank lines folded")
    func policyRepeats() throws {
        var body = "version: STSv1\nmode: testing\nmx: a.example.com\nmax_age: 86400\n"
        while body.utf8.count < 60_000 { body += "mode: enforce\n\nmx: a.example.com\n" }
        let result = PolicyParser.parse(body)
        let duplicates = result.findings.with(.policyDuplicateField)
        let mode = try #require(duplicates.first { $0.message.hasPrefix("`mode`") })
        #expect(mode.severity == .error)
        #expect(mode.subject == "line 5")
        #expect(duplicates.count <= RepeatedFindings.keep + 2)
        #expect(result.findings.with(.policySyntax).count == RepeatedFindings.keep + 1)
        #expect(try Self.jsonSize(result.findings) < 32 * 1024)
    }

    @Test("a policy line of 60 KB: the evidence is an excerpt")
    func policyLongLine() throws {
        let body = "version: STSv1\nmode: testing\nmx: a.example.com\nmax_age: 86400\nnote: " + String(repeating: "x", count: 60_000) + "\n"
        let result = PolicyParser.parse(body)
        let note = try #require(result.findings.with(.policyUnknownField).first)
        #expect(note.evidence.utf8.count < 400)
        #expect(note.evidence.hasSuffix("more bytes"))
    }

    @Test("Evidence.excerpt keeps short text, cuts long text on a scalar boundary and counts the rest")
    func excerpt() {
        #expect(Evidence.excerpt("short") == "short")
        let long = String(repeating: "é", count: 200)  // 400 bytes
        let cut = Evidence.excerpt(long, limit: 11)
        #expect(cut == String(repeating: "é", count: 5) + "… 390 more bytes")
        var finding = Finding(code: .stsRecordInvalid, subject: "s", message: "m", evidence: String(repeating: "z", count: 10_000))
        #expect(finding.evidence.utf8.count < Evidence.findingLimit + 40)
        finding.evidence = String(repeating: "y", count: 10_000)
        #expect(finding.evidence.hasSuffix("more bytes"), "a changed evidence is capped too")
    }
}

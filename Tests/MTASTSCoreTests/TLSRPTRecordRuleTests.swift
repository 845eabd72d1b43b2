import Testing
@testable import MTASTSCore

/// RFC 8460 §3: senders that cannot use the `_smtp._tls` record "MUST assume the recipient
/// domain does not implement TLSRPT". TLS-RPT never changes delivery, so an invalid record has
/// the effect of a missing one: warnings, never a blocker for `enforce`.
@Suite("TLS-RPT record rule (RFC 8460 §3)")
struct TLSRPTRecordRuleTests {
    @Test("an invalid or duplicated record is a warning, like a missing one, and does not block enforce", arguments: [
        ["v=TLSRPTv1;"],
        ["v=TLSRPTv1"],
        ["v=TLSRPTv1; rua=<mailto:tlsrpt@example.com>"],
        ["v=TLSRPTv1; rua= mailto:tlsrpt@example.com"],
        ["v=TLSRPTv1; rua=ftp://r.example.com/x"],
        ["v=TLSRPTv1; rua=mailto:tlsrpt@example.com; x y"],
        ["v=TLSRPTv1; rua=mailto:a@example.com", "v=TLSRPTv1; rua=mailto:b@example.com"],
    ])
    func invalidIsLikeMissing(_ records: [String]) {
        let missing = Evaluator.evaluate(Fixture.observation(tlsrpt: []))
        let invalid = Evaluator.evaluate(Fixture.observation(tlsrpt: records))
        let tlsrpt = invalid.findings.filter { $0.code.area == "tlsrpt-record" }
        #expect(!tlsrpt.isEmpty)
        #expect(tlsrpt.allSatisfy { $0.severity == .warning }, "\(tlsrpt.summary)")
        #expect(invalid.tlsrptRecord == nil)
        #expect(invalid.enforceReady == missing.enforceReady)
        #expect(invalid.enforceReady, "\(invalid.findings.summary)")
        #expect(invalid.liveStage == missing.liveStage)
        #expect(invalid.errors.isEmpty, "\(invalid.errors.summary)")
    }

    @Test("the catalog agrees: every tlsrpt-record code is at most a warning")
    func catalogSeverities() {
        let entries = FindingCatalog.all.filter { $0.code.area == "tlsrpt-record" }
        #expect(entries.count == 5)
        #expect(entries.allSatisfy { $0.severity <= .warning })
        #expect(FindingCatalog.entry(for: .tlsrptRecordInvalid)?.severity == FindingCatalog.entry(for: .tlsrptRecordMissing)?.severity)
        #expect(FindingCatalog.entry(for: .tlsrptRecordMultiple)?.severity == .warning)
    }
}

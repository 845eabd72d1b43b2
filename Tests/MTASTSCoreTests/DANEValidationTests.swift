import Foundation
import Testing
@testable import MTASTSCore

@Suite("DANE for SMTP: each MX host as a DANE-validating sender sees it (RFC 7672)")
struct DANEValidationTests {
    static let spki = String(repeating: "ab", count: 32)
    static let next = String(repeating: "cd", count: 32)

    static func host(_ tlsa: DNSLookup<String>?, secureAddresses: Bool = true, spki: String = spki) -> MXHostObservation {
        var host = Fixture.mxHost("mx1.example.com", index: 1)
        host.ipv4.authenticated = secureAddresses
        host.probes[0].tls?.chain[0].spkiSHA256 = spki
        host.tlsa = tlsa
        return host
    }

    static func report(_ host: MXHostObservation, mxSecure: Bool = true) -> DomainReport {
        var o = Fixture.observation(mx: ["mx1.example.com"], fetch: Fixture.fetch(body: Fixture.policyText(mode: .testing, mx: ["mx1.example.com"])),
                                    probedHosts: [host])
        o.mx.authenticated = mxSecure
        return Evaluator.evaluate(o, at: Fixture.now)
    }

    @Test("DANE-EE 3 1 1 matching the presented key: validated; current + next is rollover-safe")
    func validated() {
        let report = Self.report(Self.host(.answer(["3 1 1 \(Self.spki)", "3 1 1 \(Self.next)"], authenticated: true)))
        #expect(report.dane.first?.state == .validated)
        #expect(report.dane.first?.addresses.first?.matched?.usage == 3)
        #expect(!report.findings.contains { $0.code.area == "dane" })
    }

    @Test("one key only: validated but dane.single-key warns that the next renewal breaks it")
    func singleKey() {
        let report = Self.report(Self.host(.answer(["3 1 1 \(Self.spki)"], authenticated: true)))
        #expect(report.dane.first?.state == .validated)
        #expect(report.findings.with(.daneSingleKey).map(\.severity) == [.warning])
    }

    @Test("no usable record matches: dane.mismatch, an error; for the enforce move a warning, not a blocker (RFC 8461 §2)")
    func mismatch() {
        let report = Self.report(Self.host(.answer(["3 1 1 \(Self.next)"], authenticated: true)))
        #expect(report.dane.first?.state == .mismatch)
        #expect(report.findings.with(.daneMismatch).map(\.severity) == [.error])
        #expect(!report.enforceBlockers.contains(.daneMismatch))
        #expect(report.enforceWarnings.contains(.daneMismatch))
    }

    @Test("SERVFAIL on TLSA in a signed zone: indeterminate, an error; usages 0 and 1 only: unusable, a warning")
    func indeterminateAndUnusable() {
        #expect(Self.report(Self.host(DNSLookup(status: .servfail))).findings.with(.daneTLSAIndeterminate).map(\.severity) == [.error])
        let unusable = Self.report(Self.host(.answer(["1 1 1 \(Self.spki)", "0 0 1 \(Self.spki)"], authenticated: true)))
        #expect(unusable.dane.first?.state == .unusable)
        #expect(unusable.findings.with(.daneUnusableOnly).map(\.severity) == [.warning])
    }

    @Test("DANE does not apply without a secure MX RRset or secure addresses; insecure TLSA is only a note")
    func applicability() {
        #expect(Self.report(Self.host(.answer(["3 1 1 \(Self.next)"], authenticated: true)), mxSecure: false).dane.first?.state == .notApplicable)
        #expect(Self.report(Self.host(.answer(["3 1 1 \(Self.next)"], authenticated: true), secureAddresses: false)).dane.first?.state == .notApplicable)
        let insecure = Self.report(Self.host(.answer(["3 1 1 \(Self.next)"], authenticated: false)))
        #expect(insecure.dane.first?.state == .insecure)
        #expect(insecure.findings.with(.daneInsecureTLSA).map(\.severity) == [.info])
        #expect(Self.report(Self.host(DNSLookup(status: .nxdomain, authenticated: true))).dane.first?.state == DANEHostStatus.State.none)
    }

    @Test("3 0 1 pins the whole certificate; the digest of nothing matches nothing")
    func operational() {
        var host = Self.host(.answer(["3 0 1 \(Self.spki)", "3 1 1 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"], authenticated: true))
        host.probes[0].tls?.chain[0].sha256 = Self.spki
        let report = Self.report(host)
        #expect(report.dane.first?.state == .validated)
        #expect(report.findings.contains(.daneFullCertificate))
        #expect(report.findings.contains(.daneEmptyDigest))
    }

    @Test("TLSA presentation: parsed, usability per RFC 7672 §3.1.3")
    func records() throws {
        let record = try #require(TLSARecord(presentation: "3 1 1 AB\(String(repeating: "ab", count: 31))"))
        #expect(record.isUsableForSMTP)
        #expect(record.usageName == "DANE-EE")
        #expect(TLSARecord(presentation: "3 1 1 xyz") == nil)
        #expect(TLSARecord(presentation: "1 1 1 \(Self.spki)")?.isUsableForSMTP == false)
        #expect(TLSARecord(presentation: "3 1 1 abcd")?.isUsableForSMTP == false, "a SHA-256 needs 32 bytes")
    }
}

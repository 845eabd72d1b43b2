import Foundation
import Testing
@testable import MTASTSCore

@Suite("The run's vantage gate: results are released once port 25 cannot be blamed")
struct RunVantageGateTests {
    static let refused = ProbeFailure(stage: .connect, kind: .timeout, message: "timed out")

    static func unreachable(_ domain: String, index: Int) -> Observation {
        var o = Fixture.observation(domain: domain, mx: ["mx\(index).example.net"], probedHosts: [Fixture.mxHost("mx\(index).example.net", index: index, starttls: nil, failure: refused)])
        o.mxHosts[0].probes[0].tls = nil
        return o
    }

    @Test("held until an MX accepts a connection, then released at once with a vantage that blames no one")
    func healthy() {
        var gate = RunVantageGate()
        #expect(gate.add(Self.unreachable("a.example", index: 1)).isEmpty, "one unreachable MX proves nothing yet")
        let released = gate.add(Fixture.observation(domain: "b.example"))
        #expect(released.map(\.domain) == ["a.example", "b.example"])
        #expect(released.allSatisfy { $0.vantage?.smtpLooksBlocked == false })
        #expect(Evaluator.evaluate(released[0], at: Fixture.now).findings.contains(.mxUnreachable), "the domain's own MX is down")
        #expect(gate.add(Self.unreachable("c.example", index: 3)).map(\.domain) == ["c.example"], "after a connection nothing waits")
        #expect(gate.finish().isEmpty)
    }

    @Test("nothing ever connects: released at the end with the whole run's vantage, port 25 blamed")
    func blocked() {
        var gate = RunVantageGate()
        #expect(gate.add(Self.unreachable("a.example", index: 1)).isEmpty)
        #expect(gate.add(Self.unreachable("b.example", index: 2)).isEmpty)
        let released = gate.finish()
        #expect(released.count == 2)
        #expect(released.allSatisfy { $0.vantage?.smtpLooksBlocked == true })
        #expect(released.allSatisfy { Evaluator.evaluate($0, at: Fixture.now).findings.contains(.checkSMTPBlocked) })
    }

    @Test("a domain without MX probes does not wait; the hold is bounded")
    func bounded() {
        var gate = RunVantageGate(holdLimit: 3)
        let noMX = Observation(domain: "gone.example", observedAt: Fixture.now, mx: DNSLookup(status: .nxdomain),
                               stsTXT: DNSLookup(status: .nxdomain), tlsrptTXT: DNSLookup(status: .nxdomain))
        #expect(gate.add(noMX).count == 1)
        #expect(gate.add(Self.unreachable("a.example", index: 1)).isEmpty)
        #expect(gate.add(Self.unreachable("b.example", index: 2)).isEmpty)
        #expect(gate.add(Self.unreachable("c.example", index: 3)).count == 3, "released at the hold limit")
    }
}

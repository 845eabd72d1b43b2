import Foundation
import Testing
@testable import MTASTSCore

/// Observations are recorded as JSON (ISO 8601 dates, sorted keys) and replayed: the round trip
/// must be exact, and the policy body is written as text when it is UTF-8, as base64 otherwise.
@Suite("Observation JSON coding")
struct ObservationCodingTests {
    static func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
        try JSONCoding.decoder().decode(T.self, from: JSONCoding.encoder().encode(value))
    }

    static func json(_ value: some Encodable) throws -> [String: Any] {
        let data = try JSONCoding.encoder(pretty: false).encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("a full observation round-trips exactly")
    func fullRoundTrip() throws {
        var observation = Fixture.observation()
        observation.mxHosts[0].probes.append(Fixture.smtp(
            address: "2001:db8::25", starttls: nil, tls: nil,
            failure: ProbeFailure(stage: .connect, kind: .unreachable, message: "no route")))
        observation.stsTXT = .answer([TXTRecord(strings: ["v=STSv1; ", "id=1;"])], ttl: 3600, authenticated: true)
        observation.policyFetch?.tls?.chain[0].der = Data([0x30, 0x82, 0x01, 0x00, 0xFF])
        observation.policyFetch?.tls?.chain[0].sha256 = String(repeating: "ab", count: 32)
        #expect(try Self.roundTrip(observation) == observation)
    }

    @Test("a UTF-8 body is written as text")
    func bodyAsText() throws {
        let fetch = Fixture.fetch(body: "version: STSv1\r\nmode: testing\r\n")
        let object = try Self.json(fetch)
        #expect(object["bodyEncoding"] as? String == "utf8")
        #expect(object["body"] as? String == "version: STSv1\r\nmode: testing\r\n")
        #expect(try Self.roundTrip(fetch) == fetch)
    }

    @Test("a body that is not UTF-8 is written as base64", arguments: [
        [0xFF, 0xFE, 0x00],
        [0xEF, 0xBB, 0xBF, 0x76, 0xC3],
        [0x76, 0x65, 0x72, 0x0D, 0x80],
    ] as [[UInt8]])
    func bodyAsBase64(_ bytes: [UInt8]) throws {
        var fetch = Fixture.fetch()
        fetch.body = bytes
        let object = try Self.json(fetch)
        #expect(object["bodyEncoding"] as? String == "base64")
        #expect(object["body"] as? String == Data(bytes).base64EncodedString())
        #expect(try Self.roundTrip(fetch).body == bytes)
    }

    @Test("a BOM, CR and NUL are still UTF-8 and survive as text")
    func oddButValidUTF8() throws {
        var fetch = Fixture.fetch()
        fetch.body = [0xEF, 0xBB, 0xBF] + Array("a\rb\u{0}c\n".utf8)
        #expect(try Self.json(fetch)["bodyEncoding"] as? String == "utf8")
        #expect(try Self.roundTrip(fetch).body == fetch.body)
    }

    @Test("an empty body and a missing body stay apart")
    func emptyVersusMissing() throws {
        var fetch = Fixture.fetch()
        fetch.body = []
        #expect(try Self.roundTrip(fetch).body == [])
        fetch.body = nil
        #expect(try Self.roundTrip(fetch).body == nil)
        #expect(try Self.json(fetch)["body"] == nil)
    }

    @Test("a handwritten base64 body decodes")
    func handwrittenBase64() throws {
        let json = #"{"url":"https://mta-sts.example.com/.well-known/mta-sts.txt","status":200,"body":"/w==","bodyEncoding":"base64"}"#
        let fetch = try JSONCoding.decoder().decode(PolicyFetch.self, from: Data(json.utf8))
        #expect(fetch.body == [0xFF])
        #expect(fetch.headers == [])
        #expect(fetch.bodyTruncated == false)
    }

    @Test("a body without bodyEncoding is text")
    func defaultEncoding() throws {
        let json = #"{"url":"u","body":"mode: none"}"#
        #expect(try JSONCoding.decoder().decode(PolicyFetch.self, from: Data(json.utf8)).body == Array("mode: none".utf8))
    }

    @Test("bad base64 or an unknown encoding is a decoding error", arguments: [
        #"{"url":"u","body":"not base64!","bodyEncoding":"base64"}"#,
        #"{"url":"u","body":"x","bodyEncoding":"rot13"}"#,
    ])
    func badBody(_ json: String) {
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(PolicyFetch.self, from: Data(json.utf8))
        }
    }

    @Test("a minimal observation decodes with defaults for the optional members")
    func minimal() throws {
        let json = #"""
        {"domain":"example.com","observedAt":"2025-06-15T12:00:00Z",
         "mx":{"status":"nodata"},"stsTXT":{"status":"nxdomain"},"tlsrptTXT":{"status":"servfail","message":"timeout"}}
        """#
        let observation = try JSONCoding.decoder().decode(Observation.self, from: Data(json.utf8))
        #expect(observation.observedAt == Fixture.now)
        #expect(observation.mx.records == [])
        #expect(observation.mx.cnames == [])
        #expect(observation.mxHosts == [])
        #expect(observation.policyFetch == nil)
        #expect(observation.tlsrptTXT.summary == "SERVFAIL: timeout")
        let report = Evaluator.evaluate(observation)
        #expect(report.liveStage == .none)
        #expect(Set(report.findings.codes) == [.mxNone, .stsRecordMissing, .tlsrptRecordLookupFailed])
    }

    @Test("dates are ISO 8601 and keys are sorted")
    func format() throws {
        let data = try JSONCoding.encoder(pretty: false).encode(Fixture.observation(fetch: nil, probedHosts: []))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""observedAt":"2025-06-15T12:00:00Z""#))
        #expect(text.hasPrefix(#"{"domain":"example.com","mx":"#))
    }

    @Test("finding codes encode as plain strings")
    func findingCode() throws {
        let finding = Finding(code: .policyMxUncovered, subject: "mx1.example.com", message: "m")
        let text = String(decoding: try JSONCoding.encoder(pretty: false).encode(finding), as: UTF8.self)
        #expect(text.contains(#""code":"policy.mx-uncovered""#))
        #expect(try Self.roundTrip(finding) == finding)
    }
}

import Foundation
import MTASTSCore

/// Recorded observations for `mtasts demo`: a dozen domains in every stage with the faults
/// operators meet most, built relative to `now` so certificate ages look real. No network.
public enum DemoWorld {
    public static func observations(now: Date) -> [Observation] {
        let b = Builder(now: now)
        return [
            b.domain("example.org", stage: "enforce", mx: ["mx1.example.org", "mx2.example.org"]),
            b.domain("example.net", stage: "testing", mx: ["mx.hosted-mail.example"]),
            b.domain("example.com", stage: "testing", mx: ["mx1.example.com", "mx2.example.com"],
                     policyMX: ["mx1.example.com"]),
            b.domain("shop.example", stage: "enforce", mx: ["mx.hosted-mail.example"], mxCertDays: ["mx.hosted-mail.example": 9]),
            b.domain("old.example", stage: "testing", mx: ["mail.old.example"], mxCertDays: ["mail.old.example": -3]),
            b.domain("nostarttls.example", stage: "testing", mx: ["smtp.nostarttls.example"], noStartTLS: ["smtp.nostarttls.example"]),
            b.domain("fresh.example", stage: "none", mx: ["mx.hosted-mail.example"]),
            b.domain("typo.example", stage: "testing", mx: ["mx1.typo.example", "mx2.typo.example"],
                     policyBody: "version: STSv1\r\nmode: testing\r\nmx: mx1.typo.example\r\nnmx: mx2.typo.example\r\nmax_age: 86400\r\n"),
            b.domain("redirect.example", stage: "testing", mx: ["mx.hosted-mail.example"], policyStatus: 301),
            b.domain("leaving.example", stage: "none-mode", mx: ["mx.hosted-mail.example"]),
            b.domain("wildcard.example", stage: "enforce", mx: ["a.b.mail.wildcard.example"],
                     policyMX: ["*.mail.wildcard.example"]),
            b.domain("nomx.example", stage: "none", mx: []),
            b.domain("html.example", stage: "testing", mx: ["mx.hosted-mail.example"], contentType: "text/html"),
            b.domain("secure.example", stage: "enforce", mx: ["mx.secure.example"], signed: true),
        ]
    }

    struct Builder {
        let now: Date

        /// FNV-1a: the same every run (Swift's `hashValue` is seeded per process).
        static func stableHash(_ text: String) -> Int {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return Int(hash % 1_000_000_007)
        }
        var observedAt: Date { now.addingTimeInterval(-300) }

        func certificate(_ host: String, days: Int, issuer: String = "CN=Demo CA R3,O=Demo Trust") -> CertificateInfo {
            CertificateInfo(
                subject: "CN=\(host)", issuer: issuer, dnsNames: [host],
                notBefore: now.addingTimeInterval(-60 * 86_400), notAfter: now.addingTimeInterval(Double(days) * 86_400 + 3600),
                keyType: "P-256", sha256: String(Self.stableHash(host), radix: 16), isSelfIssued: false)
        }

        func domain(
            _ name: String, stage: String, mx: [String], policyMX: [String]? = nil, mxCertDays: [String: Int] = [:],
            noStartTLS: Set<String> = [], policyBody: String? = nil, policyStatus: Int = 200,
            contentType: String = "text/plain", signed: Bool = false
        ) -> Observation {
            let mxRecords = mx.enumerated().map { MXRecord(preference: UInt16($0.offset * 10 + 10), exchange: $0.element + ".") }
            let mxLookup: DNSLookup<MXRecord> = mx.isEmpty
                ? DNSLookup(status: .nodata, authenticated: signed)
                : DNSLookup(status: .ok, records: mxRecords, ttl: 3600, authenticated: signed)
            let published = stage != "none"
            let mode = stage == "none-mode" ? "none" : stage
            let sts: DNSLookup<TXTRecord> = published
                ? DNSLookup(status: .ok, records: [TXTRecord("v=STSv1; id=20261101T120000;")], ttl: 300, authenticated: signed)
                : DNSLookup(status: .nxdomain, authenticated: signed)
            let tlsrpt: DNSLookup<TXTRecord> = published
                ? DNSLookup(status: .ok, records: [TXTRecord("v=TLSRPTv1; rua=mailto:tlsrpt@\(name)")], ttl: 300, authenticated: signed)
                : DNSLookup(status: .nxdomain, authenticated: signed)
            let body = policyBody
                ?? "version: STSv1\r\nmode: \(mode)\r\n" + (policyMX ?? mx).map { "mx: \($0)\r\n" }.joined()
                + "max_age: \(mode == "enforce" ? 1_209_600 : 86_400)\r\n"
            let host = "mta-sts." + name
            var fetch: PolicyFetch?
            if published {
                fetch = PolicyFetch(
                    url: "https://\(host)/.well-known/mta-sts.txt", address: "192.0.2.80", elapsedMilliseconds: 64,
                    status: policyStatus,
                    headers: policyStatus == 301
                        ? [NameValue(name: "Location", value: "https://www.\(name)/mta-sts.txt")]
                        : [NameValue(name: "Content-Type", value: contentType), NameValue(name: "Content-Length", value: "\(body.utf8.count)")],
                    body: policyStatus == 200 ? Array(body.utf8) : Array("<html>Moved</html>".utf8),
                    redirectLocation: policyStatus == 301 ? "https://www.\(name)/mta-sts.txt" : nil,
                    tls: TLSObservation(version: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256", serverName: host,
                                        chain: [certificate(host, days: 61)], trust: ChainTrust(trusted: true, anchors: ["system"])))
            }
            let hosts = mx.enumerated().map { index, mxHost in
                let address = "192.0.2.\(25 + index + Self.stableHash(mxHost) % 100)"
                let offered = !noStartTLS.contains(mxHost)
                let days = mxCertDays[mxHost] ?? 75
                let probe = SMTPProbe(
                    address: address, port: 25, elapsedMilliseconds: 180 + index * 40, banner: "220 \(mxHost) ESMTP",
                    extensions: offered ? ["PIPELINING", "SIZE", "STARTTLS", "8BITMIME"] : ["PIPELINING", "SIZE", "8BITMIME"],
                    starttlsOffered: offered,
                    tls: offered ? TLSObservation(version: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384", serverName: mxHost,
                                                  chain: [certificate(mxHost, days: days)],
                                                  trust: ChainTrust(trusted: true, anchors: ["system"])) : nil,
                    transcript: ["S: 220 \(mxHost) ESMTP", "C: EHLO mtasts-checker.invalid"])
                return MXHostObservation(
                    host: mxHost, ipv4: DNSLookup(status: .ok, records: [address], ttl: 300),
                    ipv6: DNSLookup(status: .nodata), probes: [probe],
                    tlsa: signed  // a signed zone also publishes DANE for its MX (RFC 7672)
                        ? DNSLookup(status: .ok, records: ["3 1 1 " + String(repeating: "5e", count: 32)], ttl: 300, authenticated: true)
                        : DNSLookup(status: .nxdomain))
            }
            return Observation(
                domain: name, observedAt: observedAt, resolver: "demo (recorded)", mx: mxLookup, stsTXT: sts, tlsrptTXT: tlsrpt,
                policyHost: published ? DNSLookup(status: .ok, records: ["192.0.2.80"], ttl: 300) : DNSLookup(status: .nxdomain),
                policyFetch: fetch, mxHosts: hosts)
        }
    }
}

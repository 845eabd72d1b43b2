import Foundation
import MTASTSCore
import NIOCore
import NIOPosix
import Testing
@testable import MTASTSProbe

/// The resolver against small hostile servers: every failure kind within its timeout.
@Suite("Resolver against hostile DNS servers")
struct ResolverHostileTests {
    static let group = MultiThreadedEventLoopGroup.singleton

    /// Tests that expect an answer use a generous timeout: answers come in milliseconds, but on a
    /// loaded 2-core machine a short one turns scheduling delays into false timeouts. Tests that
    /// expect a timeout pass a short one.
    func resolver(port: Int, timeout: Double = 5, attempts: Int = 1) -> DNSResolver {
        let client = DNSClient(
            servers: [DNSServerAddress(host: "127.0.0.1", port: port)],
            timeout: .milliseconds(Int64(timeout * 1000)), attempts: attempts, group: Self.group)
        return DNSResolver(client: client, label: "fake")
    }

    @Test("a silent server is a timeout after attempts × timeout, not a hang")
    func silent() async throws {
        let server = try await FakeDNSServer.start(.silent, group: Self.group)
        defer { Task { await server.stop() } }
        let start = ContinuousClock.now
        let lookup = await resolver(port: server.port, timeout: 0.3, attempts: 2).txt("_mta-sts.example.test")
        let elapsed = ContinuousClock.now - start
        #expect(lookup.status == .timeout)
        #expect(elapsed >= .milliseconds(550) && elapsed < .seconds(6), "took \(elapsed)")
    }

    @Test("garbage answers are an error with a reason, never a crash",
          arguments: [("empty", [UInt8]()), ("one byte", [0xBE]), ("40 x FF", Array(repeating: 0xFF, count: 40)),
                      ("600 zero bytes", [UInt8](repeating: 0, count: 600))])
    func garbage(label: String, bytes: [UInt8]) async throws {
        let server = try await FakeDNSServer.start(.garbage(bytes), group: Self.group)
        defer { Task { await server.stop() } }
        let lookup = await resolver(port: server.port, timeout: 0.5).mx("example.test")
        #expect([.error, .timeout].contains(lookup.status), "\(lookup)")
    }

    @Test("TC over UDP falls back to TCP and gets the whole answer")
    func truncated() async throws {
        let server = try await FakeDNSServer.start(.truncatedThenTCP { id, question in
            DNSTestEncoder.answer(id: id, question: question, [
                .txt([Array("v=STSv1; ".utf8), Array("id=123;".utf8)]),
            ])
        }, group: Self.group)
        defer { Task { await server.stop() } }
        let lookup = await resolver(port: server.port).txt("_mta-sts.example.test")
        #expect(lookup.status == .ok)
        #expect(lookup.records == [TXTRecord(strings: ["v=STSv1; ", "id=123;"])], "strings kept separate")
        #expect(lookup.ttl == 120)
    }

    @Test("an answer with a wrong id is ignored; the right one is taken")
    func wrongID() async throws {
        let server = try await FakeDNSServer.start(.wrongIDFirst { id, question in
            DNSTestEncoder.answer(id: id, question: question, [.mx(preference: 10, exchange: "mx.example.test")])
        }, group: Self.group)
        defer { Task { await server.stop() } }
        let lookup = await resolver(port: server.port).mx("example.test")
        #expect(lookup.records == [MXRecord(preference: 10, exchange: "mx.example.test")])
    }

    @Test("rcodes map to the failure kinds", arguments: [
        (DNSResponseCode.nxDomain, DNSStatus.nxdomain), (.servFail, .servfail), (.refused, .refused), (.notImp, .error),
    ])
    func rcodes(rcode: DNSResponseCode, status: DNSStatus) async throws {
        let server = try await FakeDNSServer.start(.answer { id, question in
            DNSTestEncoder.answer(id: id, question: question, rcode: rcode, [])
        }, group: Self.group)
        defer { Task { await server.stop() } }
        #expect(await resolver(port: server.port).txt("x.example.test").status == status)
    }

    @Test("NOERROR without records of the type is NODATA; AD bit is reported")
    func nodata() async throws {
        let server = try await FakeDNSServer.start(.answer { id, question in
            DNSTestEncoder.answer(id: id, question: question, ad: true, [])
        }, group: Self.group)
        defer { Task { await server.stop() } }
        let lookup = await resolver(port: server.port).ipv6("mx.example.test")
        #expect(lookup.status == .nodata)
        #expect(lookup.authenticated == true)
    }

    @Test("a closed port is refused quickly (connected UDP socket sees ICMP)")
    func refused() async throws {
        // Bind and close a socket to find a port that is certainly closed.
        let channel = try await DatagramBootstrap(group: Self.group).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress!.port!
        try await channel.close().get()
        let start = ContinuousClock.now
        let lookup = await resolver(port: port, timeout: 20).mx("example.test")
        #expect(lookup.status == .refused, "\(lookup)")
        #expect(ContinuousClock.now - start < .seconds(15), "refused at once, not after the 20 s timeout")
    }

    @Test("server addresses parse in every documented form", arguments: [
        ("127.0.0.1", "127.0.0.1", 53), ("127.0.0.1:5353", "127.0.0.1", 5353), ("::1", "::1", 53),
        ("[::1]:5353", "::1", 5353), ("[2001:db8::1]", "2001:db8::1", 53),
    ])
    func serverAddress(text: String, host: String, port: Int) throws {
        let parsed = try DNSServerAddress.parse(text)
        #expect(parsed.host == host && parsed.port == port)
    }

    @Test("bad server addresses are refused", arguments: ["", "example.com", "1.2.3.4:0", "1.2.3.4:99999", "[::1", "[::1]x"])
    func badServerAddress(text: String) {
        #expect(throws: DNSServerAddress.ParseError.self) { try DNSServerAddress.parse(text) }
    }

    @Test("resolv.conf: up to three nameservers, timeout and attempts options, comments")
    func resolvConf() {
        let conf = ResolvConf.parse("""
            # comment
            search example.com
            nameserver 127.0.0.53
            nameserver ::1 ; trailing
            nameserver 10.0.0.1
            nameserver 10.0.0.2
            options edns0 timeout:2 attempts:3 trust-ad
            """)
        #expect(conf.nameservers == ["127.0.0.53", "::1", "10.0.0.1"])
        #expect(conf.timeoutSeconds == 2 && conf.attempts == 3)
    }
}

/// The resolver against the lab's real validating resolver (unbound) and signed zone (nsd).
@Suite("Resolver against the lab", .enabled(if: Lab.isUsable))
struct ResolverLabTests {
    func resolver() throws -> DNSResolver {
        let lab = try Lab.require()
        var settings = ProbeSettings()
        settings.dnsTimeout = 2
        return DNSResolver.make(server: try DNSServerAddress.parse(lab.resolver), settings: settings,
                             group: MultiThreadedEventLoopGroup.singleton)
    }

    @Test("MX RRset with preferences and TTL, unsigned zone: AD clear")
    func mx() async throws {
        let lookup = try await resolver().mx("good.lab.test")
        #expect(lookup.status == .ok)
        #expect(Set(lookup.records.map(\.host)) == ["mx-good.lab.test", "mx-good2.lab.test"])
        #expect(lookup.authenticated == false)
        #expect(lookup.ttl != nil)
    }

    @Test("signed zone: AD set on the answer")
    func signed() async throws {
        let lookup = try await resolver().txt("_mta-sts.good.secure.test")
        #expect(lookup.status == .ok)
        #expect(lookup.authenticated == true)
        #expect(lookup.records.first?.text.hasPrefix("v=STSv1") == true)
    }

    @Test("split TXT strings come back separately")
    func split() async throws {
        let lookup = try await resolver().txt("_mta-sts.split-txt.lab.test")
        #expect(lookup.records.first?.strings.count == 2)
    }

    @Test("NXDOMAIN and NODATA are told apart")
    func nxdomainNodata() async throws {
        let r = try resolver()
        #expect(await r.ipv4("mta-sts.nohost.lab.test").status == .nxdomain)
        #expect(await r.mx("nomx.lab.test").status == .nodata)
        #expect(await r.ipv6("mx-good.lab.test").status == .nodata)
    }

    @Test("null MX is the root exchange")
    func nullMX() async throws {
        let lookup = try await resolver().mx("nullmx.lab.test")
        #expect(lookup.records.first?.isNull == true)
    }
}

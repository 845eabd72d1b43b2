#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MTASTSCore
import NIOCore
import NIOHTTP1
import NIOSSL
import Testing
@testable import MTASTSProbe

/// Fetch errors to failure kinds by their types (never their text): the cases loopback
/// cannot produce on demand.
@Suite("Policy fetch failure classification")
struct FetchFailureClassifierTests {
    func kind(_ error: any Error) -> ProbeFailure.Kind {
        FetchFailureClassifier.classify(error, stage: .handshake, settings: nil).0
    }

    @Test("errno values map to refused, reset, unreachable, timeout", arguments: [
        (ECONNREFUSED, ProbeFailure.Kind.refused), (ECONNRESET, .reset), (EPIPE, .reset), (EHOSTUNREACH, .unreachable),
        (ENETUNREACH, .unreachable), (ETIMEDOUT, .timeout), (EINVAL, .other),
    ])
    func errno(code: CInt, kind: ProbeFailure.Kind) {
        #expect(self.kind(IOError(errnoCode: code, reason: "connect")) == kind)
    }

    @Test("EOF during the TLS handshake is `closed`; other handshake failures are `tls`")
    func handshake() {
        #expect(kind(NIOSSLError.handshakeFailed(.sslError([.eofDuringHandshake]))) == .closed)
        #expect(kind(NIOSSLError.handshakeFailed(.sslError([.eofDuringAdditionalCertficiateChainValidation]))) == .closed)
        #expect(kind(NIOSSLError.handshakeFailed(.sslError([]))) == .tls)
        #expect(kind(NIOSSLError.handshakeFailed(.syscallError)) == .tls)
        #expect(kind(NIOSSLError.uncleanShutdown) == .tls)
    }

    @Test("channel and HTTP parser errors")
    func channelAndHTTP() {
        #expect(kind(ChannelError.connectTimeout(.seconds(2))) == .timeout)
        #expect(kind(ChannelError.eof) == .closed)
        #expect(kind(HTTPParserError.headerOverflow) == .tooLarge)
        #expect(kind(HTTPParserError.invalidEOFState) == .closed)
        #expect(kind(HTTPParserError.invalidStatus) == .protocolViolation)
    }
}

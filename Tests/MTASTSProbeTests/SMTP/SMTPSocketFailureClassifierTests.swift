#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MTASTSCore
import NIOCore
import NIOSSL
import Testing
@testable import MTASTSProbe

/// Socket and TLS errors to failure kinds: the cases loopback cannot produce on demand.
@Suite("SMTP socket failure classification")
struct SMTPSocketFailureClassifierTests {
    @Test("errno values map to refused, unreachable, reset, timeout", arguments: [
        (ECONNREFUSED, ProbeFailure.Kind.refused), (EHOSTUNREACH, .unreachable), (ENETUNREACH, .unreachable),
        (ECONNRESET, .reset), (EPIPE, .reset), (ETIMEDOUT, .timeout), (EINVAL, .other),
    ])
    func errno(code: CInt, kind: ProbeFailure.Kind) {
        #expect(SocketFailureClassifier.classify(IOError(errnoCode: code, reason: "connect")).kind == kind)
    }

    @Test("NIO and NIOSSL errors")
    func nioErrors() {
        let timeout = SocketFailureClassifier.classify(ChannelError.connectTimeout(.milliseconds(1500)))
        #expect(timeout.kind == .timeout)
        #expect(timeout.message == "no TCP connection within 1.5 s")
        #expect(SocketFailureClassifier.classify(ChannelError.eof).kind == .closed)
        #expect(SocketFailureClassifier.classify(NIOSSLError.uncleanShutdown).kind == .tls)
        #expect(SocketFailureClassifier.classify(NIOSSLError.handshakeFailed(.syscallError)).kind == .tls)
    }

    /// Decisions come from the error's type, never its text.
    struct Impostor: Error, CustomStringConvertible {
        var description: String { "connect: Connection refused (errno: 111) ECONNREFUSED" }
    }

    @Test("an error of another type is `other`, whatever its text says")
    func byTypeNotText() {
        let impostor = SocketFailureClassifier.classify(Impostor())
        #expect(impostor.kind == .other)
        #expect(impostor.message == Impostor().description)
        #expect(SocketFailureClassifier.classify(IOError(errnoCode: ECONNREFUSED, reason: "read")).kind == .refused)
    }

    @Test("BoringSSL's source paths are dropped from messages")
    func sourcePaths() {
        let text = "sslError([Error: 268435703 error:100000f7:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER at /work/x/tls_record.cc:127])"
        #expect(SocketFailureClassifier.withoutSourcePaths(text)
            == "sslError([Error: 268435703 error:100000f7:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER])")
        #expect(SocketFailureClassifier.withoutSourcePaths("no paths here") == "no paths here")
    }

    @Test("the SNI name drops a trailing dot and is never an IP literal (RFC 6066 §3)")
    func serverName() {
        #expect(SMTPProber.serverName(for: "mx.example.test.") == "mx.example.test")
        #expect(SMTPProber.serverName(for: "192.0.2.1") == nil)
        #expect(SMTPProber.serverName(for: "2001:db8::1") == nil)
        #expect(SMTPProber.serverName(for: ".") == nil)
    }
}

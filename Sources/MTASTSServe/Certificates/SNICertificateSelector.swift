import Foundation
import NIOCore
import NIOSSL

/// Chooses the certificate for each TLS handshake from the SNI name the client sent
/// (RFC 6066 §3), reading the current ``CertificateLibrary`` snapshot, so a renewed file is
/// used from the next handshake on. A name nothing covers fails the handshake: a wrong
/// certificate would only fail later, with a less clear error at the sender.
/// Without SNI, or with a name nothing covers (an old client, `curl https://127.0.0.1/`, a load
/// tester sending the address as SNI), the default name's certificate is used if one is
/// configured; the client then checks that name, as it would for any wrong certificate.
public struct SNICertificateSelector: Sendable {
    let library: @Sendable () -> CertificateLibrary
    let defaultHost: String?

    public init(defaultHost: String?, library: @escaping @Sendable () -> CertificateLibrary) {
        self.library = library
        self.defaultHost = defaultHost
    }

    public var callback: NIOSSLContextCallback {
        { [library, defaultHost] values, promise in
            let library = library()
            let now = Date()
            guard let certificate = values.serverHostname.flatMap({ library.certificate(for: $0, at: now) })
                ?? defaultHost.flatMap({ library.certificate(for: $0, at: now) })
            else {
                promise.fail(NoCertificateForName(host: values.serverHostname))
                return
            }
            var change = NIOSSLContextConfigurationOverride()
            change.certificateChain = certificate.chain.map { .certificate($0) }
            change.privateKey = .privateKey(certificate.key)
            promise.succeed(change)
        }
    }
}

/// The handshake's name is not covered by any loaded certificate.
struct NoCertificateForName: Error, CustomStringConvertible {
    var host: String?
    var description: String { "no certificate for \(host ?? "a client without SNI")" }
}

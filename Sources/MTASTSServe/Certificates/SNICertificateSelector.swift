import Foundation
import NIOCore
import NIOSSL

/// Chooses the certificate for each TLS handshake from the SNI name the client sent
/// (RFC 6066 §3), reading the current ``CertificateLibrary`` snapshot, so a renewed file is
/// used from the next handshake on. A name nothing covers fails the handshake: a wrong
/// certificate would only fail later, with a less clear error at the sender.
/// Without SNI (an old client, `curl https://127.0.0.1/`), the default name's certificate is
/// used, if one is configured.
public struct SNICertificateSelector: Sendable {
    let library: @Sendable () -> CertificateLibrary
    let defaultHost: String?

    public init(defaultHost: String?, library: @escaping @Sendable () -> CertificateLibrary) {
        self.library = library
        self.defaultHost = defaultHost
    }

    public var callback: NIOSSLContextCallback {
        { [library, defaultHost] values, promise in
            guard let host = values.serverHostname ?? defaultHost,
                let certificate = library().certificate(for: host, at: Date())
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

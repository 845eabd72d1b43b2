import NIOConcurrencyHelpers
import NIOCore
import NIOSSL

/// Records the certificate chain the server presents and lets every handshake finish, so the
/// chain can be shown and judged afterwards (NOTES.md: `.noHostnameVerification` plus a custom
/// callback; `.none` never calls it, `.fullVerification` aborts first).
public final class PeerChainRecorder: Sendable {
    private let box = NIOLockedValueBox<[[UInt8]]>([])

    public init() {}

    /// The chain as DER, leaf first; empty until the handshake reached the certificate.
    public var chainDER: [[UInt8]] { box.withLockedValue { $0 } }

    /// The callback for `NIOSSLClientHandler(context:serverHostname:customVerificationCallbackWithMetadata:)`.
    public var callback: NIOSSLCustomVerificationCallbackWithMetadata {
        { [box] certificates, promise in
            let ders = certificates.compactMap { try? $0.toDERBytes() }
            box.withLockedValue { $0 = ders }
            promise.succeed(.certificateVerified(VerificationMetadata(nil)))
        }
    }
}

/// TLS client settings for probes.
public enum TLSClientSettings {
    /// A client context: no verification by NIOSSL (we verify with swift-certificates),
    /// `minimum` as the lowest protocol accepted.
    public static func context(minimum: TLSVersion) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = minimum
        configuration.certificateVerification = .noHostnameVerification
        // Do not hold a socket for NIOSSL's default 5 s waiting for the peer's close_notify.
        configuration.shutdownTimeout = .seconds(1)
        // Verification happens in our callback with swift-certificates: do not make NIOSSL load
        // the system store for nothing (0.3-0.8 s per context).
        configuration.trustRoots = .certificates([])
        return try NIOSSLContext(configuration: configuration)
    }

    /// `TLSv1.3`-style text for a negotiated version.
    public static func name(_ version: TLSVersion?) -> String? {
        switch version {
        case .tlsv1: "TLSv1.0"
        case .tlsv11: "TLSv1.1"
        case .tlsv12: "TLSv1.2"
        case .tlsv13: "TLSv1.3"
        case .none: nil
        @unknown default: "TLS (unknown)"
        }
    }
}

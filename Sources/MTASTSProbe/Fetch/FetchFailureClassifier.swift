import Foundation
import MTASTSCore
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Turns the errors NIO, NIOSSL and NIOHTTP1 raise into a ``ProbeFailure`` kind, so the core
/// can tell "nothing listens" from "the TLS handshake failed" from "this is not HTTP"
/// (RFC 8461 §3.3 treats all of them as a failed fetch; operators act differently on each).
enum FetchFailureClassifier {
    /// - Parameters:
    ///   - stage: where the exchange stood when the error arrived.
    ///   - context: a prefix for the message (`connecting to 192.0.2.1:443`).
    ///   - settings: for the connect timeout in messages.
    static func failure(
        for error: any Error, stage: ProbeFailure.Stage, context: String?, settings: ProbeSettings?
    ) -> ProbeFailure {
        let (kind, text) = classify(error, stage: stage, settings: settings)
        return ProbeFailure(stage: stage, kind: kind, message: context.map { "\($0): \(text)" } ?? text)
    }

    static func classify(
        _ error: any Error, stage: ProbeFailure.Stage, settings: ProbeSettings?
    ) -> (ProbeFailure.Kind, String) {
        switch error {
        case let error as PolicyFetchError:
            return (.tooLarge, error.description)
        case let error as NIOConnectionError:
            // connect(host:port:) wraps the per-address errors.
            if let first = error.connectionErrors.first {
                return classify(first.error, stage: stage, settings: settings)
            }
            return (.unreachable, "the host name did not resolve to an address")
        case let error as IOError:
            return classify(errno: error.errnoCode, text: "\(error)")
        case let error as ChannelError:
            switch error {
            case .connectTimeout(let amount):
                return (.timeout, "no TCP connection within \(PolicyFetchConversation.secondsText(Double(amount.nanoseconds) / 1e9))")
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed:
                return (.closed, "the connection was closed (\(error))")
            default:
                return (.other, "\(error)")
            }
        case let error as NIOSSLError:
            if case .handshakeFailed(let inner) = error {
                // NIOSSL reports a TCP close mid-handshake as a synthetic BoringSSL error.
                if case .sslError(let stack) = inner,
                    stack.contains(.eofDuringHandshake) || stack.contains(.eofDuringAdditionalCertficiateChainValidation)
                {
                    return (.closed, "the server closed the connection during the TLS handshake")
                }
                return (.tls, "TLS handshake failed: \(inner)")
            }
            return (.tls, "TLS error: \(error)")
        case let error as BoringSSLError:
            return (.tls, "TLS error: \(error)")
        case let error as NIOSSLExtraError:
            return (.tls, "TLS error: \(error)")
        case let error as HTTPParserError:
            switch error {
            case .headerOverflow:
                return (.tooLarge, "the response head exceeds the header size limit")
            case .invalidEOFState, .closedConnection:
                return (.closed, "the server closed the connection before the end of the response")
            default:
                // RFC 9112 §2.2: a recipient that cannot parse the message rejects it.
                return (.protocolViolation, "the answer is not HTTP/1.1 (\(error))")
            }
        case let error as ByteToMessageDecoderError:
            return (.protocolViolation, "the answer is not HTTP/1.1 (\(error))")
        default:
            return (.other, "\(error)")
        }
    }

    /// Socket errors by errno (connect and later reads/writes).
    static func classify(errno code: CInt, text: String) -> (ProbeFailure.Kind, String) {
        switch code {
        case ECONNREFUSED: (.refused, "connection refused")
        case ECONNRESET, EPIPE, ECONNABORTED: (.reset, "connection reset by the server")
        case ENETUNREACH, EHOSTUNREACH, ENETDOWN, EHOSTDOWN, EADDRNOTAVAIL: (.unreachable, "unreachable (\(text))")
        case ETIMEDOUT: (.timeout, "timed out (\(text))")
        default: (.other, text)
        }
    }
}

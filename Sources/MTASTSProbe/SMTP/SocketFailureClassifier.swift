#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import MTASTSCore
import NIOCore
import NIOPosix
import NIOSSL

/// Maps the errors NIO and NIOSSL raise to ``ProbeFailure/Kind`` with a message an operator can
/// act on: refused (nothing listens), unreachable (no route), reset, timeout, TLS.
enum SocketFailureClassifier {
    static func classify(_ error: any Error) -> (kind: ProbeFailure.Kind, message: String) {
        switch error {
        case let error as IOError:
            return classify(errno: error.errnoCode, description: "\(error)")
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first { return classify(first.error) }
            return (.other, "\(error)")
        case let error as ChannelError:
            switch error {
            case .connectTimeout(let amount):
                return (.timeout, "no TCP connection within \(seconds(amount))")
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed:
                return (.closed, "the connection was closed (\(error))")
            default:
                return (.other, "\(error)")
            }
        case let error as NIOSSLError:
            return (.tls, describe(error))
        case let error as BoringSSLError:
            return (.tls, "TLS error: " + withoutSourcePaths("\(error)"))
        default:
            return (.other, "\(error)")
        }
    }

    static func classify(errno code: CInt, description: String) -> (kind: ProbeFailure.Kind, message: String) {
        switch code {
        case ECONNREFUSED: (.refused, "connection refused (nothing listens on the port)")
        case EHOSTUNREACH, ENETUNREACH, EADDRNOTAVAIL, ENETDOWN, EHOSTDOWN:
            (.unreachable, "no route to the address (\(description))")
        case ECONNRESET, EPIPE, ECONNABORTED: (.reset, "the connection was reset (\(description))")
        case ETIMEDOUT: (.timeout, "the connection timed out (\(description))")
        default: (.other, description)
        }
    }

    static func describe(_ error: NIOSSLError) -> String {
        switch error {
        case .handshakeFailed(let inner): "TLS handshake failed: " + withoutSourcePaths("\(inner)")
        case .uncleanShutdown: "the server closed the connection without a TLS close_notify (during or after the handshake)"
        default: "TLS error: \(error)"
        }
    }

    /// BoringSSL's error stack names the C file and line of each entry
    /// (`… WRONG_VERSION_NUMBER at /path/to/tls_record.cc:127`): noise in evidence, and a path
    /// of the build machine. Drops every ` at /…` up to the next `]`, `,` or end.
    static func withoutSourcePaths(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: " at /") {
            out += rest[..<range.lowerBound]
            rest = rest[range.upperBound...].drop { $0 != "]" && $0 != "," }
        }
        return out + rest
    }

    static func seconds(_ amount: TimeAmount) -> String {
        let value = Double(amount.nanoseconds) / 1e9
        return value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

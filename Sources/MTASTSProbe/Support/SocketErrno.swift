#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOPosix

/// The errno behind a socket error, read from NIO's typed errors, never from their text.
enum SocketErrno {
    /// `IOError.errnoCode`, looking through `NIOConnectionError` (a connect by host name
    /// wraps one error per address tried; the first decides, as in the failure classifiers).
    static func code(of error: any Error) -> CInt? {
        switch error {
        case let error as IOError: error.errnoCode
        case let error as NIOConnectionError: error.connectionErrors.first.flatMap { code(of: $0.error) }
        default: nil
        }
    }

    /// Nothing listens: TCP RST on connect, or ICMP port unreachable on a connected UDP socket
    /// (Linux reports it on the next read).
    static func isConnectionRefused(_ error: any Error) -> Bool { code(of: error) == ECONNREFUSED }
}

import Hummingbird
import NIOCore

/// The request context of both listeners: Hummingbird's core storage plus the client's
/// address (the rate limiter's key and the stored report's provenance).
public struct ServeRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address as text (`127.0.0.1`, `::1`), or `unknown`.
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

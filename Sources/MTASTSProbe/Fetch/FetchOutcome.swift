import MTASTSCore

/// What one exchange produced, before the chain is verified (``PolicyFetchConversation``'s
/// result; ``PolicyFetcher`` turns it into a ``PolicyFetch``).
struct FetchOutcome: Sendable, Hashable {
    var status: Int?
    var headers: [NameValue] = []
    var body: [UInt8]?
    var bodyTruncated = false
    var redirectLocation: String?
    var handshakeCompleted = false
    /// `TLSv1.3`-style (``TLSClientSettings/name(_:)``).
    var tlsVersion: String?
    var failure: ProbeFailure?
}

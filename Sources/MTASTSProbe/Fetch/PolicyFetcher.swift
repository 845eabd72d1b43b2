import Foundation
import MTASTSCore
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Fetches `https://mta-sts.<domain>/.well-known/mta-sts.txt` the way a sending MTA does
/// (RFC 8461 §3.3) and records the exchange: status, headers, body, redirect target and the TLS
/// handshake with the presented chain. It never judges and never throws: whatever happens ends
/// up in ``PolicyFetch/failure``.
///
/// One connection gives both the chain and the body (NOTES.md: async-http-client hides the
/// chain), so this is plain NIO + NIOSSL + NIOHTTP1 (``PolicyFetchPipeline``), with a
/// ``PolicyFetchHandler`` gluing the channel to a ``PolicyFetchConversation``.
///
/// Every step has a budget (``ProbeSettings``): connect, TLS handshake, response head and each
/// gap between body reads have their own timeout, the whole exchange has `totalTimeout`, the
/// head is bounded by `maxHTTPHeadBytes` and the body by `maxPolicyBytes`. A hostile server
/// therefore produces a recorded failure, never a hang.
public struct PolicyFetcher: Sendable {
    public let group: any EventLoopGroup
    public let settings: ProbeSettings
    public let roots: TrustRoots
    /// Built once: a client context with no verification by NIOSSL (the chain is judged by
    /// ``ChainVerifier``), TLS 1.2 at least (RFC 8461 §3.3 requires "HTTPS", RFC 8996 rules out
    /// TLS 1.0 and 1.1).
    private let tlsContext: Result<NIOSSLContext, any Error>

    /// The `User-Agent` sent (RFC 9110 §10.1.5).
    public static let userAgent = "mtasts/0.1 (MTA-STS deployment checker)"
    /// The well-known path of the policy (RFC 8461 §3.3).
    public static let policyPath = "/.well-known/mta-sts.txt"

    public init(group: any EventLoopGroup, settings: ProbeSettings, roots: TrustRoots) {
        self.group = group
        self.settings = settings
        self.roots = roots
        self.tlsContext = Result { try TLSClientSettings.context(minimum: .tlsv12) }
    }

    /// GET `https://mta-sts.<domain>/.well-known/mta-sts.txt` from `address` (port
    /// `settings.httpsPort`). Never throws; failures go in ``PolicyFetch/failure``, the chain (when
    /// one was presented, even on a failed handshake) in ``PolicyFetch/tls``.
    public func fetch(domain: String, address: String) async -> PolicyFetch {
        let host = Self.policyHost(for: domain)
        var fetch = PolicyFetch(url: Self.policyURL(for: domain), address: address)
        let clock = ContinuousClock()
        let started = clock.now
        let recorder = PeerChainRecorder()
        let outcome = await exchange(host: host, address: address, recorder: recorder)
        let elapsed = clock.now - started
        fetch.elapsedMilliseconds = Int(elapsed.components.seconds * 1000
            + elapsed.components.attoseconds / 1_000_000_000_000_000)
        fetch.status = outcome.status
        fetch.headers = outcome.headers
        fetch.body = outcome.body
        fetch.bodyTruncated = outcome.bodyTruncated
        fetch.redirectLocation = outcome.redirectLocation
        fetch.failure = outcome.failure
        fetch.tls = await tlsObservation(host: host, chain: recorder.chainDER, outcome: outcome)
        return fetch
    }

    /// `mta-sts.<domain>`, lower-cased, without a trailing dot (RFC 8461 §3.3).
    public static func policyHost(for domain: String) -> String { "mta-sts." + MXMatcher.normalize(domain) }

    /// The URL senders fetch (RFC 8461 §3.3); always the default port, whatever port the probe
    /// uses.
    public static func policyURL(for domain: String) -> String { "https://" + policyHost(for: domain) + policyPath }

    /// The request (RFC 9112 §3): `GET` of the well-known path with `Host` (RFC 9110 §7.2;
    /// the port only when it is not the default 443, RFC 9110 §4.2.2), `Connection: close`
    /// (RFC 9112 §9.6: one request, then the server closes) and `Accept: text/plain`
    /// (RFC 8461 §3.2 gives the policy's media type).
    static func request(host: String, port: Int) -> HTTPRequestHead {
        let hostHeader = port == 443 ? host : "\(host):\(port)"
        return HTTPRequestHead(
            version: .http1_1, method: .GET, uri: policyPath,
            headers: HTTPHeaders([
                ("Host", hostHeader),
                ("User-Agent", userAgent),
                ("Accept", "text/plain"),
                ("Connection", "close"),
            ]))
    }

    /// Verifies the recorded chain after the exchange. The chain goes into the observation
    /// whenever the server presented one, even when the handshake or the HTTP exchange failed
    /// afterwards: the certificate rules explain many handshake failures.
    func tlsObservation(host: String, chain: [[UInt8]], outcome: FetchOutcome) async -> TLSObservation? {
        guard !chain.isEmpty || outcome.handshakeCompleted else { return nil }
        let trust: ChainTrust =
            chain.isEmpty
            ? ChainTrust(trusted: false, reason: "the server presented no certificate", anchors: roots.sources)
            : await ChainVerifier.verify(chainDER: chain, roots: roots)
        return TLSObservation(
            version: outcome.tlsVersion, cipher: nil, serverName: host,
            chain: chain.compactMap { CertificateInspector.info(der: $0) }, trust: trust)
    }

    /// Connects and runs the exchange; the conversation owns every later step and the handler
    /// completes the promise exactly once (success, failure or timeout).
    func exchange(host: String, address: String, recorder: PeerChainRecorder) async -> FetchOutcome {
        let sslContext: NIOSSLContext
        switch tlsContext {
        case .success(let context): sslContext = context
        case .failure(let error):
            return FetchOutcome(failure: ProbeFailure(
                stage: .handshake, kind: .tls, message: "cannot create the TLS client context: \(error)"))
        }
        let port = settings.httpsPort
        let eventLoop = group.next()
        let promise = eventLoop.makePromise(of: FetchOutcome.self)
        let connectTimeout = min(settings.connectTimeout, settings.totalTimeout)
        let limits = PolicyFetchConversation.Limits(
            stepSeconds: settings.stepTimeout, totalSeconds: settings.totalTimeout,
            maxBodyBytes: settings.maxPolicyBytes)
        let budget = PolicyFetchHandler.Budget(total: Self.timeAmount(settings.totalTimeout), startedAt: eventLoop.now)
        let maxHeadBytes = settings.maxHTTPHeadBytes
        let request = Self.request(host: host, port: port)
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(Self.timeAmount(connectTimeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let fetcher = PolicyFetchHandler(
                        conversation: PolicyFetchConversation(limits: limits), request: request,
                        budget: budget, promise: promise, closer: SocketCloser())
                    let tls = try NIOSSLClientHandler(
                        context: sslContext, serverHostname: host,
                        customVerificationCallbackWithMetadata: recorder.callback)
                    try PolicyFetchPipeline.add(
                        to: channel.pipeline.syncOperations, tls: tls, fetcher: fetcher, maxHeadBytes: maxHeadBytes)
                }
            }
        do {
            if let socketAddress = try? SocketAddress(ipAddress: address, port: port) {
                _ = try await bootstrap.connect(to: socketAddress).get()
            } else {
                _ = try await bootstrap.connect(host: address, port: port).get()
            }
        } catch {
            // A no-op when the handler already completed (the total budget ran out first).
            promise.succeed(FetchOutcome(failure: FetchFailureClassifier.failure(
                for: error, stage: .connect, context: "connecting to \(Self.endpoint(address, port))",
                settings: settings)))
        }
        do {
            return try await promise.futureResult.get()
        } catch {
            return FetchOutcome(failure: ProbeFailure(stage: .connect, kind: .other, message: "\(error)"))
        }
    }

    /// NIO's time from the settings' seconds.
    static func timeAmount(_ seconds: TimeAmountSeconds) -> TimeAmount {
        .nanoseconds(Int64((max(0, seconds) * 1_000_000_000).rounded()))
    }

    /// `address:port`, with brackets for IPv6 (RFC 3986 §3.2.2).
    static func endpoint(_ address: String, _ port: Int) -> String {
        address.contains(":") ? "[\(address)]:\(port)" : "\(address):\(port)"
    }
}


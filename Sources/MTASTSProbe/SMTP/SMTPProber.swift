import MTASTSCore
import NIOCore
import NIOPosix
import NIOSSL

/// Probes one address of an MX host the way a sending MTA does under RFC 8461 §4.2: connect,
/// greeting (RFC 5321 §3.1), `EHLO` (RFC 5321 §4.1.1.1), `STARTTLS` (RFC 3207 §4), the TLS
/// handshake with SNI = the MX host name, `QUIT` (RFC 5321 §4.1.1.10). It records what it saw
/// (``SMTPProbe``), including the presented chain and whether it chains to the trust roots;
/// the core judges names, expiry, versions and missing STARTTLS.
///
/// Every step is bounded (``ProbeSettings``): the connect by `connectTimeout`, each reply and
/// the handshake by `stepTimeout`, the whole conversation by `totalTimeout`, each reply line by
/// `maxSMTPLineBytes` and each reply by `maxSMTPReplyBytes`. TLS 1.0 and 1.1 are accepted so
/// that they are observed and reported (`mx.tls-version-old`, RFC 8996) rather than looking like
/// a broken handshake.
public struct SMTPProber: Sendable, MXProbing {
    let group: any EventLoopGroup
    let settings: ProbeSettings
    let roots: TrustRoots
    /// One client context for every probe (building one loads a trust store); `failure` when
    /// BoringSSL refused the configuration, reported per probe at the handshake.
    let tlsContext: Result<NIOSSLContext, any Error>

    public init(group: any EventLoopGroup, settings: ProbeSettings, roots: TrustRoots) {
        self.group = group
        self.settings = settings
        self.roots = roots
        tlsContext = Result { try TLSClientSettings.context(minimum: .tlsv1) }
    }

    /// Never throws; every failure is recorded in the returned ``SMTPProbe/failure``.
    public func probe(host: String, address: String, port: Int) async -> SMTPProbe {
        let startedAt = NIODeadline.now()
        var probe = SMTPProbe(address: address, port: port)
        // Milliseconds from the start to `end`, which is taken on the event loop where possible.
        func elapsed(until end: NIODeadline = .now()) -> Int { Int((end - startedAt).nanoseconds / 1_000_000) }

        let target: SocketAddress
        do {
            target = try SocketAddress(ipAddress: address, port: port)
        } catch {
            probe.failure = ProbeFailure(stage: .connect, kind: .other, message: "`\(address)` is not an IP address: \(error)")
            probe.elapsedMilliseconds = elapsed()
            return probe
        }

        let eventLoop = group.next()
        let promise = eventLoop.makePromise(of: SMTPProbeHandler.Completion.self)
        let recorder = PeerChainRecorder()
        let serverName = Self.serverName(for: host)
        let tlsContext = self.tlsContext
        let conversation = SMTPConversation(
            ehloName: settings.ehloName, maxLineBytes: settings.maxSMTPLineBytes, maxReplyBytes: settings.maxSMTPReplyBytes)
        let budget = SMTPProbeHandler.Budget(
            step: Self.amount(settings.stepTimeout),
            quit: Self.amount(min(settings.stepTimeout, 2)),
            total: Self.amount(settings.totalTimeout), startedAt: startedAt)
        let makeTLS: @Sendable () throws -> NIOSSLHandler = {
            try NIOSSLClientHandler(
                context: tlsContext.get(), serverHostname: serverName,
                customVerificationCallbackWithMetadata: recorder.callback)
        }

        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: eventLoop)
                .connectTimeout(Self.amount(min(settings.connectTimeout, settings.totalTimeout)))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            SMTPProbeHandler(conversation: conversation, budget: budget, promise: promise, makeTLSHandler: makeTLS))
                    }
                }
                .connect(to: target)
                .flatMapErrorThrowing { throw ConnectFailure(error: $0, at: .now()) }
                .get()
        } catch {
            let failure = error as? ConnectFailure
            let (kind, message) = SocketFailureClassifier.classify(failure?.error ?? error)
            // A no-op when the handler already completed it; never leave a promise unfulfilled.
            promise.succeed(.init(outcome: conversation.result, finishedAt: .now()))
            probe.failure = ProbeFailure(stage: .connect, kind: kind, message: message)
            probe.elapsedMilliseconds = elapsed(until: failure?.at ?? .now())
            return probe
        }

        let outcome: SMTPConversation.Outcome
        do {
            let completion = try await promise.futureResult.get()
            outcome = completion.outcome
            probe.elapsedMilliseconds = elapsed(until: completion.finishedAt)
        } catch {
            var interrupted = conversation.result
            interrupted.failure = ProbeFailure(stage: .banner, kind: .other, message: "\(error)")
            outcome = interrupted
            probe.elapsedMilliseconds = elapsed()
        }
        // The handler has closed the channel or is closing it (over TLS, close_notify first);
        // the probe does not wait for that.
        channel.close(promise: nil)

        probe.banner = outcome.banner
        probe.extensions = outcome.extensions
        probe.starttlsOffered = outcome.starttlsOffered
        probe.failure = outcome.failure
        probe.transcript = outcome.transcript
        if outcome.tlsEstablished {
            let chain = recorder.chainDER
            probe.tls = TLSObservation(
                version: outcome.tlsVersion, cipher: nil, serverName: serverName,
                chain: chain.compactMap { CertificateInspector.info(der: $0) },
                trust: await ChainVerifier.verify(chainDER: chain, roots: roots))
        } else if var failure = probe.failure, failure.stage == .handshake {
            let count = recorder.chainDER.count
            if count > 0 {
                failure.message += " (after the server presented \(count) certificate(s))"
                probe.failure = failure
            }
        }
        return probe
    }

    /// A connect error with the time it happened on the event loop.
    struct ConnectFailure: Error {
        var error: any Error
        var at: NIODeadline
    }

    /// The SNI name (RFC 6066 §3): the MX host without a trailing dot; none for an IP literal,
    /// which SNI does not allow.
    static func serverName(for host: String) -> String? {
        var name = host
        while name.hasSuffix(".") { name.removeLast() }
        guard !name.isEmpty, (try? SocketAddress(ipAddress: name, port: 0)) == nil else { return nil }
        return name
    }

    static func amount(_ seconds: TimeAmountSeconds) -> TimeAmount {
        .nanoseconds(Int64(max(seconds, 0.001) * 1_000_000_000))
    }
}

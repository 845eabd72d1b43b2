import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import MTASTSStore
import NIOCore
import NIOSSL
import Prometheus
import ServiceLifecycle
import UnixSignals
import Synchronization

/// `mtasts serve` as one process: the public HTTPS listener, the operator's listener, the
/// refresher of plans and certificates, and any further services (the watch), started and
/// stopped together by swift-service-lifecycle (SIGTERM and SIGINT stop gracefully).
public struct ServeRunner: Sendable {
    public let configuration: ServeConfiguration
    public let workspace: Workspace
    public let state: HostingState
    public let counters: ServeCounters
    let logger: Logger

    public init(configuration: ServeConfiguration, workspace: Workspace, logger: Logger) {
        self.configuration = configuration
        self.workspace = workspace
        self.state = HostingState()
        self.counters = ServeCounters()
        self.logger = logger
    }

    /// The listeners' bound ports, once both listen (port 0 in the configuration picks one).
    public struct Listening: Sendable {
        public var publicPort: Int
        public var adminPort: Int
    }

    public func run(
        extraServices: [any Service] = [],
        extraMetrics: @escaping @Sendable () -> [@Sendable (PrometheusCollectorRegistry) -> Void] = { [] },
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        onListening: @escaping @Sendable (Listening) -> Void = { _ in }
    ) async throws {
        try await serviceGroup(
            extraServices: extraServices, extraMetrics: extraMetrics, gracefulShutdownSignals: gracefulShutdownSignals,
            onListening: onListening
        ).run()
    }

    /// The services of ``run(extraServices:extraMetrics:gracefulShutdownSignals:onListening:)``
    /// as a group not yet running (tests stop it with `triggerGracefulShutdown()`).
    public func serviceGroup(
        extraServices: [any Service] = [],
        extraMetrics: @escaping @Sendable () -> [@Sendable (PrometheusCollectorRegistry) -> Void] = { [] },
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        onListening: @escaping @Sendable (Listening) -> Void = { _ in }
    ) throws -> ServiceGroup {
        let refresher = HostingRefresher(
            workspace: workspace, state: state, certificateDirectories: configuration.certificateDirectories,
            interval: configuration.refreshInterval, logger: logger)
        try refresher.refresh()  // hosting from the first request on

        let ports = PortsSeen(onListening)
        let limits = configuration.limits
        let receiver = configuration.reportsPath.map { _ in
            ReportReceiver(workspace: workspace, limits: limits, counters: counters, logger: logger)
        }
        let publicApp = Application(
            responder: PublicResponder(state: state, receiver: receiver, reportsPath: configuration.reportsPath ?? "", counters: counters),
            server: try .tls(.http1(configuration: Self.http1(limits)), tlsConfiguration: try tlsConfiguration()),
            configuration: .init(address: .hostname(configuration.publicHost, port: configuration.publicPort), serverName: nil),
            onServerRunning: { channel in ports.public(channel.localAddress?.port ?? 0) },
            logger: logger)
        let adminApp = Application(
            responder: AdminResponder(workspace: workspace, state: state, counters: counters, extraMetrics: extraMetrics),
            server: .http1(configuration: Self.http1(limits)),
            configuration: .init(address: .hostname(configuration.adminHost, port: configuration.adminPort), serverName: nil),
            onServerRunning: { channel in ports.admin(channel.localAddress?.port ?? 0) },
            logger: logger)
        return ServiceGroup(configuration: .init(
            services: [publicApp, adminApp, refresher] + extraServices,
            gracefulShutdownSignals: gracefulShutdownSignals, logger: logger))
    }

    static func http1(_ limits: ServeLimits) -> HTTP1Channel.Configuration {
        HTTP1Channel.Configuration(
            additionalChannelHandlers: [RequestDeadlineHandler(limit: .milliseconds(Int64(limits.requestSeconds * 1000)))],
            idleTimeout: .milliseconds(Int64(limits.idleSeconds * 1000)),
            httpDecoderConfiguration: .init(
                maxHeaderFieldSize: limits.headerFieldBytes, maxHeaderListSize: limits.headerListBytes,
                maxHeaderFieldCount: limits.headerFieldCount))
    }

    /// TLS 1.2 or newer (RFC 8996), the certificate chosen per SNI name.
    func tlsConfiguration() throws -> TLSConfiguration {
        let (certificate, key) = try PlaceholderCertificate.make()
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
        tls.minimumTLSVersion = .tlsv12
        let state = self.state
        tls.sslContextCallback = SNICertificateSelector(defaultHost: configuration.defaultHost) { state.library }.callback
        return tls
    }
}

/// Calls back once both listeners have reported their ports.
final class PortsSeen: Sendable {
    private let ports = Mutex<(publicPort: Int?, adminPort: Int?)>((nil, nil))
    private let callback: @Sendable (ServeRunner.Listening) -> Void

    init(_ callback: @escaping @Sendable (ServeRunner.Listening) -> Void) { self.callback = callback }

    func `public`(_ port: Int) { report(publicPort: port, adminPort: nil) }
    func admin(_ port: Int) { report(publicPort: nil, adminPort: port) }

    private func report(publicPort: Int?, adminPort: Int?) {
        let done: ServeRunner.Listening? = ports.withLock { ports in
            if let publicPort { ports.publicPort = publicPort }
            if let adminPort { ports.adminPort = adminPort }
            guard let p = ports.publicPort, let a = ports.adminPort else { return nil }
            return ServeRunner.Listening(publicPort: p, adminPort: a)
        }
        if let done { callback(done) }
    }
}

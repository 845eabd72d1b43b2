import Foundation
import Hummingbird
import MTASTSCore
import MTASTSStore
import NIOCore
import NIOPosix
import Prometheus

/// The operator's listener (loopback by default): `/metrics` (Prometheus text format),
/// `/status.json` (exactly `mtasts status --json`), `/healthz`. Read-only.
public struct AdminResponder: HTTPResponder {
    public typealias Context = ServeRequestContext
    let workspace: Workspace
    let state: HostingState
    let counters: ServeCounters
    let extraMetrics: @Sendable () -> [@Sendable (PrometheusCollectorRegistry) -> Void]

    public init(
        workspace: Workspace, state: HostingState, counters: ServeCounters,
        extraMetrics: @escaping @Sendable () -> [@Sendable (PrometheusCollectorRegistry) -> Void] = { [] }
    ) {
        self.workspace = workspace
        self.state = state
        self.counters = counters
        self.extraMetrics = extraMetrics
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return ReportReceiver.text(405, "read-only\n", extra: [.allow: "GET, HEAD"])
        }
        let workspace = self.workspace, state = self.state, counters = self.counters, extra = extraMetrics()
        switch request.uri.path {
        case "/metrics":
            let bytes = try await NIOThreadPool.singleton.runIfActive {
                let now = Date()
                return try MetricsSnapshot.render(
                    workspace: workspace, certificates: state.certificateStatus(at: now), counters: counters, extra: extra, now: now)
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        case "/status.json":
            let data = try await NIOThreadPool.singleton.runIfActive {
                try JSONCoding.encoder().encode(try workspace.statusLines(now: Date()))
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        case "/healthz":
            return ReportReceiver.text(200, "ok\n")
        default:
            return ReportReceiver.text(404, "not found: /metrics, /status.json, /healthz\n")
        }
    }
}

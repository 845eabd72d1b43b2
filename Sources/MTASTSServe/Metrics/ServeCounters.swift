import Foundation
import Prometheus

/// What the public listener counts while it runs (Prometheus counters, RFC-free): policy
/// requests by outcome, reports received by outcome. Lives as long as the process.
public final class ServeCounters: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let policyRequests: [PolicyResponse.Kind: Counter]
    private let reports: [ReportOutcomeLabel: Counter]

    public enum ReportOutcomeLabel: String, CaseIterable, Sendable {
        case stored, duplicate, rejected, tooLarge = "too-large", rateLimited = "rate-limited", failed
    }

    public init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        let kinds: [PolicyResponse.Kind] = [.policy, .notFound, .methodNotAllowed, .badRequest]
        policyRequests = Dictionary(uniqueKeysWithValues: kinds.map { kind in
            (kind, registry.counter("serve_policy_requests", help: "Requests to the public listener, by answer", [("result", kind.rawValue)]))
        })
        reports = Dictionary(uniqueKeysWithValues: ReportOutcomeLabel.allCases.map { label in
            (label, registry.counter(
                "serve_reports_received", help: "TLS-RPT reports POSTed to the rua endpoint (RFC 8460 §3), by outcome", [("result", label.rawValue)]))
        })
    }

    public func count(_ kind: PolicyResponse.Kind) { policyRequests[kind]?.increment() }
    public func count(_ label: ReportOutcomeLabel) { reports[label]?.increment() }
}

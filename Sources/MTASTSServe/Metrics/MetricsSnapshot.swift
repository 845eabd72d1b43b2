import Foundation
import MTASTSCore
import MTASTSStore
import Prometheus

/// `/metrics` in the Prometheus text format: per domain what the core decided about its
/// latest stored check (judged at `now` by ``Workspace/domainSummaries(now:)``, the same
/// verdict the list and `status` show), TLS-RPT sessions of the last week, the hosted names'
/// certificates, and `serve`'s own counters. Built fresh for each scrape, so a domain removed
/// from the workspace disappears from the metrics.
public enum MetricsSnapshot {
    /// The TLS-RPT window the session gauges cover.
    public static let reportWindow: TimeInterval = 7 * 86_400

    public static func render(
        workspace: Workspace, certificates: [HostCertificateStatus], counters: ServeCounters?,
        extra: [@Sendable (PrometheusCollectorRegistry) -> Void] = [], now: Date
    ) throws -> [UInt8] {
        let registry = PrometheusCollectorRegistry()
        let sessions = try workspace.sessionTotalsByDomain(since: now.addingTimeInterval(-reportWindow))
        for summary in try workspace.domainSummaries(now: now) {
            let domain = [("domain", summary.name)]
            registry.gauge("domain_checked", help: "1 when a check of the domain is stored", domain, summary.latest == nil ? 0 : 1)
            guard let latest = summary.latest else { continue }
            for stage in LiveStage.allCases {
                registry.gauge(
                    "domain_live_stage", help: "1 for the live stage of the latest check (none, testing, enforce, removing, broken, unknown)",
                    domain + [("stage", stage.rawValue)], stage == latest.liveStage ? 1 : 0)
            }
            for (severity, count) in [
                ("error", latest.errorCount), ("warning", latest.warningCount), ("info", latest.infoCount), ("unknown", latest.unknownCount),
            ] {
                registry.gauge("domain_findings", help: "Findings of the latest check by severity", domain + [("severity", severity)], Double(count))
            }
            for state in GateState.allCases {
                registry.gauge(
                    "domain_enforce_gate", help: "1 for the state of the report-level enforce gate (ready, acknowledge, blocked, unknown)",
                    domain + [("state", state.rawValue)], state == latest.enforceState ? 1 : 0)
            }
            if let notAfter = latest.earliestCertificateNotAfter {
                registry.gauge(
                    "domain_certificate_expiry", unit: "days", help: "Whole days to the earliest expiry of any certificate seen (negative: expired)",
                    domain, Double(CertificateClock.days(from: now, to: notAfter)))
            }
            registry.gauge(
                "domain_last_check", unit: "timestamp_seconds", help: "When the latest stored check ran", domain,
                latest.observedAt.timeIntervalSince1970)
            let reported = sessions[summary.name] ?? (0, 0)
            let help = "TLS sessions reported by senders over the last 7 days (RFC 8460 §4.4)"
            registry.gauge("tlsrpt_sessions_7d", help: help, domain + [("result", "successful")], Double(reported.successes))
            registry.gauge("tlsrpt_sessions_7d", help: help, domain + [("result", "failed")], Double(reported.failures))
        }
        for status in certificates {
            registry.gauge(
                "serve_certificate_ok", help: "1 when the hosted name's certificate lets senders fetch the policy",
                [("host", status.host), ("state", status.state.rawValue)], status.state.breaksFetch ? 0 : 1)
            if let days = status.daysLeft {
                registry.gauge(
                    "serve_certificate_expiry", unit: "days", help: "Whole days until the hosted name's certificate expires",
                    [("host", status.host)], Double(days))
            }
        }
        for contribute in extra { contribute(registry) }
        var buffer = registry.emitToBuffer()
        if let counters { counters.registry.emit(into: &buffer) }
        return buffer
    }
}

extension PrometheusCollectorRegistry {
    /// A gauge `mtasts_<name>[_<unit>]` with labels, set to `value`.
    public func gauge(_ name: String, unit: String = "", help: String, _ labels: [(String, String)], _ value: Double) {
        makeGauge(descriptor: MetricNameDescriptor(namespace: "mtasts", metricName: name, unitName: unit, helpText: help), labels: labels)
            .set(to: value)
    }

    /// A counter `mtasts_<name>_total` with labels.
    public func counter(_ name: String, help: String, _ labels: [(String, String)]) -> Counter {
        makeCounter(descriptor: MetricNameDescriptor(namespace: "mtasts", metricName: name, unitName: "total", helpText: help), labels: labels)
    }
}

import Foundation

/// The gate before `mode: enforce` (RFC 8461 §5: under enforce, senders refuse MX hosts that
/// fail validation, so every failure becomes a bounce).
///
/// Blockers: every error of a fresh check (an MX not covered §4.1, STARTTLS missing or a
/// certificate invalid §4.2, policy host problems §3.3, …), a certificate expiring within
/// 14 days (raised from warning: it will fail during the policy's lifetime), an id not bumped
/// (§3.1), a planned policy that misses a live MX host (§4.1), not being live in `testing`
/// first, and a reported failure rate above the limit (RFC 8460 §4.3).
/// Warnings: the check's warnings (no TLS-RPT record, …), a soak shorter than the setting, a
/// planned `max_age` under a week (§3.2, §10.2), DNSSEC unsigned (§10.1, raised from info),
/// reported failures during the soak.
public enum EnforceGate {
    public static let weekSeconds = 604_800
    static let raisedToBlocker: Set<FindingCode> = [.mxCertExpiring, .policyCertExpiring]
    static let raisedToWarning: Set<FindingCode> = [.dnssecUnsigned]

    public static func evaluate(_ input: GateInput) -> GateResult {
        var gate = GateResult(domain: input.domain, from: input.report?.liveStage, to: .enforce)
        guard let report = input.report else {
            gate.blockers.append(Finding(code: .rolloutNotLive, subject: input.domain, message: "no check yet: the gate needs a fresh check"))
            return gate
        }
        if report.liveStage != .testing && report.liveStage != .enforce {
            gate.blockers.append(Finding(
                code: .rolloutNotLive, subject: input.domain,
                message: "live stage is \(report.liveStage.rawValue): enforce follows a verified testing stage",
                evidence: "live \(report.liveStage.rawValue), expected testing"))
        }
        for finding in report.findings {
            var finding = finding
            if raisedToBlocker.contains(finding.code) {
                finding.severity = .error
                finding.message += " (blocks enforce: it would fail within the policy's lifetime)"
            } else if raisedToWarning.contains(finding.code) {
                finding.severity = .warning
            }
            gate.add([finding])
        }
        if let policy = input.plan?.policy {
            let hosts = report.observation.mx.status == .ok ? report.observation.mx.records.filter { !$0.isNull }.map(\.host) : []
            for host in Set(hosts).sorted() where MXMatcher.firstMatch(in: policy.mx, host: host) == nil {
                gate.blockers.append(Finding(
                    code: .policyMxUncovered, subject: "plan: \(host)",
                    message: "the planned enforce policy does not cover MX host \(host)",
                    evidence: "planned mx: \(policy.mx.joined(separator: ", "))"))
            }
            if policy.maxAge < weekSeconds {
                gate.warnings.append(Finding(
                    code: .policyMaxAgeShort, subject: "plan: max_age",
                    message: "the planned enforce policy has max_age \(policy.maxAge) s, under one week",
                    evidence: "max_age: \(policy.maxAge)"))
            }
        }
        gate.add(PolicyIDDiscipline.findings(domain: input.domain, history: input.history))
        if report.liveStage == .testing {
            let soak = SoakClock.seconds(input.history, now: input.now) ?? 0
            if soak < input.settings.soakSeconds {
                gate.warnings.append(Finding(
                    code: .rolloutSoakShort, subject: input.domain,
                    message: "in testing for \(RolloutDuration.text(soak)), the soak period is \(RolloutDuration.text(input.settings.soakSeconds))",
                    evidence: SoakClock.testingSince(input.history).map { "testing since \($0.rolloutText)" } ?? "no testing observation stored"))
            }
            gate.add(SoakReportRule.findings(
                domain: input.domain, totals: input.reportTotals, blockerFailureRate: input.settings.blockerFailureRate))
        }
        return gate
    }
}

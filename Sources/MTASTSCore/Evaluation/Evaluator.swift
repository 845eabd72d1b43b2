import Foundation

/// Turns an observation into a report: pure, deterministic for a given `now`.
public enum Evaluator {
    /// The rules, in the order their findings are listed within a severity.
    @RuleBuilder
    static var rules: [any Rule] {
        MXRecordsRule()
        STSRecordRule()
        TLSRPTRecordRule()
        DNSSECRule()
        PolicyHostRule()
        PolicyFetchRule()
        PolicyBodyRule()
        PolicyCoverageRule()
        PolicyCertificateRule()
        MXTransportRule()
        MXCertificateRule()
    }

    /// Evaluates `observation` at `now` (defaults to the observation time, so a recorded
    /// observation always gives the same report).
    public static func evaluate(_ observation: Observation, at now: Date? = nil) -> DomainReport {
        let context = EvaluationContext(observation: observation, now: now ?? observation.observedAt)
        let findings = rules.flatMap { $0.findings(in: context) }
        return DomainReport(
            domain: MXMatcher.normalize(observation.domain),
            checkedAt: observation.observedAt,
            liveStage: StageDerivation.stage(in: context),
            findings: findings,
            stsRecord: context.sts.value,
            tlsrptRecord: context.tlsrpt.value,
            policy: context.policy?.value,
            earliestCertificateExpiryDays: earliestExpiryDays(observation, now: context.now),
            observation: observation)
    }

    static func earliestExpiryDays(_ observation: Observation, now: Date) -> Int? {
        var leaves: [CertificateInfo] = []
        if let leaf = observation.policyFetch?.tls?.leaf { leaves.append(leaf) }
        for host in observation.mxHosts {
            for probe in host.probes { if let leaf = probe.tls?.leaf { leaves.append(leaf) } }
        }
        return leaves.map(\.notAfter).min().map { CertificateChecks.days($0.timeIntervalSince(now)) }
    }
}

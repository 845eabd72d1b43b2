import Foundation

/// Turns an observation into a report: pure, deterministic for a given `now`.
public enum Evaluator {
    /// Bumped whenever a rule changes what it decides, so verdicts cached by the store (the
    /// domain list's summary columns) are judged again: a read re-judges stale rows, and a
    /// store migration calling `Workspace.rejudge` rewrites them once.
    public static let rulesVersion = 2

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
        DANERule()
    }

    /// Evaluates `observation` at `now` (defaults to the observation time, so a recorded
    /// observation always gives the same report).
    public static func evaluate(_ observation: Observation, at now: Date? = nil) -> DomainReport {
        let context = EvaluationContext(observation: observation, now: now ?? observation.observedAt)
        var findings = rules.flatMap { $0.findings(in: context) }
        if context.resolverUnreachable {
            // One plain statement instead of a "could not look up" per record.
            findings = [context.resolverUnreachableFinding] + findings.filter { $0.code != .checkLookupFailed }
        }
        let domain = MXMatcher.normalize(observation.domain)
        let stage = StageDerivation.stage(in: context)
        let certificates = CertificateStatus.all(in: observation, now: context.now)
        let enforce = ReportGate.evaluate(ReportGateContext(
            domain: domain, liveStage: stage, findings: findings, certificates: certificates))
        let policy = context.policy?.value
        let coverage = policy.map { $0.mode == .none ? [] : MXCoverage.of(patterns: $0.mx, mxHosts: context.mxHosts) } ?? []
        let changes = certificates.flatMap {
            CertificateClock.changes(notBefore: $0.notBefore, notAfter: $0.notAfter, after: context.now)
        }
        return DomainReport(
            domain: domain, checkedAt: observation.observedAt, evaluatedAt: context.now, liveStage: stage,
            findings: findings, enforce: enforce, certificates: certificates, mxCoverage: coverage,
            dane: context.dane,
            stsRecord: context.sts.value, tlsrptRecord: context.tlsrpt.value, policy: policy,
            policyAccepted: context.policy?.isValid == true && context.policy?.value != nil,
            validUntil: changes.min(), observation: observation)
    }
}

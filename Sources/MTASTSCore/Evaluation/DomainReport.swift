import Foundation

/// The judgement of one observation at one time: what every view and command renders. Built
/// only by ``Evaluator``.
public struct DomainReport: Codable, Sendable, Hashable {
    public var domain: String
    /// When the evidence was observed.
    public var checkedAt: Date
    /// The time it was judged at (certificate days, validity).
    public var evaluatedAt: Date
    public var liveStage: LiveStage
    /// Most severe first.
    public var findings: [Finding]
    /// The report-level gate for testing → enforce (``ReportGate``): the first layer of the
    /// rollout gate, the same everywhere.
    public var enforce: GateResult
    /// Nothing blocks `mode: enforce` and nothing is unknown at the report level.
    public var enforceReady: Bool
    /// Every certificate a sender relies on, judged at ``evaluatedAt``.
    public var certificates: [CertificateStatus]
    /// The live policy's `mx` patterns against the live MX hosts; empty without a policy.
    public var mxCoverage: [MXCoverage]
    /// DANE per MX host as a DANE-validating sender sees it (RFC 7672).
    public var dane: [DANEHostStatus]
    /// The `_mta-sts` record senders use, when valid.
    public var stsRecord: STSRecord?
    /// The `_smtp._tls` record senders use, when valid.
    public var tlsrptRecord: TLSRPTRecord?
    /// The policy as fetched and parsed, when it could be read.
    public var policy: STSPolicy?
    /// The policy body was complete (200, not cut short) and valid: what senders would use.
    /// The store hashes a body only then.
    public var policyAccepted: Bool
    /// Days until the earliest certificate expiry seen (any certificate of any chain), negative
    /// if expired.
    public var earliestCertificateExpiryDays: Int?
    /// The first time after ``evaluatedAt`` at which the same observation would be judged
    /// differently by time alone (a certificate starts, expires or enters the 14 days);
    /// `nil` when nothing in it changes with time.
    public var validUntil: Date?
    public var observation: Observation

    init(
        domain: String, checkedAt: Date, evaluatedAt: Date, liveStage: LiveStage, findings: [Finding], enforce: GateResult,
        certificates: [CertificateStatus], mxCoverage: [MXCoverage], dane: [DANEHostStatus], stsRecord: STSRecord?, tlsrptRecord: TLSRPTRecord?,
        policy: STSPolicy?, policyAccepted: Bool, validUntil: Date?, observation: Observation
    ) {
        self.domain = domain
        self.checkedAt = checkedAt
        self.evaluatedAt = evaluatedAt
        self.liveStage = liveStage
        self.findings = findings.bySeverity
        self.enforce = enforce
        self.enforceReady = enforce.isPassable
        self.certificates = certificates
        self.mxCoverage = mxCoverage
        self.dane = dane
        self.stsRecord = stsRecord
        self.tlsrptRecord = tlsrptRecord
        self.policy = policy
        self.policyAccepted = policyAccepted
        self.earliestCertificateExpiryDays = certificates.map(\.daysLeft).min()
        self.validUntil = validUntil
        self.observation = observation
    }

    /// Report-level blockers of `mode: enforce` (``enforce``).
    public var enforceBlockers: [GateItem] { enforce.blockers }
    /// Report-level warnings to acknowledge before `mode: enforce`.
    public var enforceWarnings: [GateItem] { enforce.warnings }
    /// Parts the checker could not look at.
    public var enforceUnknowns: [GateItem] { enforce.unknowns }

    /// Findings of severity `error`.
    public var errors: [Finding] { findings.filter { $0.severity == .error } }
    /// Findings of severity `warning`.
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
    /// What the checker could not look at (severity `unknown`).
    public var couldNotCheck: [Finding] { findings.filter { $0.severity == .unknown } }
    /// The most severe finding, for one-line summaries.
    public var worstFinding: Finding? { findings.first }
    /// The checker could not judge the domain: the live stage is unknown.
    public var isUnknown: Bool { liveStage == .unknown }

    /// The MX host names (no null MX), by preference, distinct.
    public var mxHosts: [String] { observation.mx.hostsByPreference }

    /// The policy body senders would use, when ``policyAccepted``.
    public var acceptedPolicyBody: [UInt8]? { policyAccepted ? observation.policyFetch?.body : nil }

    public func findings(in group: FindingGroup) -> [Finding] { findings.filter { $0.code.group == group } }

    /// The coverage of MX host `host` (any spelling) by the live policy; `nil` without a policy.
    public func coverage(of host: String) -> MXCoverage? {
        let name = MXMatcher.normalize(host)
        return mxCoverage.first { $0.host == name }
    }

    /// DANE of MX host `host` (any spelling).
    public func dane(of host: String) -> DANEHostStatus? {
        let name = MXMatcher.normalize(host)
        return dane.first { $0.host == name }
    }

    /// Days left of the earliest-expiring certificate presented for `host`.
    public func certificateDaysLeft(host: String) -> Int? {
        certificates.filter { $0.host == host }.map(\.daysLeft).min()
    }
}

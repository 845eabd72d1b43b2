import Foundation

/// The judgement of one observation: what every view and command renders.
public struct DomainReport: Codable, Sendable, Hashable {
    public var domain: String
    /// When the evidence was observed.
    public var checkedAt: Date
    public var liveStage: LiveStage
    /// No finding blocks `mode: enforce` (no error).
    public var enforceReady: Bool
    /// Most severe first.
    public var findings: [Finding]
    /// The `_mta-sts` record senders use, when valid.
    public var stsRecord: STSRecord?
    /// The `_smtp._tls` record senders use, when valid.
    public var tlsrptRecord: TLSRPTRecord?
    /// The policy as fetched and parsed, when it could be read.
    public var policy: STSPolicy?
    /// Days until the earliest certificate expiry seen (policy host or MX), negative if expired.
    public var earliestCertificateExpiryDays: Int?
    public var observation: Observation

    public init(
        domain: String, checkedAt: Date, liveStage: LiveStage, findings: [Finding], stsRecord: STSRecord?,
        tlsrptRecord: TLSRPTRecord?, policy: STSPolicy?, earliestCertificateExpiryDays: Int?, observation: Observation
    ) {
        self.domain = domain
        self.checkedAt = checkedAt
        self.liveStage = liveStage
        self.findings = findings.bySeverity
        self.enforceReady = !findings.contains { $0.severity == .error }
        self.stsRecord = stsRecord
        self.tlsrptRecord = tlsrptRecord
        self.policy = policy
        self.earliestCertificateExpiryDays = earliestCertificateExpiryDays
        self.observation = observation
    }

    /// Findings that block `mode: enforce`.
    public var blockers: [Finding] { findings.filter { $0.severity == .error } }
    /// Findings that need acknowledgement before `mode: enforce`.
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
    /// The most severe finding, for one-line summaries.
    public var worstFinding: Finding? { findings.first }

    public func findings(in group: FindingGroup) -> [Finding] { findings.filter { $0.code.group == group } }
}

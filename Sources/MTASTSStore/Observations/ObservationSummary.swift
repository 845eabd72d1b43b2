import Foundation
import MTASTSCore

/// The judgement of one stored observation in a few columns: what the domain list and the
/// history views show without decoding the observation. A cache of ``Evaluator``'s verdict,
/// valid from ``evaluatedAt`` until ``validUntil`` under ``rulesVersion``
/// (``isCurrent(at:)``); a stale one is judged again from the payload
/// (``Workspace/domainSummaries(now:)``), so the list never shows a verdict frozen at save time.
public struct ObservationSummary: Codable, Sendable, Hashable {
    /// The row id of the observation.
    public var id: Int64
    public var observedAt: Date
    public var liveStage: LiveStage
    /// The most severe finding's level and code; `nil` when there was no finding.
    public var worstSeverity: Severity?
    public var worstCode: FindingCode?
    public var errorCount: Int
    public var warningCount: Int
    public var infoCount: Int
    /// Findings the checker could not decide (severity `unknown`).
    public var unknownCount: Int
    /// The report-level enforce gate (``DomainReport/enforce``).
    public var enforceState: GateState
    public var enforceBlockerCount: Int
    public var enforceWarningCount: Int
    /// Days from ``evaluatedAt`` to the earliest certificate expiry seen (negative: expired).
    public var earliestCertificateExpiryDays: Int?
    /// The earliest `notAfter` of any certificate of any chain.
    public var earliestCertificateNotAfter: Date?
    /// Distinct MX hosts; `nil` when the MX lookup failed temporarily.
    public var mxCount: Int?
    /// The MX host names, sorted; `nil` when the MX lookup failed temporarily.
    public var mxHosts: [String]?
    /// The `id=` of the valid `_mta-sts` record.
    public var policyID: String?
    /// SHA-256 (hex) of the policy body, only when the core accepted it (complete and valid).
    public var policySHA256: String?
    /// The parsed policy's mode and max_age.
    public var mode: STSMode?
    public var maxAge: Int?
    /// When the verdict was computed, until when it holds, and under which rules.
    public var evaluatedAt: Date
    public var validUntil: Date?
    public var rulesVersion: Int

    /// The summary of `report`, for the observation stored as row `id`.
    public init(id: Int64, report: DomainReport, policySHA256: String?) {
        self.id = id
        observedAt = report.checkedAt
        liveStage = report.liveStage
        worstSeverity = report.findings.worstSeverity
        worstCode = report.worstFinding?.code
        errorCount = report.errors.count
        warningCount = report.warnings.count
        infoCount = report.findings.count { $0.severity == .info }
        unknownCount = report.couldNotCheck.count
        enforceState = report.enforce.state
        enforceBlockerCount = report.enforce.blockers.count
        enforceWarningCount = report.enforce.warnings.count
        earliestCertificateExpiryDays = report.earliestCertificateExpiryDays
        earliestCertificateNotAfter = report.certificates.map(\.notAfter).min()
        let hosts = ObservationSummary.mxHosts(report.observation.mx)
        mxCount = hosts?.count
        mxHosts = hosts
        policyID = report.stsRecord?.id
        self.policySHA256 = policySHA256
        mode = report.policy?.mode
        maxAge = report.policy?.maxAge
        evaluatedAt = report.evaluatedAt
        validUntil = report.validUntil
        rulesVersion = Evaluator.rulesVersion
    }

    init(
        id: Int64, observedAt: Date, liveStage: LiveStage, worstSeverity: Severity?, worstCode: FindingCode?,
        errorCount: Int, warningCount: Int, infoCount: Int, unknownCount: Int, enforceState: GateState,
        enforceBlockerCount: Int, enforceWarningCount: Int, earliestCertificateExpiryDays: Int?,
        earliestCertificateNotAfter: Date?, mxCount: Int?, mxHosts: [String]?, policyID: String?, policySHA256: String?,
        mode: STSMode?, maxAge: Int?, evaluatedAt: Date, validUntil: Date?, rulesVersion: Int
    ) {
        self.id = id
        self.observedAt = observedAt
        self.liveStage = liveStage
        self.worstSeverity = worstSeverity
        self.worstCode = worstCode
        self.errorCount = errorCount
        self.warningCount = warningCount
        self.infoCount = infoCount
        self.unknownCount = unknownCount
        self.enforceState = enforceState
        self.enforceBlockerCount = enforceBlockerCount
        self.enforceWarningCount = enforceWarningCount
        self.earliestCertificateExpiryDays = earliestCertificateExpiryDays
        self.earliestCertificateNotAfter = earliestCertificateNotAfter
        self.mxCount = mxCount
        self.mxHosts = mxHosts
        self.policyID = policyID
        self.policySHA256 = policySHA256
        self.mode = mode
        self.maxAge = maxAge
        self.evaluatedAt = evaluatedAt
        self.validUntil = validUntil
        self.rulesVersion = rulesVersion
    }

    /// The verdict holds at `now`: same rules, and no certificate crossed a threshold since.
    public func isCurrent(at now: Date) -> Bool {
        rulesVersion == Evaluator.rulesVersion && evaluatedAt <= now && validUntil.map { now < $0 } ?? true
    }

    /// The report-level gate lets `mode: enforce` through (warnings may need acknowledgement).
    public var enforceReady: Bool { enforceState == .ready || enforceState == .acknowledge }

    /// Distinct MX hosts, sorted; none for NXDOMAIN, NODATA or a null MX; `nil` when the lookup
    /// failed temporarily (unknown, not empty).
    static func mxHosts(_ lookup: DNSLookup<MXRecord>) -> [String]? {
        guard lookup.status.isDefinite else { return nil }
        return Set(lookup.records.filter { !$0.isNull }.map(\.host)).sorted()
    }

    /// Writes every member, `null` included, so scripts see a stable shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(observedAt, forKey: .observedAt)
        try c.encode(liveStage, forKey: .liveStage)
        try c.encode(worstSeverity, forKey: .worstSeverity)
        try c.encode(worstCode, forKey: .worstCode)
        try c.encode(errorCount, forKey: .errorCount)
        try c.encode(warningCount, forKey: .warningCount)
        try c.encode(infoCount, forKey: .infoCount)
        try c.encode(unknownCount, forKey: .unknownCount)
        try c.encode(enforceState, forKey: .enforceState)
        try c.encode(enforceBlockerCount, forKey: .enforceBlockerCount)
        try c.encode(enforceWarningCount, forKey: .enforceWarningCount)
        try c.encode(earliestCertificateExpiryDays, forKey: .earliestCertificateExpiryDays)
        try c.encode(earliestCertificateNotAfter, forKey: .earliestCertificateNotAfter)
        try c.encode(mxCount, forKey: .mxCount)
        try c.encode(mxHosts, forKey: .mxHosts)
        try c.encode(policyID, forKey: .policyID)
        try c.encode(policySHA256, forKey: .policySHA256)
        try c.encode(mode, forKey: .mode)
        try c.encode(maxAge, forKey: .maxAge)
        try c.encode(evaluatedAt, forKey: .evaluatedAt)
        try c.encode(validUntil, forKey: .validUntil)
        try c.encode(rulesVersion, forKey: .rulesVersion)
    }
}

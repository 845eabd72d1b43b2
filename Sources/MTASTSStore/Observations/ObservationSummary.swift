import Foundation
import MTASTSCore

/// The judgement of one stored observation in a few columns: what the domain list and the
/// history views show without decoding the observation. Computed by ``Evaluator`` when the
/// observation is saved, at the observation's own time.
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
    /// Days from the observation to the earliest certificate expiry seen (negative: expired).
    public var earliestCertificateExpiryDays: Int?
    /// Distinct MX hosts; `nil` when the MX lookup failed temporarily.
    public var mxCount: Int?
    /// The MX host names, sorted; `nil` when the MX lookup failed temporarily.
    public var mxHosts: [String]?
    /// The `id=` of the valid `_mta-sts` record.
    public var policyID: String?
    /// SHA-256 (hex) of the policy body served with status 200.
    public var policySHA256: String?
    /// The parsed policy's mode and max_age.
    public var mode: STSMode?
    public var maxAge: Int?

    /// The observation is clear for `mode: enforce` (no error finding).
    public var enforceReady: Bool { errorCount == 0 }

    public init(
        id: Int64, observedAt: Date, liveStage: LiveStage, worstSeverity: Severity?, worstCode: FindingCode?,
        errorCount: Int, warningCount: Int, infoCount: Int, earliestCertificateExpiryDays: Int?, mxCount: Int?,
        mxHosts: [String]?, policyID: String?, policySHA256: String?, mode: STSMode?, maxAge: Int?
    ) {
        self.id = id
        self.observedAt = observedAt
        self.liveStage = liveStage
        self.worstSeverity = worstSeverity
        self.worstCode = worstCode
        self.errorCount = errorCount
        self.warningCount = warningCount
        self.infoCount = infoCount
        self.earliestCertificateExpiryDays = earliestCertificateExpiryDays
        self.mxCount = mxCount
        self.mxHosts = mxHosts
        self.policyID = policyID
        self.policySHA256 = policySHA256
        self.mode = mode
        self.maxAge = maxAge
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
        try c.encode(earliestCertificateExpiryDays, forKey: .earliestCertificateExpiryDays)
        try c.encode(mxCount, forKey: .mxCount)
        try c.encode(mxHosts, forKey: .mxHosts)
        try c.encode(policyID, forKey: .policyID)
        try c.encode(policySHA256, forKey: .policySHA256)
        try c.encode(mode, forKey: .mode)
        try c.encode(maxAge, forKey: .maxAge)
    }
}

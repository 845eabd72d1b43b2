import Foundation

/// One failure bucket beside what the live checks say about it: the finding on the same MX that
/// explains the reported result type (RFC 8460 §4.3 against RFC 8461 §3.3, §4.2), and since
/// when the stored history shows that finding without a break.
public struct TLSRPTTriageGroup: Sendable, Codable, Hashable {
    public var bucket: TLSRPTFailureBucket
    /// The live finding that explains the failures, when the checks see one.
    public var explanation: Finding?
    /// The first observation of the current streak that has the explaining finding.
    public var explainedSince: Date?

    public init(bucket: TLSRPTFailureBucket, explanation: Finding? = nil, explainedSince: Date? = nil) {
        self.bucket = bucket
        self.explanation = explanation
        self.explainedSince = explainedSince
    }
}

/// The findings of one stored observation, for "since when" (newest first in a history).
public struct ObservedFindings: Sendable, Hashable {
    public var observedAt: Date
    public var findings: [Finding]

    public init(observedAt: Date, findings: [Finding]) {
        self.observedAt = observedAt
        self.findings = findings
    }
}

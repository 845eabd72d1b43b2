/// Codes for a report that is read only in part because it is larger than any sender writes
/// (``TLSRPTReportCaps``): kept, with what was left out said (issue 11: no amplification).
extension FindingCode {
    /// More `policies` than ``TLSRPTReportParser/Limits/maxPolicies`` (RFC 8460 §4.4).
    public static let reportPoliciesCapped: FindingCode = "report.policies-capped"
    /// More `failure-details` than ``TLSRPTReportParser/Limits/maxFailureDetails`` (RFC 8460 §4.4).
    public static let reportFailureDetailsCapped: FindingCode = "report.failure-details-capped"
    /// More distinct `result-type`s than ``TLSRPTReportParser/Limits/maxResultTypes`` (RFC 8460 §4.3).
    public static let reportResultTypesCapped: FindingCode = "report.result-types-capped"
    /// More findings of one code than ``TLSRPTReportParser/Limits/maxFindingsPerCode``.
    public static let reportFindingsCapped: FindingCode = "report.findings-capped"
    public static let reportRawNotKept: FindingCode = "report.raw-not-kept"
}

/// Codes for what real TLS-RPT senders write beyond the `report.*` quirks declared with the
/// catalog (DESIGN: "Real reports are messier than the RFC"): each marks a report that is kept
/// and read the way the sender meant. The parser (``TLSRPTReportParser``) emits most of them;
/// the mail-level ones (`report.not-gzip`, `report.media-type`, `report.submitter-mismatch`)
/// come from ingest, where the file name and the mail headers are known.
extension FindingCode {
    /// A `no-policy-found` policy without `policy-domain` (RFC 8460 §4.4; Postfix's reporter).
    public static let reportPolicyDomainMissing: FindingCode = "report.policy-domain-missing"
    /// A `.json.gz` file or a gzip-typed part whose bytes are plain JSON (RFC 8460 §5.1, §5.3).
    public static let reportNotGzip: FindingCode = "report.not-gzip"
    /// A report part typed `application/tlsrpt` without `+json` or `+gzip` (RFC 8460 §5.3).
    public static let reportMediaType: FindingCode = "report.media-type"
    /// `sending-mta-ip` or `receiving-ip` that is not an IPv4 or IPv6 literal (RFC 8460 §4.4).
    public static let reportInvalidIP: FindingCode = "report.invalid-ip"
    /// `TLS-Report-Submitter` names another domain than `contact-info` (RFC 8460 §5.3).
    public static let reportSubmitterMismatch: FindingCode = "report.submitter-mismatch"
    /// A `date-range` whose end is before its start (RFC 8460 §4.4).
    public static let reportDateRangeReversed: FindingCode = "report.date-range-reversed"
    /// A member name one typo away from an RFC 8460 §4.4 member (`receiving-mx-host-name`).
    public static let reportMisspelledMember: FindingCode = "report.misspelled-member"
    /// A `policy-string` given as one string holding a JSON-encoded array (RFC 8460 §4.4).
    public static let reportPolicyStringEncoded: FindingCode = "report.policy-string-encoded"
}

/// RFC 8460 §5.3: the `TLS-Report-Submitter` header field "MUST match" the domain of the
/// report's `contact-info` (and of the file name's sender, §5.1). A mismatch does not make
/// the report unusable; it is a `report.submitter-mismatch` finding, because it is worth a
/// look before trusting who sent the report.
public enum TLSRPTSubmitterRule {
    /// The finding when `submitter` and the `contact-info` domain are both known and differ
    /// (compared without case and trailing dot); `nil` otherwise.
    public static func finding(_ report: TLSRPTReport, submitter: String?) -> Finding? {
        guard let submitter, let contact = report.contactDomain else { return nil }
        let declared = MXMatcher.normalize(submitter.trimmingWhitespace)
        guard !declared.isEmpty, declared != contact else { return nil }
        return Finding(
            code: .reportSubmitterMismatch, subject: "TLS-Report-Submitter",
            message: "the mail's TLS-Report-Submitter `\(declared)` is not `\(contact)`, the domain of the report's contact-info; "
                + "RFC 8460 §5.3 requires them to match",
            evidence: "TLS-Report-Submitter: \(submitter); contact-info: \(report.contactInfo ?? "")")
    }
}

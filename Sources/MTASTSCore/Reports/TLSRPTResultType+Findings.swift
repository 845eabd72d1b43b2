extension TLSRPTResultType {
    /// The live findings that explain a reported failure type, for triage: a sender's report
    /// (or a Postfix `TLSRPT: … failure_type=…` log line, which uses the same names) says what
    /// failed; these are the checks that show why (RFC 8460 §4.3 against RFC 8461 §3.3, §4.2).
    /// The DANE types (RFC 8460 §4.3.2) map to the live DANE findings (RFC 7672).
    public var relatedFindingCodes: [FindingCode] {
        switch self {
        case .starttlsNotSupported: [.mxStarttlsMissing]
        case .certificateHostMismatch: [.mxCertNameMismatch]
        case .certificateExpired: [.mxCertExpired]
        case .certificateNotTrusted: [.mxCertUntrusted]
        case .validationFailure: [.mxTLSFailed, .mxCertUntrusted]
        case .tlsaInvalid: [.daneMismatch, .daneUnusableOnly, .daneEmptyDigest]
        case .dnssecInvalid: [.daneTLSAIndeterminate]
        case .daneRequired: [.daneMismatch, .daneTLSAIndeterminate, .mxStarttlsMissing, .mxTLSFailed]
        case .unknown: []
        case .stsPolicyFetchError: [.policyHostUnresolvable, .policyFetchFailed, .policyRedirect, .policyHTTPStatus]
        case .stsPolicyInvalid:
            [.policySyntax, .policyVersion, .policyMode, .policyMaxAge, .policyMxInvalid, .policyMxMissing, .policyContentType, .policyTooLarge]
        case .stsWebPKIInvalid: [.policyCertUntrusted, .policyCertNameMismatch, .policyCertExpired]
        }
    }
}

extension TLSRPTResultType {
    /// The live findings that explain a reported failure type, for triage: a sender's report
    /// (or a Postfix `TLSRPT: … failure_type=…` log line, which uses the same names) says what
    /// failed; these are the checks that show why (RFC 8460 §4.3 against RFC 8461 §3.3, §4.2).
    /// DANE types have none: the tool does not check DANE.
    public var relatedFindingCodes: [FindingCode] {
        switch self {
        case .starttlsNotSupported: [.mxStarttlsMissing]
        case .certificateHostMismatch: [.mxCertNameMismatch]
        case .certificateExpired: [.mxCertExpired]
        case .certificateNotTrusted: [.mxCertUntrusted]
        case .validationFailure: [.mxTLSFailed, .mxCertUntrusted]
        case .tlsaInvalid, .dnssecInvalid, .daneRequired, .unknown: []
        case .stsPolicyFetchError: [.policyHostUnresolvable, .policyFetchFailed, .policyRedirect, .policyHTTPStatus]
        case .stsPolicyInvalid:
            [.policySyntax, .policyVersion, .policyMode, .policyMaxAge, .policyMxInvalid, .policyMxMissing, .policyContentType, .policyTooLarge]
        case .stsWebPKIInvalid: [.policyCertUntrusted, .policyCertNameMismatch, .policyCertExpired]
        }
    }
}

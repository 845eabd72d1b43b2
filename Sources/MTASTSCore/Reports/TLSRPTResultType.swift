/// `result-type` of a failure (RFC 8460 §4.3; IANA "STARTTLS Validation Result Types").
/// Types outside the list are kept as ``unknown(_:)`` with the sender's spelling.
public enum TLSRPTResultType: Sendable, Hashable, Codable, CustomStringConvertible {
    // §4.3.1 Negotiation failures
    case starttlsNotSupported
    case certificateHostMismatch
    case certificateExpired
    case certificateNotTrusted
    case validationFailure
    // §4.3.2.1 DANE-specific policy failures
    case tlsaInvalid
    case dnssecInvalid
    case daneRequired
    // §4.3.2.2 MTA-STS-specific policy failures
    case stsPolicyFetchError
    case stsPolicyInvalid
    case stsWebPKIInvalid
    case unknown(String)

    /// Where RFC 8460 §4.3 files a result type.
    public enum Category: String, Codable, Sendable {
        case negotiation
        case dane
        case mtaSTS = "mta-sts"
        case unknown
    }

    /// Every type RFC 8460 §4.3 defines, in the RFC's order.
    public static let known: [TLSRPTResultType] = [
        .starttlsNotSupported, .certificateHostMismatch, .certificateExpired, .certificateNotTrusted,
        .validationFailure, .tlsaInvalid, .dnssecInvalid, .daneRequired, .stsPolicyFetchError,
        .stsPolicyInvalid, .stsWebPKIInvalid,
    ]

    public init(rawValue: String) {
        self = Self.known.first { $0.rawValue == rawValue } ?? .unknown(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .starttlsNotSupported: "starttls-not-supported"
        case .certificateHostMismatch: "certificate-host-mismatch"
        case .certificateExpired: "certificate-expired"
        case .certificateNotTrusted: "certificate-not-trusted"
        case .validationFailure: "validation-failure"
        case .tlsaInvalid: "tlsa-invalid"
        case .dnssecInvalid: "dnssec-invalid"
        case .daneRequired: "dane-required"
        case .stsPolicyFetchError: "sts-policy-fetch-error"
        case .stsPolicyInvalid: "sts-policy-invalid"
        case .stsWebPKIInvalid: "sts-webpki-invalid"
        case .unknown(let text): text
        }
    }

    public var description: String { rawValue }

    public var category: Category {
        switch self {
        case .starttlsNotSupported, .certificateHostMismatch, .certificateExpired, .certificateNotTrusted, .validationFailure:
            .negotiation
        case .tlsaInvalid, .dnssecInvalid, .daneRequired: .dane
        case .stsPolicyFetchError, .stsPolicyInvalid, .stsWebPKIInvalid: .mtaSTS
        case .unknown: .unknown
        }
    }

    /// What the type means, in a line (paraphrasing RFC 8460 §4.3).
    public var meaning: String {
        switch self {
        case .starttlsNotSupported: "the MX did not offer STARTTLS"
        case .certificateHostMismatch: "the MX certificate does not name the MX host"
        case .certificateExpired: "the MX certificate has expired"
        case .certificateNotTrusted: "the MX certificate does not chain to a root the sender trusts"
        case .validationFailure: "another validation failure (see failure-reason-code)"
        case .tlsaInvalid: "the TLSA record is invalid"
        case .dnssecInvalid: "the TLSA lookup failed DNSSEC validation"
        case .daneRequired: "DANE was required but no TLSA record was usable"
        case .stsPolicyFetchError: "the MTA-STS policy could not be fetched"
        case .stsPolicyInvalid: "the MTA-STS policy is invalid"
        case .stsWebPKIInvalid: "the MTA-STS policy host's certificate failed validation"
        case .unknown: "a result type outside RFC 8460 §4.3"
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

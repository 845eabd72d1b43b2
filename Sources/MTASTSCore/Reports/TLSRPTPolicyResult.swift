/// One entry of `policies`: the policy the sender applied, the session counts, and the
/// failures (RFC 8460 §4.4).
public struct TLSRPTPolicyResult: Codable, Sendable, Hashable {
    public var policy: TLSRPTPolicy
    public var summary: TLSRPTSummary
    /// `failure-details`; empty when the member is absent or null.
    public var failureDetails: [TLSRPTFailureDetail]

    public init(policy: TLSRPTPolicy, summary: TLSRPTSummary, failureDetails: [TLSRPTFailureDetail] = []) {
        self.policy = policy
        self.summary = summary
        self.failureDetails = failureDetails
    }
}

/// `policy`: what the sender found and applied for the recipient domain (RFC 8460 §4.4).
public struct TLSRPTPolicy: Codable, Sendable, Hashable {
    /// `policy-type`.
    public var type: TLSRPTPolicyType
    /// `policy-string`: the policy as the sender saw it, one line (STS) or record (TLSA) each.
    public var strings: [String]
    /// `policy-domain`, lower case, no trailing dot.
    public var domain: String
    /// `mx-host` (or `mx-host-pattern`): the MX patterns of an STS policy, lower case.
    public var mxHosts: [String]

    public init(type: TLSRPTPolicyType, strings: [String] = [], domain: String, mxHosts: [String] = []) {
        self.type = type
        self.strings = strings
        self.domain = domain
        self.mxHosts = mxHosts
    }
}

/// `policy-type` (RFC 8460 §4.4): `sts`, `tlsa` or `no-policy-found`; anything else is kept
/// as written.
public enum TLSRPTPolicyType: Sendable, Hashable, Codable, CustomStringConvertible {
    case sts
    case tlsa
    case noPolicyFound
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "sts": self = .sts
        case "tlsa": self = .tlsa
        case "no-policy-found": self = .noPolicyFound
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .sts: "sts"
        case .tlsa: "tlsa"
        case .noPolicyFound: "no-policy-found"
        case .unknown(let text): text
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// `summary`: sessions that succeeded and failed under the policy (RFC 8460 §4.4).
public struct TLSRPTSummary: Codable, Sendable, Hashable {
    /// `total-successful-session-count`.
    public var successfulSessions: Int
    /// `total-failure-session-count`.
    public var failedSessions: Int

    public init(successfulSessions: Int, failedSessions: Int) {
        self.successfulSessions = successfulSessions
        self.failedSessions = failedSessions
    }
}

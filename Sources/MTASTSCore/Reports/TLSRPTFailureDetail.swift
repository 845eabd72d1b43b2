/// One entry of `failure-details` (RFC 8460 §4.4): a failure type seen between one sending
/// and one receiving address, with a session count.
public struct TLSRPTFailureDetail: Codable, Sendable, Hashable {
    /// `result-type`.
    public var resultType: TLSRPTResultType
    /// `sending-mta-ip`.
    public var sendingMTAIP: String?
    /// `receiving-mx-hostname`, lower case, no trailing dot.
    public var receivingMXHostname: String?
    /// `receiving-mx-helo`: the name the MX gave in its greeting.
    public var receivingMXHelo: String?
    /// `receiving-ip`.
    public var receivingIP: String?
    /// `failed-session-count`.
    public var failedSessions: Int
    /// `additional-information` (or `additional-info-uri`): a URI with more detail.
    public var additionalInformation: String?
    /// `failure-reason-code`: free text from the sender, e.g. an OpenSSL error name.
    public var failureReasonCode: String?

    public init(
        resultType: TLSRPTResultType, sendingMTAIP: String? = nil, receivingMXHostname: String? = nil,
        receivingMXHelo: String? = nil, receivingIP: String? = nil, failedSessions: Int,
        additionalInformation: String? = nil, failureReasonCode: String? = nil
    ) {
        self.resultType = resultType
        self.sendingMTAIP = sendingMTAIP
        self.receivingMXHostname = receivingMXHostname
        self.receivingMXHelo = receivingMXHelo
        self.receivingIP = receivingIP
        self.failedSessions = failedSessions
        self.additionalInformation = additionalInformation
        self.failureReasonCode = failureReasonCode
    }

    /// The receiving side as an operator names it: the MX host name, else the HELO name, else
    /// the IP address.
    public var receivingMX: String? { receivingMXHostname ?? receivingMXHelo ?? receivingIP }
}

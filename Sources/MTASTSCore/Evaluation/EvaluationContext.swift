import Foundation

/// What every rule gets: the observation, the evaluation time and the parsed records, computed
/// once.
public struct EvaluationContext: Sendable {
    public let observation: Observation
    /// The time certificates and ages are judged at (injectable for tests and replays).
    public let now: Date
    public let sts: ParseResult<STSRecord>
    public let tlsrpt: ParseResult<TLSRPTRecord>
    /// The parsed policy body, when a body was fetched.
    public let policy: ParseResult<STSPolicy>?
    /// Whether any TXT record at `_mta-sts` begins with `v=STSv1` (senders will try to fetch).
    public let hasSTSCandidate: Bool
    /// DANE per MX host (``DANEValidation``), judged once for the rule and the report.
    public let dane: [DANEHostStatus]

    public init(observation: Observation, now: Date) {
        self.observation = observation
        self.now = now
        let stsSubject = "_mta-sts." + MXMatcher.normalize(observation.domain)
        let tlsrptSubject = "_smtp._tls." + MXMatcher.normalize(observation.domain)
        sts = STSRecordParser.parse(rrset: observation.stsTXT.records, subject: stsSubject)
        tlsrpt = TLSRPTRecordParser.parse(rrset: observation.tlsrptTXT.records, subject: tlsrptSubject)
        hasSTSCandidate = observation.stsTXT.records.contains { STSRecordParser.isCandidate($0.text) }
        let mxSecure = observation.mx.status == .ok && observation.mx.authenticated == true
        dane = observation.mxHosts.map { DANEValidation.status(of: $0, mxSecure: mxSecure, now: now) }
        // A body cut short (a close or timeout after the 200) is not a policy senders would use.
        if let fetch = observation.policyFetch, let body = fetch.body, fetch.status == 200, fetch.failure == nil, !fetch.bodyTruncated {
            policy = PolicyParser.parse(body, subject: observation.policyURL)
        } else {
            policy = nil
        }
    }

    /// The MX hosts of the domain (without null MX), lower-cased, by preference.
    public var mxHosts: [String] { observation.mx.hostsByPreference }
}

import Foundation

/// DANE for one MX host as a DANE-validating sender sees it (RFC 7672): whether it applies,
/// the TLSA records, and per probed address which record matched the presented chain.
/// ``DomainReport/dane`` lists one per MX host; the MX pane and `check --json` render it.
public struct DANEHostStatus: Codable, Sendable, Hashable {
    public enum State: String, Codable, Sendable {
        /// The MX RRset or the host's address records are not DNSSEC-secure: DANE does not
        /// apply (RFC 7672 §2.2.1, §2.2.2).
        case notApplicable = "not-applicable"
        /// No TLSA records, securely (NODATA/NXDOMAIN): DANE does not apply.
        case none
        /// TLSA records that are not DNSSEC-authenticated: ignored by DANE senders.
        case insecure
        /// The TLSA lookup failed (SERVFAIL): DANE senders must not use the host (RFC 7672 §2.2).
        case indeterminate
        /// Secure TLSA records, none usable for SMTP: TLS required, not authenticated (§3.1.3).
        case unusable
        /// Every probed address presented a chain a usable record matches.
        case validated
        /// At least one probed address presented a chain no usable record matches.
        case mismatch
        /// Secure usable records, but no address presented a chain to compare (no TLS).
        case unchecked
    }

    public struct AddressResult: Codable, Sendable, Hashable {
        public var address: String
        /// The record that matched, `nil` when none did.
        public var matched: TLSARecord?
        /// The certificate it matched, by subject, and whether it was the leaf (DANE-EE) or a
        /// trust anchor (DANE-TA).
        public var matchedSubject: String?
    }

    public var host: String
    /// Where the TLSA records were found when not at `host` (a secure CNAME's target).
    public var tlsaBase: String?
    public var state: State
    public var records: [TLSARecord]
    public var addresses: [AddressResult]
    /// Why it does not apply, in words, for `notApplicable`.
    public var reason: String?
}

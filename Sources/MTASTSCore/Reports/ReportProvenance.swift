import Foundation

/// How a stored TLS-RPT report reached the workspace, and whether it may count.
///
/// RFC 8460 §3: reports sent by mail "MUST" carry a valid DKIM signature by the reporting
/// domain, and a report lacking one "MUST" be ignored. RFC 8460 §5.4: reports POSTed to an
/// `https:` rua URI carry no signature; the receiver is the operator's own endpoint.
/// The rule of which provenances count towards the gate's numbers (the soak window's
/// successes and failures) lives here, so the store and every printer agree.
public enum ReportProvenance: Codable, Sendable, Hashable {
    /// A mailed report whose DKIM signature verified for `domain` (`d=`) with `selector` (`s=`).
    case dkimVerified(domain: String, selector: String)
    /// A mailed report without a valid signature, imported on purpose (`--accept-unsigned`).
    case unsignedAccepted
    /// POSTed to `mtasts serve`'s rua endpoint (RFC 8460 §5.4) from `client` (its address).
    case https(client: String)
    /// A report file (`.json`, `.json.gz`) the operator handed over; no transport to verify.
    case file
    /// A mailed report whose signature is missing or failed: kept for inspection, never counted.
    case unverified(reason: String)
    /// Stored before provenance was recorded (workspace schema before v5).
    case legacy

    /// Whether the report's sessions count in the gate's numbers (RFC 8460 §3: a mailed report
    /// without a valid DKIM signature is ignored).
    public var countsForGate: Bool {
        if case .unverified = self { return false }
        return true
    }

    /// A short word for tables and the store's `provenance` column.
    public var word: String {
        switch self {
        case .dkimVerified: "dkim"
        case .unsignedAccepted: "unsigned-accepted"
        case .https: "https"
        case .file: "file"
        case .unverified: "unverified"
        case .legacy: "legacy"
        }
    }

    /// The reason a report is not counted, if it is not.
    public var reasonNotCounted: String? {
        if case .unverified(let reason) = self { return reason }
        return nil
    }
}

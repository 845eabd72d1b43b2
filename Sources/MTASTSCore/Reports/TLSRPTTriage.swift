import Foundation

/// Puts reported failures beside the live checks (pure; the TUI and the CLI only render it).
///
/// A sender's `result-type` (RFC 8460 §4.3) names what failed; the live finding with a related
/// code (``TLSRPTResultType/relatedFindingCodes``) names why. MX-level findings (`mx.*`,
/// `mx-cert.*`, and `policy.mx-uncovered`, whose subject is an MX host) only explain failures at
/// the same receiving MX; policy-level findings explain failures at any MX of the domain.
public enum TLSRPTTriage {
    /// `buckets` worst first, each with its explaining finding from `findings` (the domain's
    /// current report) and since when `history` (newest first) shows it.
    public static func groups(
        buckets: [TLSRPTFailureBucket], findings: [Finding], history: [ObservedFindings] = []
    ) -> [TLSRPTTriageGroup] {
        buckets.sorted(by: TLSRPTFailureBucket.worstFirst).map { bucket in
            let explanation = explain(bucket, findings: findings)
            let since = explanation.flatMap { streakStart(of: $0, in: history) }
            return TLSRPTTriageGroup(bucket: bucket, explanation: explanation, explainedSince: since)
        }
    }

    /// The finding that explains `bucket`, in the order of the related codes.
    public static func explain(_ bucket: TLSRPTFailureBucket, findings: [Finding]) -> Finding? {
        var codes = bucket.type.relatedFindingCodes
        switch bucket.type {
        case .validationFailure, .certificateHostMismatch: codes.append(.policyMxUncovered)
        default: break
        }
        for code in codes {
            let candidates = findings.with(code)
            if let match = candidates.first(where: { applies($0, to: bucket.receivingMX) }) { return match }
        }
        return nil
    }

    /// The observation time where the unbroken run of `finding` (same code, same subject) that
    /// reaches the newest observation began; `nil` when the newest observation lacks it.
    public static func streakStart(of finding: Finding, in history: [ObservedFindings]) -> Date? {
        var start: Date?
        for observed in history {
            guard observed.findings.contains(where: { $0.code == finding.code && sameHost($0.subject, finding.subject) })
            else { break }
            start = observed.observedAt
        }
        return start
    }

    private static func applies(_ finding: Finding, to mx: String?) -> Bool {
        guard isHostLevel(finding.code), let mx else { return true }
        return sameHost(finding.subject, mx)
    }

    private static func isHostLevel(_ code: FindingCode) -> Bool {
        code == .policyMxUncovered || code.rawValue.hasPrefix("mx.") || code.rawValue.hasPrefix("mx-cert.")
    }

    private static func sameHost(_ a: String, _ b: String) -> Bool {
        func key(_ s: String) -> Substring {
            let lower = s.lowercased()
            return lower.hasSuffix(".") ? Substring(lower).dropLast() : Substring(lower)
        }
        return key(a) == key(b)
    }
}

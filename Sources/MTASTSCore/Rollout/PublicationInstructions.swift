import Foundation

/// Exactly what the operator publishes for a plan (RFC 8461 §3.1 record, §3.3 file and URL,
/// RFC 8460 §3 TLS-RPT record), in the order that keeps senders safe (§8.1: the policy file
/// first, then the record with the new id, so a sender that sees the new id finds the new file).
public struct PublicationInstructions: Codable, Sendable, Hashable {
    public var policyURL: String
    /// The file content (empty when the plan removes the policy).
    public var policyText: String
    /// The `_mta-sts` TXT record as a zone-file line; `nil` when it is to be deleted.
    public var zoneLine: String?
    /// The `_smtp._tls` record to add, when none is live.
    public var tlsrptLine: String?
    /// `<webroot>/<domain>/.well-known/mta-sts.txt` when a web root is configured.
    public var webrootPath: String?
    /// The steps in order, as sentences.
    public var steps: [String]

    public static let zoneTTL = 300

    /// `hostedSince`: `mtasts serve` hosts exactly this plan's file (``PolicyHosting``), so the
    /// first step is done.
    public static func make(plan: RolloutPlan, report: DomainReport?, hostedSince: Date? = nil) -> PublicationInstructions {
        let domain = plan.domain
        let url = "https://mta-sts.\(domain)/.well-known/mta-sts.txt"
        let webrootPath = plan.webroot.map { ($0.hasSuffix("/") ? String($0.dropLast()) : $0) + "/\(domain)/.well-known/mta-sts.txt" }
        var tlsrpt: String?
        if report?.tlsrptRecord == nil {
            tlsrpt = "_smtp._tls.\(domain). \(zoneTTL) IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@\(domain)\""
        }
        if plan.target == .removed {
            return PublicationInstructions(
                policyURL: url, policyText: "", zoneLine: nil, tlsrptLine: nil, webrootPath: webrootPath,
                steps: [
                    "Delete the TXT record _mta-sts.\(domain).",
                    "Then stop serving \(url) (delete the file, or answer 404).",
                    "Keep the _smtp._tls record if you still want TLS reports.",
                ])
        }
        let zone = "_mta-sts.\(domain). \(zoneTTL) IN TXT \"\(plan.record.text)\""
        var steps = ["Serve the policy file below at \(url) (HTTPS, status 200, Content-Type: text/plain)."]
        if let webrootPath { steps[0] += " It can be written to \(webrootPath)." }
        if let hostedSince { steps[0] = "Done: mtasts serve hosts the policy file below at \(url) (since \(hostedSince.rolloutText))." }
        steps.append("Then publish the TXT record: \(zone)")
        if let tlsrpt { steps.append("Add the TLS-RPT record so senders report failures: \(tlsrpt)") }
        steps.append("Say it is published (p then P in the panel, or `mtasts published \(domain)`); the tool re-checks until it matches.")
        return PublicationInstructions(
            policyURL: url, policyText: plan.policyText, zoneLine: zone, tlsrptLine: tlsrpt, webrootPath: webrootPath, steps: steps)
    }
}

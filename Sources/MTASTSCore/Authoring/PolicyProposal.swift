import Foundation

/// What the operator should publish for a domain: the policy file and the `_mta-sts` record.
public struct PolicyProposal: Codable, Sendable, Hashable {
    public var domain: String?
    public var policy: STSPolicy
    /// The policy file content (CRLF line endings, as in the RFC's examples).
    public var policyText: String
    public var record: STSRecord
    /// Where the file must be served (RFC 8461 §3.3), when the domain is known.
    public var policyURL: String?
    /// The TXT record as a zone-file line, when the domain is known.
    public var zoneLine: String?
    /// Problems found while proposing (null MX, no MX, invalid host names).
    public var findings: [Finding]
}

/// Proposes a policy from an MX RRset and a target mode (RFC 8461 §3.1, §3.2).
public enum PolicyAuthor {
    /// One day while testing: mistakes are corrected quickly.
    public static let testingMaxAge = 86_400
    /// Two weeks when enforcing: long enough to resist a downgrade at refresh time
    /// (RFC 8461 §3.2 expects "weeks or greater"), short enough to roll back.
    public static let enforceMaxAge = 1_209_600
    /// For `mode: none` (withdrawal, RFC 8461 §8.3) senders need only learn the new mode.
    public static let noneMaxAge = 86_400

    public static func defaultMaxAge(for mode: STSMode) -> Int {
        switch mode {
        case .testing: testingMaxAge
        case .enforce: enforceMaxAge
        case .none: noneMaxAge
        }
    }

    /// Builds the proposal. MX hosts are listed exactly (lower-cased, no trailing dot, in
    /// preference order, duplicates dropped): exact names never cover more than intended.
    public static func propose(
        domain: String? = nil, mx: [MXRecord], mode: STSMode, maxAge: Int? = nil, id: String
    ) -> PolicyProposal {
        var findings: [Finding] = []
        var seen: Set<String> = []
        let hosts = mx.sorted { $0.preference < $1.preference }.filter { !$0.isNull }.map(\.host)
            .filter { seen.insert($0).inserted }
        if mx.contains(where: \.isNull) {
            findings.append(Finding(code: .mxNull, subject: domain ?? "mx", message: "a null MX accepts no mail; there is nothing to protect"))
        }
        if hosts.isEmpty && mode != .none {
            findings.append(Finding(code: .policyMxMissing, subject: domain ?? "mx", message: "no MX host to put in the policy"))
        }
        for host in hosts {
            for problem in MXPattern.problems(host) where problem.severity == .error {
                findings.append(Finding(code: .policyMxInvalid, subject: host, message: problem.message, remedy: problem.remedy))
            }
        }
        let policy = STSPolicy(mode: mode, maxAge: maxAge ?? defaultMaxAge(for: mode), mx: hosts)
        let record = STSRecord(id: id)
        let name = domain.map(MXMatcher.normalize)
        return PolicyProposal(
            domain: name,
            policy: policy,
            policyText: policy.text(terminator: "\r\n"),
            record: record,
            policyURL: name.map { "https://mta-sts.\($0)/.well-known/mta-sts.txt" },
            zoneLine: name.map { "_mta-sts.\($0). 3600 IN TXT \"\(record.text)\"" },
            findings: findings)
    }
}

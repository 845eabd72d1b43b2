/// Folds a flood of findings of one code into a few: a record of 30,000 fields or a policy of
/// 30,000 bad lines is one problem repeated, and the operator needs its first occurrences and
/// a count, not 30,000 entries (RFC 8461 §3.1, §3.2 and RFC 8460 §3 only ask senders to judge
/// the record or policy as a whole).
public enum RepeatedFindings {
    /// How many findings of one code a parser reports one by one before folding the rest.
    public static let keep = 10

    /// The first `keep` findings of every code in their order; the others of the same code
    /// become one finding after them: the worst severity of those folded (so no verdict
    /// changes), the subject of the first, "N more …" as message and the first one's message
    /// as evidence.
    public static func fold(_ findings: [Finding], keep: Int = keep) -> [Finding] {
        var seen: [FindingCode: Int] = [:]
        var folded: [FindingCode: (first: Finding, count: Int, worst: Severity, lastSubject: String)] = [:]
        var order: [FindingCode] = []
        var out: [Finding] = []
        out.reserveCapacity(min(findings.count, 64))
        for finding in findings {
            let count = seen[finding.code, default: 0]
            seen[finding.code] = count + 1
            if count < keep {
                out.append(finding)
                continue
            }
            if var group = folded[finding.code] {
                group.count += 1
                group.worst = max(group.worst, finding.severity)
                group.lastSubject = finding.subject
                folded[finding.code] = group
            } else {
                folded[finding.code] = (finding, 1, finding.severity, finding.subject)
                order.append(finding.code)
            }
        }
        for code in order {
            guard let group = folded[code] else { continue }
            let span = group.count > 1 && group.lastSubject != group.first.subject
                ? "\(group.first.subject) to \(group.lastSubject)" : group.first.subject
            out.append(Finding(
                code: code, severity: group.worst, subject: group.first.subject,
                message: "\(group.count) more finding\(group.count == 1 ? "" : "s") of this kind (\(span)), not listed one by one",
                evidence: "first: " + Evidence.excerpt(group.first.message) + " — " + Evidence.excerpt(group.first.evidence),
                remedy: group.first.remedy, rfc: group.first.rfc))
        }
        return out
    }
}

/// The policy file's content, parsed per RFC 8461 §3.2.
struct PolicyBodyRule: Rule {
    func findings(in context: EvaluationContext) -> [Finding] {
        guard let parsed = context.policy else { return [] }
        let truncated = context.observation.policyFetch?.bodyTruncated ?? false
        // A truncated body is reported once by PolicyFetchRule; the parser's own size finding
        // would repeat it.
        return parsed.findings.filter { !(truncated && $0.code == .policyTooLarge) }
    }
}

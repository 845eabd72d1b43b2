/// Derives the live stage from what senders would get (RFC 8461 §3, §5): no record → `none`;
/// a record senders reject, or a policy they cannot fetch or parse → `broken`; otherwise the
/// policy's mode (`none` → `removing`); `unknown` when the checker's resolver gave no answer
/// for the record or the policy host (the checker's failure, not the domain's).
enum StageDerivation {
    static func stage(in context: EvaluationContext) -> LiveStage {
        let lookup = context.observation.stsTXT
        if lookup.status.isCheckerFailure { return .unknown }
        if !lookup.status.isDefinite { return .broken }
        if context.hasSTSCandidate, context.observation.policyHost?.status.isCheckerFailure == true { return .unknown }
        if !context.hasSTSCandidate {
            // A near-miss record (wrong case, leading space) is an attempt that senders discard.
            return context.sts.findings.contains(.stsRecordInvalid) ? .broken : .none
        }
        guard context.sts.value != nil else { return .broken }
        guard let parsed = context.policy, let policy = parsed.value, parsed.isValid else { return .broken }
        if let fetch = context.observation.policyFetch {
            if fetch.bodyTruncated { return .broken }
            if let tls = fetch.tls, let leaf = tls.leaf {
                if tls.trust?.trusted == false { return .broken }
                if !CertificateNameMatcher.matches(certificate: leaf, host: context.observation.policyHostName) { return .broken }
                if context.now > leaf.notAfter || context.now < leaf.notBefore { return .broken }
            }
            let mediaType = fetch.header("Content-Type").map { String($0.prefix { $0 != ";" }).trimmingWhitespace.lowercased() }
            if mediaType != "text/plain" { return .broken }
        }
        switch policy.mode {
        case .testing: return .testing
        case .enforce: return .enforce
        case .none: return .removing
        }
    }
}

/// The HTTPS exchange for the policy (RFC 8461 §3.3): status 200 only, redirects not
/// followed, `text/plain` (§3.2), a bounded body.
struct PolicyFetchRule: Rule {
    func findings(in context: EvaluationContext) -> [Finding] {
        let o = context.observation
        guard let fetch = o.policyFetch else {
            guard context.hasSTSCandidate, context.sts.value != nil else { return [] }
            return [Finding(code: .policyNotChecked, subject: o.policyURL,
                            message: "the policy file was not fetched, so the stage cannot be confirmed")]
        }
        if o.policyHost.map({ !$0.status.isDefinite || $0.records.isEmpty }) ?? false, fetch.status == nil {
            return []  // PolicyHostRule already explains it.
        }
        var out: [Finding] = []
        if let failure = fetch.failure {
            let isTLS = failure.kind == .tls || failure.stage == .handshake
            // A handshake failure with a recorded chain may be explained by the certificate
            // rules; report the failure itself when they find nothing.
            let explained = isTLS && fetch.tls.map {
                !CertificateChecks.findings(tls: $0, host: o.policyHostName, where: "", now: context.now,
                                            codes: CertificateChecks.policyCodes).isEmpty
            } ?? false
            if !explained {
                out.append(Finding(
                    code: .policyFetchFailed, subject: fetch.url,
                    message: "the fetch failed during \(failure.stage.rawValue): \(failure.kind.rawValue)"
                        + (fetch.status.map { " (after HTTP \($0))" } ?? ""),
                    evidence: failure.message + (fetch.address.map { " (address \($0))" } ?? "")))
            }
            return out.map(context.unlessPublished)
        }
        guard let status = fetch.status else { return [] }
        if (300..<400).contains(status) {
            out.append(Finding(
                code: .policyRedirect, subject: fetch.url,
                message: "HTTP \(status) redirect; senders do not follow redirects and see no policy",
                evidence: "Location: \(fetch.redirectLocation ?? fetch.header("Location") ?? "(none)")"))
        } else if status != 200 {
            out.append(Finding(
                code: .policyHTTPStatus, subject: fetch.url,
                message: "HTTP \(status); senders accept only 200", evidence: "status \(status)"))
        }
        if status == 200 {
            let contentType = fetch.header("Content-Type")
            let mediaType = contentType.map {
                String($0.prefix { $0 != ";" }).trimmingWhitespace.lowercased()
            }
            if mediaType != "text/plain" {
                out.append(Finding(
                    code: .policyContentType, subject: fetch.url,
                    message: contentType == nil
                        ? "no Content-Type; postfix-mta-sts-resolver and other strict senders reject the policy"
                        : "Content-Type is `\(contentType!)`, not `text/plain`; strict senders (postfix-mta-sts-resolver) reject it, others (mox) accept it",
                    evidence: "Content-Type: \(contentType ?? "(absent)")"))
            }
            if fetch.bodyTruncated {
                out.append(Finding(
                    code: .policyTooLarge, subject: fetch.url,
                    message: "the body is larger than the read limit of \(PolicyParser.maxBodySize) bytes; senders give up",
                    evidence: "read \(fetch.body?.count ?? 0) bytes, more were sent"))
            }
        }
        return out.map(context.unlessPublished)
    }
}

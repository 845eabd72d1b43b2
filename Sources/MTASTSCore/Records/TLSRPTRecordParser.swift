/// Judges the `_smtp._tls` TXT RRset the way a report-sending MTA does (RFC 8460 §3).
public enum TLSRPTRecordParser {
    static let version = "v=TLSRPTv1"

    /// RFC 8460 §3: "If multiple TXT records for `_smtp._tls` are returned by the resolver,
    /// records that do not begin with `v=TLSRPTv1;` are discarded. If the number of resulting
    /// records is not one, senders MUST assume the recipient domain does not implement TLSRPT."
    public static func parse(rrset: [TXTRecord], subject: String = "_smtp._tls") -> ParseResult<TLSRPTRecord> {
        var findings: [Finding] = []
        let candidates = rrset.filter { isCandidate($0.text) }
        for record in rrset where !isCandidate(record.text) {
            let folded = record.text.trimmingWhitespace.lowercased()
            if folded.hasPrefix("v=tlsrptv1") {
                findings.append(Finding(
                    code: .tlsrptRecordInvalid, subject: subject,
                    message: "a record looks like a TLS-RPT record but does not begin with exactly `v=TLSRPTv1`; senders discard it",
                    evidence: visible(record.text)))
            }
        }
        switch candidates.count {
        case 0:
            if !findings.contains(.tlsrptRecordInvalid) {
                findings.append(Finding(
                    code: .tlsrptRecordMissing, subject: subject,
                    message: rrset.isEmpty ? "no TXT record at \(subject)" : "no TXT record at \(subject) begins with `v=TLSRPTv1`"))
            }
            return ParseResult(value: nil, findings: findings)
        case 1:
            let single = parseRecord(candidates[0].text, subject: subject)
            return ParseResult(value: single.value, findings: findings + single.findings)
        default:
            findings.append(Finding(
                code: .tlsrptRecordMultiple, subject: subject,
                message: "\(candidates.count) records begin with `v=TLSRPTv1`; senders send no reports",
                evidence: candidates.map { visible($0.text) }.joined(separator: " | ")))
            return ParseResult(value: nil, findings: findings)
        }
    }

    /// Parses one record's text:
    ///
    /// ```
    /// tlsrpt-record = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
    /// field-delim   = *WSP ";" *WSP
    /// tlsrpt-rua    = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
    /// tlsrpt-uri    = URI   ; "mailto:" or "https:"
    /// ```
    /// `rua` is required. URIs with another scheme are unusable; the record stays usable while
    /// at least one URI is.
    public static func parseRecord(_ text: String, subject: String = "_smtp._tls") -> ParseResult<TLSRPTRecord> {
        var findings: [Finding] = []
        guard isCandidate(text) else {
            findings.append(Finding(
                code: .tlsrptRecordInvalid, subject: subject,
                message: "the record does not begin with `v=TLSRPTv1`", evidence: visible(text)))
            return ParseResult(value: nil, findings: findings)
        }
        let split = TagValueRecord(text: text, version: version)
        for problem in split.problems {
            findings.append(Finding(
                code: .tlsrptRecordInvalid, subject: subject,
                message: "outside the record grammar: \(problem.message)", evidence: visible(text)))
        }
        var rua: [String]?
        var extensions: [NameValue] = []
        var seen: Set<String> = []
        for field in split.fields {
            guard seen.insert(field.name).inserted else {
                findings.append(Finding(
                    code: .tlsrptRecordInvalid, severity: .warning, subject: subject,
                    message: "`\(field.name)=` appears more than once; senders may use either",
                    evidence: visible(text)))
                continue
            }
            if field.name == "rua" {
                var usable: [String] = []
                let uris = field.value.split(separator: ",", omittingEmptySubsequences: false)
                    .map { String($0).trimmingWhitespace }
                for uri in uris {
                    if let problem = uriProblem(uri) {
                        findings.append(Finding(
                            code: .tlsrptRecordInvalid, severity: .warning, subject: uri.isEmpty ? subject : uri,
                            message: "report URI is unusable: \(problem)", evidence: visible(field.value)))
                    } else {
                        usable.append(uri)
                    }
                }
                if usable.isEmpty {
                    findings.append(Finding(
                        code: .tlsrptRecordInvalid, subject: subject,
                        message: "`rua` has no usable `mailto:` or `https:` URI; no reports can be sent",
                        evidence: visible(field.value)))
                } else {
                    rua = usable
                }
            } else if !TagValueRecord.isValidExtensionName(field.name) || !TagValueRecord.isValidExtensionValue(field.value) {
                findings.append(Finding(
                    code: .tlsrptRecordInvalid, subject: subject,
                    message: "`\(visible(field.name))=` is outside the field grammar",
                    evidence: visible(field.name + "=" + field.value)))
            } else {
                extensions.append(NameValue(name: field.name, value: field.value))
                let hint = field.name.lowercased() == "rua" ? " (field names are case-sensitive: did you mean `rua`?)" : ""
                findings.append(Finding(
                    code: .tlsrptRecordUnknownField, severity: hint.isEmpty ? .info : .warning, subject: subject,
                    message: "extension field `\(field.name)` is ignored by senders" + hint,
                    evidence: field.name + "=" + field.value))
            }
        }
        if !seen.contains("rua") {
            findings.append(Finding(
                code: .tlsrptRecordInvalid, subject: subject,
                message: "the record has no `rua=` field", evidence: visible(text)))
        }
        let valid = !findings.contains { $0.severity == .error }
        return ParseResult(value: valid ? rua.map { TLSRPTRecord(rua: $0, extensions: extensions) } : nil, findings: findings)
    }

    /// Why a report URI cannot be used, or `nil` when it can (RFC 8460 §3: `mailto:` per
    /// RFC 6068 with an address, or `https:` per RFC 7230 with a host).
    static func uriProblem(_ uri: String) -> String? {
        if uri.isEmpty { return "empty URI (stray comma?)" }
        if uri.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value >= 0x7F }) {
            return "spaces, control or non-ASCII characters must be percent-encoded"
        }
        let lower = uri.lowercased()
        if lower.hasPrefix("mailto:") {
            let address = uri.dropFirst(7).prefix { $0 != "?" }
            let parts = address.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count >= 2, !parts[0].isEmpty, let domain = parts.last, domain.contains("."),
                !domain.hasPrefix("."), !domain.hasSuffix(".")
            else { return "`mailto:` needs an address such as `mailto:tlsrpt@example.com`" }
            return nil
        }
        if lower.hasPrefix("https:") {
            guard lower.hasPrefix("https://") else { return "`https:` URI needs `https://host/path`" }
            let host = lower.dropFirst(8).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            guard !host.isEmpty, !host.hasPrefix(":") else { return "`https:` URI has no host" }
            return nil
        }
        if lower.hasPrefix("http:") { return "plain `http:` is not allowed, only `https:`" }
        let scheme = uri.prefix { $0 != ":" }
        return scheme.count == uri.count
            ? "no URI scheme (write `mailto:\(uri)`?)" : "scheme `\(scheme):` is not `mailto:` or `https:`"
    }

    static func isCandidate(_ text: String) -> Bool {
        guard text.hasPrefix(version) else { return false }
        let next = text.unicodeScalars.dropFirst(version.unicodeScalars.count).first
        return next == nil || next == ";" || next == " " || next == "\t"
    }
}

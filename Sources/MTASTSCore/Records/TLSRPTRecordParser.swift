/// Judges the `_smtp._tls` TXT RRset the way a report-sending MTA does (RFC 8460 §3).
///
/// Every finding here is a warning or information, never an error: TLS-RPT only asks senders
/// for reports, it never changes how mail is delivered, so an unusable record has exactly the
/// effect of no record (`tlsrpt-record.missing`, a warning). Whether senders use the record is
/// carried by the parsed value (`nil` when they discard it), not by a severity.
public enum TLSRPTRecordParser {
    static let version = "v=TLSRPTv1"

    /// RFC 8460 §3: "If multiple TXT records for `_smtp._tls` are returned by the resolver,
    /// records that do not begin with `v=TLSRPTv1;` are discarded. If the number of resulting
    /// records is not one, senders MUST assume the recipient domain does not implement TLSRPT."
    ///
    /// Reading chosen (``RecordVersion``): a candidate begins with `v=TLSRPTv1`, any WSP, then
    /// `;`. Everything else is discarded before the candidates are counted, so a bare
    /// `v=TLSRPTv1` beside a valid record leaves one record; such a near miss still gets
    /// `tlsrpt-record.invalid` saying why senders discard it.
    public static func parse(rrset: [TXTRecord], subject: String = "_smtp._tls") -> ParseResult<TLSRPTRecord> {
        var findings: [Finding] = []
        let candidates = rrset.filter { isCandidate($0.text) }
        for record in rrset where RecordVersion.isNearMiss(record.text, of: version) {
            findings.append(Finding(
                code: .tlsrptRecordInvalid, severity: .warning, subject: subject,
                message: "a record looks like a TLS-RPT record but does not begin with `v=TLSRPTv1;` ("
                    + RecordVersion.nearMissReason(record.text, of: version) + "); senders discard it"
                    + (candidates.isEmpty ? " and send no reports" : " and use the other record"),
                evidence: visible(record.text),
                remedy: candidates.isEmpty
                    ? "Write it as `v=TLSRPTv1; rua=mailto:<address>` with no leading space and this exact case."
                    : "Delete this record; the valid `v=TLSRPTv1` record beside it is the one senders use."))
        }
        switch candidates.count {
        case 0:
            if !findings.contains(.tlsrptRecordInvalid) {
                findings.append(Finding(
                    code: .tlsrptRecordMissing, subject: subject,
                    message: rrset.isEmpty ? "no TXT record at \(subject)" : "no TXT record at \(subject) begins with `v=TLSRPTv1;`"))
            }
            return ParseResult(value: nil, findings: RepeatedFindings.fold(findings))
        case 1:
            let single = parseRecord(candidates[0].text, subject: subject)
            return ParseResult(value: single.value, findings: RepeatedFindings.fold(findings) + single.findings)
        default:
            findings.append(Finding(
                code: .tlsrptRecordMultiple, severity: .warning, subject: subject,
                message: "\(candidates.count) records begin with `v=TLSRPTv1;`; senders send no reports",
                evidence: candidates.prefix(8).map { visible($0.text, limit: 120) }.joined(separator: " | ")
                    + (candidates.count > 8 ? " | … \(candidates.count - 8) more records" : "")))
            return ParseResult(value: nil, findings: RepeatedFindings.fold(findings))
        }
    }

    /// Parses one record's text:
    ///
    /// ```
    /// tlsrpt-record = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
    /// field-delim   = *WSP ";" *WSP
    /// tlsrpt-rua    = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
    /// tlsrpt-uri    = URI   ; "mailto:" or "https:"; `,` and `!` percent-encoded
    /// ```
    /// `rua` is required. A URI outside the URI grammar or with another scheme is unusable
    /// (``TLSRPTReportURI``); the record stays usable while at least one URI is. A record outside
    /// the record grammar is discarded (value `nil`), with a warning.
    public static func parseRecord(_ text: String, subject: String = "_smtp._tls") -> ParseResult<TLSRPTRecord> {
        var findings: [Finding] = []
        var discarded = false
        /// A warning that makes senders discard the whole record.
        func discard(_ message: String, evidence: String, remedy: String? = nil) {
            discarded = true
            findings.append(Finding(
                code: .tlsrptRecordInvalid, severity: .warning, subject: subject, message: message,
                evidence: evidence, remedy: remedy))
        }
        guard isCandidate(text) else {
            discard("the record does not begin with `v=TLSRPTv1;` ("
                + RecordVersion.nearMissReason(text, of: version) + "); senders discard it and send no reports",
                evidence: visible(text))
            return ParseResult(value: nil, findings: findings)
        }
        let split = TagValueRecord(text: text, version: version)
        for problem in split.problems {
            let looksLikeURI = problem.message == "field without `=`"
                && problem.fragment.contains { $0 == "@" || $0 == "/" || $0 == ":" }
            discard(
                "outside the record grammar: \(problem.message)", evidence: visible(text),
                remedy: looksLikeURI
                    ? "`\(visible(problem.fragment))` looks like part of a URI: a `;` inside a URI must be written `%3B`, and several URIs are separated by `,`, not `;`."
                    : nil)
        }
        var rua: [String]?
        var extensions: [NameValue] = []
        var seen: Set<String> = []
        var repeats = RepeatedFields()
        for field in split.fields {
            guard seen.insert(field.name).inserted else {
                repeats.add(field.name, differs: true)
                continue
            }
            if field.name == "rua" {
                var usable: [String] = []
                let ruaEvidence = visible("rua=" + field.value)  // once: there may be thousands of URIs
                let pieces = field.value.split(separator: ",", omittingEmptySubsequences: false)
                for (index, piece) in pieces.enumerated() {
                    let (uri, problem) = TLSRPTReportURI.judge(piece, first: index == 0)
                    if let problem {
                        findings.append(Finding(
                            code: .tlsrptRecordInvalid, severity: .warning, subject: uri.isEmpty ? subject : visible(uri),
                            message: "report URI is unusable: \(problem.message)", evidence: ruaEvidence,
                            remedy: problem.remedy))
                    } else {
                        usable.append(uri)
                    }
                }
                if usable.isEmpty {
                    discard(
                        "`rua` has no usable `mailto:` or `https:` URI; senders send no reports",
                        evidence: ruaEvidence,
                        remedy: "Publish `v=TLSRPTv1; rua=mailto:<address>` (or an `https:` URI); separate several URIs with commas.")
                } else {
                    rua = usable
                }
            } else if !TagValueRecord.isValidExtensionName(field.name) || !TagValueRecord.isValidExtensionValue(field.value) {
                discard(
                    "`\(visible(field.name))=` is outside the field grammar",
                    evidence: visible(field.name + "=" + field.value))
            } else {
                extensions.append(NameValue(name: field.name, value: field.value))
                let hint = field.name.lowercased() == "rua" ? " (field names are case-sensitive: did you mean `rua`?)" : ""
                findings.append(Finding(
                    code: .tlsrptRecordUnknownField, severity: hint.isEmpty ? .info : .warning, subject: subject,
                    message: "extension field `\(field.name)` is ignored by senders" + hint,
                    evidence: visible(field.name + "=" + field.value)))
            }
        }
        // A flood of one kind is folded after the first few; then one finding per repeated
        // name, with its count (not one per repeat quoting the record).
        findings = RepeatedFindings.fold(findings)
        findings += RepeatedFindings.fold(repeats.groups(first: ["rua"]).map { group in
            Finding(
                code: .tlsrptRecordInvalid, severity: .warning, subject: subject,
                message: "`\(visible(group.name, limit: 64))=` appears \(group.count) times; senders may use any of them",
                evidence: visible(text))
        })
        if !seen.contains("rua") {
            discard("the record has no `rua=` field; senders send no reports", evidence: visible(text))
        }
        let value = discarded ? nil : rua.map { TLSRPTRecord(rua: $0, extensions: extensions) }
        return ParseResult(value: value, findings: findings)
    }

    /// Begins with `v=TLSRPTv1`, `*WSP`, `;`: the records senders keep and count (RFC 8460 §3).
    static func isCandidate(_ text: String) -> Bool { RecordVersion.begins(text, with: version) }
}

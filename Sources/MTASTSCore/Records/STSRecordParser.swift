/// Judges the `_mta-sts` TXT RRset the way a sending MTA does (RFC 8461 §3.1).
public enum STSRecordParser {
    static let version = "v=STSv1"

    /// Parses the whole RRset at `_mta-sts.<domain>`.
    ///
    /// RFC 8461 §3.1: "If multiple TXT records for `_mta-sts` are returned by the resolver,
    /// records that do not begin with `v=STSv1;` are discarded. If the number of resulting
    /// records is not one, or if the resulting record is syntactically invalid, senders MUST
    /// assume the recipient domain does not have an available MTA-STS Policy."
    ///
    /// Reading chosen (``RecordVersion``): a record is a candidate when it begins with `v=STSv1`,
    /// any WSP, then `;` (the ABNF allows `*WSP` before `;`, RFC errata 6285). Everything else is
    /// discarded *before* the candidates are counted: a bare `v=STSv1`, or `v=STSv1` followed by
    /// anything but `;`, beside a valid record leaves one record, not several. Such a near miss
    /// still gets `sts-record.invalid`: an error when it is the only attempt at a record (senders
    /// see no policy), a warning beside a valid record (senders ignore it).
    public static func parse(rrset: [TXTRecord], subject: String = "_mta-sts") -> ParseResult<STSRecord> {
        var findings: [Finding] = []
        var candidates: [TXTRecord] = []
        let validCandidateExists = rrset.contains { isCandidate($0.text) }
        for record in rrset {
            let text = record.text
            if isCandidate(text) {
                candidates.append(record)
            } else if looksLikeSTS(text) {
                // Senders discard it; alone it means "no policy", beside a valid record it is noise.
                findings.append(Finding(
                    code: .stsRecordInvalid, severity: validCandidateExists ? .warning : .error, subject: subject,
                    message: "a record looks like an MTA-STS record but does not begin with `v=STSv1;` ("
                        + RecordVersion.nearMissReason(text, of: version) + "); senders discard it"
                        + (validCandidateExists ? " and use the other record" : ""),
                    evidence: visible(text),
                    remedy: validCandidateExists
                        ? "Delete this record; the valid `v=STSv1` record beside it is the one senders use."
                        : "Write it as `v=STSv1; id=<id>` with no leading space and this exact case."))
            } else {
                findings.append(Finding(
                    code: .stsRecordIgnored, subject: subject,
                    message: "a TXT record that does not begin with `v=STSv1;` is ignored",
                    evidence: visible(text)))
            }
        }
        switch candidates.count {
        case 0:
            if !findings.contains(.stsRecordInvalid) {
                findings.append(Finding(
                    code: .stsRecordMissing, subject: subject,
                    message: rrset.isEmpty ? "no TXT record at \(subject)" : "no TXT record at \(subject) begins with `v=STSv1;`"))
            }
            return ParseResult(value: nil, findings: RepeatedFindings.fold(findings))
        case 1:
            let single = parseRecord(candidates[0].text, subject: subject)
            return ParseResult(value: single.value, findings: RepeatedFindings.fold(findings) + single.findings)
        default:
            findings.append(Finding(
                code: .stsRecordMultiple, subject: subject,
                message: "\(candidates.count) records begin with `v=STSv1;`; senders assume there is no policy",
                evidence: candidates.prefix(8).map { visible($0.text, limit: 120) }.joined(separator: " | ")
                    + (candidates.count > 8 ? " | … \(candidates.count - 8) more records" : "")))
            return ParseResult(value: nil, findings: RepeatedFindings.fold(findings))
        }
    }

    /// Parses one record's text (already concatenated):
    ///
    /// ```
    /// sts-text-record = sts-version 1*(sts-field-delim sts-field) [sts-field-delim]
    /// sts-field-delim = *WSP ";" *WSP
    /// sts-id          = %s"id=" 1*32(ALPHA / DIGIT)
    /// ```
    /// `id` is required; extension fields are ignored by senders; "If any field is duplicated,
    /// all entries except for the first SHALL be ignored" (RFC 8461 §3.2, applied to the record
    /// the same way).
    public static func parseRecord(_ text: String, subject: String = "_mta-sts") -> ParseResult<STSRecord> {
        var findings: [Finding] = []
        guard isCandidate(text) else {
            findings.append(Finding(
                code: .stsRecordInvalid, subject: subject,
                message: "the record does not begin with `v=STSv1;` ("
                    + RecordVersion.nearMissReason(text, of: version) + "); senders discard it",
                evidence: visible(text)))
            return ParseResult(value: nil, findings: findings)
        }
        let split = TagValueRecord(text: text, version: version)
        for problem in split.problems {
            findings.append(Finding(
                code: .stsRecordInvalid, subject: subject,
                message: "outside the record grammar: \(problem.message)",
                evidence: visible(text)))
        }
        var id: String?
        var extensions: [NameValue] = []
        var seen: [String: String] = [:]
        var repeats = RepeatedFields()
        for field in split.fields {
            if let first = seen[field.name] {
                repeats.add(field.name, differs: first != field.value)
                continue
            }
            seen[field.name] = field.value
            if field.name == "id" {
                if isValidID(field.value) {
                    id = field.value
                } else {
                    findings.append(Finding(
                        code: .stsRecordInvalid, subject: subject,
                        message: "`id` must be 1 to 32 letters or digits, got \(field.value.unicodeScalars.count) characters",
                        evidence: visible("id=" + field.value)))
                }
            } else if !TagValueRecord.isValidExtensionName(field.name) {
                findings.append(Finding(
                    code: .stsRecordInvalid, subject: subject,
                    message: "`\(visible(field.name))` is not a valid field name",
                    evidence: visible(text)))
            } else if !TagValueRecord.isValidExtensionValue(field.value) {
                findings.append(Finding(
                    code: .stsRecordInvalid, subject: subject,
                    message: "the value of `\(field.name)` has characters outside the grammar (spaces, `;`, `=` or non-ASCII)",
                    evidence: visible(field.name + "=" + field.value)))
            } else {
                extensions.append(NameValue(name: field.name, value: field.value))
                let hint = field.name.lowercased() == "id" ? " (field names are case-sensitive: did you mean `id`?)" : ""
                findings.append(Finding(
                    code: .stsRecordUnknownField,
                    severity: hint.isEmpty ? .info : .warning,
                    subject: subject,
                    message: "extension field `\(field.name)` is ignored by senders" + hint,
                    evidence: visible(field.name + "=" + field.value)))
            }
        }
        // A flood of one kind is folded after the first few; then one finding per repeated
        // name, with its count: never one per repeat, each quoting the whole record (a 60 KB
        // record of repeats made that quadratic).
        findings = RepeatedFindings.fold(findings)
        var repeated: [Finding] = []
        for group in repeats.groups(first: ["id"]) {
            let first = seen[group.name] ?? ""
            repeated.append(Finding(
                code: .stsRecordDuplicateField, severity: group.differs && group.name == "id" ? .error : .warning,
                subject: subject,
                message: "`\(visible(group.name, limit: 64))=` appears \(group.count) times; senders use the first (\(visible(first, limit: 64)))"
                    + (group.differs ? " and may disagree" : ""),
                evidence: visible(text)))
        }
        findings += RepeatedFindings.fold(repeated)
        if id == nil && !findings.contains(where: { $0.code == .stsRecordInvalid && $0.message.hasPrefix("`id`") }) {
            findings.append(Finding(
                code: .stsRecordInvalid, subject: subject,
                message: "the record has no `id=` field", evidence: visible(text)))
        }
        let valid = !findings.contains { $0.severity == .error }
        return ParseResult(value: valid ? id.map { STSRecord(id: $0, extensions: extensions) } : nil, findings: findings)
    }

    /// `1*32(ALPHA / DIGIT)` (RFC 8461 §3.1).
    public static func isValidID(_ id: String) -> Bool {
        let scalars = id.unicodeScalars
        return (1...32).contains(scalars.count) && scalars.allSatisfy(\.isASCIIAlphaNumeric)
    }

    /// Begins with `v=STSv1`, `*WSP`, `;`: the records senders keep and count (RFC 8461 §3.1).
    static func isCandidate(_ text: String) -> Bool { RecordVersion.begins(text, with: version) }

    /// Meant as the STS record but discarded by senders: a leading space, another case, the bare
    /// version or the version without its `;`.
    static func looksLikeSTS(_ text: String) -> Bool { RecordVersion.isNearMiss(text, of: version) }
}

/// The documented list of finding codes: usual severity, a title, the usual remedy and the
/// RFC section the rule comes from.
///
/// The README's code table is checked against this list by a test, so adding a code here
/// without documenting it fails the build's tests.
public enum FindingCatalog {
    public struct Entry: Sendable, Hashable {
        public let code: FindingCode
        public let severity: Severity
        public let title: String
        public let remedy: String
        public let rfc: String
    }

    public static func entry(for code: FindingCode) -> Entry? { byCode[code] }

    private static let byCode: [FindingCode: Entry] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.code, $0) })

    private static func e(
        _ code: FindingCode, _ severity: Severity, _ title: String, _ rfc: String, _ remedy: String
    ) -> Entry {
        Entry(code: code, severity: severity, title: title, remedy: remedy, rfc: rfc)
    }

    /// Every code the tool can emit, grouped by area.
    public static let all: [Entry] = [
        // `_mta-sts` TXT record
        e(.stsRecordMissing, .warning, "No `_mta-sts` TXT record starting with `v=STSv1`: senders apply no MTA-STS policy", "RFC 8461 §3.1",
          "Publish `_mta-sts.<domain> TXT \"v=STSv1; id=<new id>\"` once the policy file is served."),
        e(.stsRecordMultiple, .error, "More than one `v=STSv1` record: senders assume no policy", "RFC 8461 §3.1",
          "Keep exactly one `v=STSv1` TXT record at `_mta-sts.<domain>`."),
        e(.stsRecordInvalid, .error, "The `v=STSv1` record is outside the grammar: senders assume no policy", "RFC 8461 §3.1",
          "Publish `v=STSv1; id=<1-32 letters or digits>` exactly."),
        e(.stsRecordLookupFailed, .error, "The `_mta-sts` lookup failed: the resolver answered SERVFAIL (the domain's DNS or DNSSEC fails)", "RFC 8461 §3.1, §5",
          "Fix the authoritative servers (or DNSSEC) for the domain; senders fall back to a cached policy or none."),
        e(.stsRecordUnknownField, .info, "The record carries an extension field senders ignore", "RFC 8461 §3.1",
          "Nothing required; remove it if it is a typo."),
        e(.stsRecordDuplicateField, .warning, "A field appears twice in the record; the first wins", "RFC 8461 §3.1, §3.2",
          "Keep one `id=` (and one of every other field)."),
        e(.stsRecordIgnored, .info, "A TXT record at `_mta-sts` not starting with `v=STSv1` is ignored by senders", "RFC 8461 §3.1",
          "Remove it unless it is there on purpose."),
        // `_smtp._tls` TXT record
        e(.tlsrptRecordMissing, .warning, "No TLS-RPT record: failures during testing and after enforce go unreported", "RFC 8460 §3",
          "Publish `_smtp._tls.<domain> TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@<domain>\"`."),
        e(.tlsrptRecordMultiple, .warning, "More than one `v=TLSRPTv1;` record: senders send no reports (as with no record)", "RFC 8460 §3",
          "Keep exactly one `v=TLSRPTv1` TXT record at `_smtp._tls.<domain>`."),
        e(.tlsrptRecordInvalid, .warning, "The TLS-RPT record is outside the grammar, or a `rua` URI is unusable: senders send no reports there (as with no record)", "RFC 8460 §3",
          "Publish `v=TLSRPTv1; rua=mailto:<address>` (or an `https:` URI); separate several URIs with commas; percent-encode `,` `!` `;` inside a URI."),
        e(.tlsrptRecordLookupFailed, .warning, "The `_smtp._tls` lookup failed temporarily", "RFC 8460 §3",
          "Fix the authoritative servers for the domain."),
        e(.tlsrptRecordUnknownField, .info, "The TLS-RPT record carries an extension field senders ignore", "RFC 8460 §3",
          "Nothing required; remove it if it is a typo."),
        // policy file
        e(.policySyntax, .error, "A line of the policy file is outside the grammar", "RFC 8461 §3.2",
          "Write one `key: value` per line, no leading spaces, no blank lines, UTF-8 without BOM."),
        e(.policyVersion, .error, "`version` is missing or not `STSv1`", "RFC 8461 §3.2", "Start the file with `version: STSv1`."),
        e(.policyMode, .error, "`mode` is missing or not one of `enforce`, `testing`, `none` (case-sensitive)", "RFC 8461 §3.2",
          "Write `mode: testing` (or `enforce`, `none`) in lower case."),
        e(.policyMaxAge, .error, "`max_age` is missing, not a number, or above 31557600", "RFC 8461 §3.2",
          "Write `max_age: <seconds>`, at most 31557600 (one year)."),
        e(.policyMaxAgeShort, .warning, "`max_age` is short for `mode: enforce`: a downgrade attack at refresh time gets easier", "RFC 8461 §3.2, §10.2",
          "Use at least 604800 (one week) for enforce; weeks or more is what the RFC expects."),
        e(.policyMxInvalid, .error, "An `mx` pattern is not a host name or `*.` followed by one", "RFC 8461 §3.2, §4.1",
          "Write host names in ASCII (A-labels), with `*.` only as the whole leftmost label; no IP addresses."),
        e(.policyMxMissing, .error, "No `mx` pattern although the mode is `testing` or `enforce`", "RFC 8461 §3.2",
          "Add one `mx:` line per MX host (or a `*.` pattern covering them)."),
        e(.policyMxUncovered, .error, "An MX host is not matched by any `mx` pattern: senders refuse it under enforce", "RFC 8461 §4.1",
          "Add an `mx:` line for the host (and publish a new `id`)."),
        e(.policyMxUnused, .warning, "An `mx` pattern matches none of the domain's MX hosts", "RFC 8461 §4.1",
          "Remove the stale pattern (with a new `id`), or check it for a typo."),
        e(.policyUnknownField, .info, "The policy has a field senders ignore", "RFC 8461 §3.2",
          "Remove it; if it is a misspelt known field, correct the spelling."),
        e(.policyDuplicateField, .warning, "A single-valued field appears more than once; senders use the first", "RFC 8461 §3.2",
          "Keep one line for `version`, `mode` and `max_age`."),
        e(.policyLineEndings, .info, "The policy mixes LF and CRLF line endings or contains a bare CR", "RFC 8461 §3.2",
          "Use LF or CRLF consistently; never a bare CR."),
        e(.policyTooLarge, .error, "The policy body is larger than 64 KiB; senders stop reading", "RFC 8461 §3.3",
          "Keep the policy file small: a few lines of `mx:` patterns."),
        e(.policyNotChecked, .warning, "The policy file was not fetched in this observation", "RFC 8461 §3.3",
          "Run a live check (`mtasts check`)."),
        // policy host and fetch
        e(.policyHostUnresolvable, .error, "`mta-sts.<domain>` does not resolve", "RFC 8461 §3.3",
          "Publish A/AAAA records (or a CNAME) for `mta-sts.<domain>`."),
        e(.policyFetchFailed, .error, "The policy could not be fetched over HTTPS", "RFC 8461 §3.3",
          "Make `https://mta-sts.<domain>/.well-known/mta-sts.txt` answer quickly on port 443."),
        e(.policyRedirect, .error, "The policy URL answers with a redirect; senders do not follow it", "RFC 8461 §3.3",
          "Serve the file directly at the well-known URL with status 200."),
        e(.policyHTTPStatus, .error, "The policy URL answered with a status other than 200", "RFC 8461 §3.3",
          "Serve the file with status 200."),
        e(.policyContentType, .error, "The policy is not served as `text/plain`; some senders reject it", "RFC 8461 §3.2",
          "Serve `/.well-known/mta-sts.txt` with `Content-Type: text/plain`."),
        e(.policyCertUntrusted, .error, "The policy host's certificate does not chain to a trusted root", "RFC 8461 §3.3",
          "Install a certificate from a public CA, with the full intermediate chain."),
        e(.policyCertNameMismatch, .error, "The policy host's certificate does not name `mta-sts.<domain>`", "RFC 8461 §3.3",
          "Include `mta-sts.<domain>` in the certificate's subjectAltName."),
        e(.policyCertExpired, .error, "The policy host's certificate has expired or is not yet valid", "RFC 8461 §3.3",
          "Renew the certificate."),
        e(.policyCertExpiring, .warning, "The policy host's certificate expires within 14 days", "RFC 8461 §3.3",
          "Renew the certificate (check the automatic renewal)."),
        // MX
        e(.mxNone, .error, "The domain has no MX records", "RFC 8461 §4, RFC 5321 §5.1",
          "Publish MX records; MTA-STS protects delivery to MX hosts only."),
        e(.mxNull, .warning, "The domain publishes a null MX: it accepts no mail, an MTA-STS policy is pointless", "RFC 7505",
          "Remove the MTA-STS records, or publish real MX records."),
        e(.mxLookupFailed, .error, "The MX lookup failed temporarily", "RFC 5321 §5.1", "Fix the authoritative servers for the domain."),
        e(.mxUnresolvable, .error, "An MX host name has no address", "RFC 5321 §5.1",
          "Publish A/AAAA records for the MX host or remove the MX record."),
        e(.mxUnreachable, .error, "An MX host did not accept an SMTP connection or did not greet", "RFC 5321 §3.1",
          "Make the host answer on port 25, or remove its MX record."),
        e(.mxStarttlsMissing, .error, "An MX host does not offer STARTTLS: senders refuse it under enforce", "RFC 8461 §4.2, RFC 3207",
          "Enable STARTTLS on the host with a valid certificate."),
        e(.mxTLSFailed, .error, "The TLS handshake with an MX host failed", "RFC 8461 §4.2",
          "Check the host's TLS configuration (protocols, ciphers, certificate)."),
        e(.mxTLSVersionOld, .warning, "An MX host negotiated TLS older than 1.2", "RFC 8996, RFC 8461 §4.2",
          "Enable TLS 1.2 and 1.3 on the host."),
        e(.mxCertUntrusted, .error, "An MX host's certificate does not chain to a trusted root", "RFC 8461 §4.2",
          "Install a certificate from a public CA with the full intermediate chain."),
        e(.mxCertNameMismatch, .error, "An MX host's certificate does not name the MX host", "RFC 8461 §4.2",
          "Include the MX host name in the certificate's subjectAltName."),
        e(.mxCertExpired, .error, "An MX host's certificate has expired or is not yet valid", "RFC 8461 §4.2",
          "Renew the certificate."),
        e(.mxCertExpiring, .warning, "An MX host's certificate expires within 14 days", "RFC 8461 §4.2",
          "Renew the certificate (check the automatic renewal)."),
        e(.mxNotProbed, .info, "An MX host was not probed over SMTP in this observation", "RFC 8461 §4.2",
          "Run a live check (`mtasts check`)."),
        // TLS-RPT reports received (quirks of the sender's JSON, accepted)
        e(.reportMXHostString, .info, "A report gives `mx-host` as one string instead of an array; read as a list", "RFC 8460 §4.4",
          "Nothing to do: the sender's quirk (the RFC's own example did this before erratum 6241)."),
        e(.reportDateWithoutZone, .warning, "A report's date-time has no time zone; it is read as UTC and may be off by hours", "RFC 8460 §4.4, RFC 3339 §5.6",
          "Nothing to do on your side; times of this sender's reports may be shifted."),
        e(.reportAlternateMemberName, .info, "A report uses the RFC's other spelling of a member (`mx-host-pattern`, `additional-info-uri`)", "RFC 8460 §4.3, §4.4",
          "Nothing to do: both spellings appear in the RFC and both are read."),
        e(.reportUnknownResultType, .warning, "A failure's `result-type` is not one of RFC 8460 §4.3; it is kept as written", "RFC 8460 §4.3",
          "Read the sender's `failure-reason-code` and `additional-information` for what it means."),
        e(.reportUnknownPolicyType, .warning, "A policy's `policy-type` is not `sts`, `tlsa` or `no-policy-found`; it is kept as written", "RFC 8460 §4.4",
          "Nothing to do on your side; the sender's counts are still read."),
        e(.reportNullMember, .info, "An optional member of a report is `null`; read as absent", "RFC 8460 §4.4",
          "Nothing to do: the sender's quirk."),
        e(.reportMissingMember, .warning, "A member the RFC requires (e.g. `contact-info`) is missing from a report; the report is read without it", "RFC 8460 §4.4",
          "Nothing to do on your side; the report is usable."),
        e(.reportDuplicateMember, .warning, "A member name appears twice in one object of a report; the last value is used", "RFC 8460 §4.4, RFC 8259 §4",
          "Check the raw report: readers differ on which value they take."),
        // TLS-RPT reports as real senders write them (issue 10 item 5): kept, with the quirk noted
        e(.reportPolicyDomainMissing, .warning, "A `no-policy-found` policy has no `policy-domain`; the domain is taken from the mail's `TLS-Report-Domain` or the report's other policies", "RFC 8460 §4.4, §5.3",
          "Nothing to do on your side (Postfix's reporter omits it); if the domain stays empty, ingest the report as the mail it came in."),
        e(.reportNotGzip, .info, "A report named `.json.gz` or sent as gzip is plain JSON; read as JSON", "RFC 8460 §5.1, §5.3",
          "Nothing to do: the sender's quirk."),
        e(.reportMediaType, .info, "A report part is typed `application/tlsrpt`, not `application/tlsrpt+json` or `+gzip`; read by its content", "RFC 8460 §5.3",
          "Nothing to do: the sender's quirk."),
        e(.reportInvalidIP, .warning, "A failure's `sending-mta-ip` or `receiving-ip` is not an IPv4 or IPv6 address; kept as written", "RFC 8460 §4.4",
          "Nothing to do on your side; match the failure by the MX host name instead."),
        e(.reportSubmitterMismatch, .info, "The mail's `TLS-Report-Submitter` is not the domain of the report's `contact-info`", "RFC 8460 §5.3",
          "Check who sent the report (DKIM, `From`) before trusting it; many reporters are just configured inconsistently."),
        e(.reportDateRangeReversed, .warning, "A report's `date-range` ends before it starts; read with the two swapped", "RFC 8460 §4.4",
          "Nothing to do on your side; check the raw report if the period looks wrong."),
        e(.reportMisspelledMember, .warning, "A report member name is a near miss of an RFC 8460 name (e.g. `receiving-mx-host-name`); read as that member unless it is also present", "RFC 8460 §4.4",
          "Nothing to do on your side; check the raw report if a value looks misplaced."),
        e(.reportPolicyStringEncoded, .info, "A report's `policy-string` is one string holding a JSON array; decoded into the policy strings", "RFC 8460 §4.4",
          "Nothing to do: the sender's quirk (seen in `tlsa` policies of a large mailbox provider)."),
        // TLS-RPT reports larger than any sender writes (issue 11): read in part, what was left out said
        e(.reportPoliciesCapped, .warning, "A report lists more policies than are read per report (100); the rest are left out of the totals", "RFC 8460 §4.4",
          "Check who sent the report: no sender writes that many policies. The raw report is kept; remove it with `mtasts reports remove` if it is forged."),
        e(.reportFailureDetailsCapped, .warning, "A report has more failure details than are read per report (10000); the rest are not itemised", "RFC 8460 §4.4",
          "The summary counts still hold every failed session; check the raw report, or remove it with `mtasts reports remove` if it is forged."),
        e(.reportResultTypesCapped, .warning, "A report uses more distinct result types than are read per report (32); details of further types are not itemised", "RFC 8460 §4.3",
          "Check who sent the report: RFC 8460 defines 11 result types. Remove it with `mtasts reports remove` if it is forged."),
        e(.reportFindingsCapped, .info, "A report has more than 20 findings of one code; the rest are counted, not listed", "RFC 8460 §4.4",
          "Nothing more to do than for the code it counts; `mtasts reports show` prints the raw report."),
        e(.reportRawNotKept, .info, "A report is over 1 MiB as received; the workspace keeps the normalised report (after the caps) instead of the sender's bytes", "RFC 8460 §4.4",
          "Nothing to do; storage per report stays bounded whatever a sender mails."),
        // TLS-RPT reports during the soak window (enforce gate input)
        e(.reportsSoakFailures, .warning, "Senders reported failed TLS sessions while the domain soaked in `testing`; `enforce` would bounce that mail", "RFC 8460 §4.3, RFC 8461 §5",
          "Open the Reports pane (or `mtasts reports summary DOMAIN`), fix the MX or policy the failures name, then let it soak again."),
        e(.reportsSoakFailureRate, .error, "The failure rate senders reported during the soak window is above the gate's limit", "RFC 8460 §4.3, RFC 8461 §5",
          "Fix what the failure groups point at (certificate, STARTTLS, MX patterns) before enforcing."),
        e(.reportsNoneDuringSoak, .info, "No TLS-RPT report covers the soak window; the gate cannot lean on what senders saw", "RFC 8460 §3, §4",
          "Publish a `_smtp._tls` record and ingest the reports (`mtasts reports ingest`)."),
        // rollout: id discipline over the history, and the gate between stages
        e(.policyIDNotBumped, .error, "The policy body changed but the `_mta-sts` id did not: senders that cached the old policy never re-fetch it", "RFC 8461 §3.1, §5.1",
          "Publish the TXT record with a new `id` (`mtasts plan DOMAIN --to MODE` makes one)."),
        e(.policyIDBumpedUnchanged, .info, "The `_mta-sts` id changed but the policy body is the same; senders re-fetch an identical policy", "RFC 8461 §3.1",
          "Nothing required; change the id only with the policy."),
        e(.rolloutNotLive, .error, "The live stage is not the one this step starts from: the previous step is not published or not verified", "RFC 8461 §5, §8.1",
          "Publish the current plan and let verification see it live (`mtasts published DOMAIN`)."),
        e(.rolloutSoakShort, .warning, "The domain has been live in `testing` for less than the soak period", "RFC 8461 §5, RFC 8460 §4",
          "Wait for the soak period so TLS-RPT reports can show what `enforce` would break."),
        e(.rolloutCachedPolicy, .warning, "Senders keep a cached `enforce` policy until its `max_age` runs out, unless they see the new id and re-fetch", "RFC 8461 §3.3, §5.1",
          "Publish the new policy and the new id together; expect enforcing senders until the old `max_age` has passed."),
        e(.rolloutRemovalWait, .error, "The records are removed before the `max_age` of the previous policy has passed since `mode: none` went live", "RFC 8461 §8.3",
          "Keep `mode: none` and its record published until the earliest removal time."),
        // the checker's own reach: could not check (never the domain's fault; exit 3)
        e(.checkResolverUnreachable, .unknown, "The resolver answered none of the lookups (unreachable, refusing or timing out): nothing is known about the domain", "RFC 8461 §5 (the checker, not the domain)",
          "Check the resolver (`--resolver HOST[:PORT]`, /etc/resolv.conf) from this machine, then check again."),
        e(.checkLookupFailed, .unknown, "The resolver did not answer one lookup in time, refused it or could not be asked: nothing is known about that record", "RFC 8461 §5 (temporary failure)",
          "Check again; if it persists, ask the resolver directly (`dig @resolver NAME TXT`) and raise `--timeout`."),
        e(.checkSMTPBlocked, .unknown, "No MX address of the whole run accepted a connection on the SMTP port while HTTPS worked: outbound port 25 looks blocked from this machine", "RFC 8461 §4.2 (cannot be judged from here)",
          "Run from a host that may connect to port 25 (most cloud VMs may not), or use `--smtp-port` for a lab."),
        // DANE for SMTP (RFC 7672): each MX host as a DANE-validating sender sees it
        e(.daneMismatch, .error, "An MX address presented a certificate no usable TLSA record matches: DANE senders defer mail to it, whatever the MTA-STS mode", "RFC 7672 §3.1",
          "Publish a TLSA record for the key the server presents (`mtasts` shows its SPKI sha256), or present the key the records name."),
        e(.daneTLSAIndeterminate, .error, "The TLSA lookup of an MX host in a signed zone fails (SERVFAIL, often a nameserver refusing TLSA queries): DANE senders must not use the host", "RFC 7672 §2.2",
          "Fix the zone's nameservers (they must answer TLSA queries, NODATA when there is none) or its DNSSEC."),
        e(.daneUnusableOnly, .warning, "The TLSA RRset is DNSSEC-secure but has no record usable for SMTP (usages 0 and 1 are not): TLS is required but not authenticated", "RFC 7672 §3.1.3",
          "Publish `3 1 1` (DANE-EE, SPKI, SHA-256) or `2 1 1` (DANE-TA) records."),
        e(.daneInsecureTLSA, .info, "TLSA records are published in a zone that is not DNSSEC-signed: DANE senders ignore them", "RFC 7672 §2.2",
          "Sign the zone (and the MX host's zone), or remove the records."),
        e(.daneSingleKey, .warning, "The only usable TLSA record pins the current key: the next key change (an ACME renewal with a new key) breaks DANE", "RFC 7671 §8.1",
          "Publish current + next (`3 1 1` for both keys) or current + issuer (`3 1 1` + `2 1 1`) before the renewal."),
        e(.daneFullCertificate, .warning, "A DANE-EE record pins the whole certificate (selector 0): it changes at every renewal", "RFC 7671 §5.1",
          "Use `3 1 1` (the public key) instead of `3 0 1`."),
        e(.daneEmptyDigest, .warning, "A TLSA record holds the SHA-256 or SHA-512 of the empty string: it matches nothing", "RFC 6698 §2.1.3",
          "Recompute the digest from the certificate's public key."),
        // DNSSEC
        e(.dnssecUnsigned, .info, "The lookups were not DNSSEC-authenticated (no AD bit)", "RFC 8461 §10.1, RFC 4035",
          "Optional: sign the zone; MTA-STS does not require DNSSEC."),
    ]
}

extension FindingCode {
    public static let stsRecordMissing: FindingCode = "sts-record.missing"
    public static let stsRecordMultiple: FindingCode = "sts-record.multiple"
    public static let stsRecordInvalid: FindingCode = "sts-record.invalid"
    public static let stsRecordLookupFailed: FindingCode = "sts-record.lookup-failed"
    public static let stsRecordUnknownField: FindingCode = "sts-record.unknown-field"
    public static let stsRecordDuplicateField: FindingCode = "sts-record.duplicate-field"
    public static let stsRecordIgnored: FindingCode = "sts-record.ignored"
    public static let tlsrptRecordMissing: FindingCode = "tlsrpt-record.missing"
    public static let tlsrptRecordMultiple: FindingCode = "tlsrpt-record.multiple"
    public static let tlsrptRecordInvalid: FindingCode = "tlsrpt-record.invalid"
    public static let tlsrptRecordLookupFailed: FindingCode = "tlsrpt-record.lookup-failed"
    public static let tlsrptRecordUnknownField: FindingCode = "tlsrpt-record.unknown-field"
    public static let policySyntax: FindingCode = "policy.syntax"
    public static let policyVersion: FindingCode = "policy.version"
    public static let policyMode: FindingCode = "policy.mode"
    public static let policyMaxAge: FindingCode = "policy.max-age"
    public static let policyMaxAgeShort: FindingCode = "policy.max-age-short"
    public static let policyMxInvalid: FindingCode = "policy.mx-invalid"
    public static let policyMxMissing: FindingCode = "policy.mx-missing"
    public static let policyMxUncovered: FindingCode = "policy.mx-uncovered"
    public static let policyMxUnused: FindingCode = "policy.mx-unused"
    public static let policyUnknownField: FindingCode = "policy.unknown-field"
    public static let policyDuplicateField: FindingCode = "policy.duplicate-field"
    public static let policyLineEndings: FindingCode = "policy.line-endings"
    public static let policyTooLarge: FindingCode = "policy.too-large"
    public static let policyNotChecked: FindingCode = "policy.not-checked"
    public static let policyHostUnresolvable: FindingCode = "policy.host-unresolvable"
    public static let policyFetchFailed: FindingCode = "policy.fetch-failed"
    public static let policyRedirect: FindingCode = "policy.redirect"
    public static let policyHTTPStatus: FindingCode = "policy.http-status"
    public static let policyContentType: FindingCode = "policy.content-type"
    public static let policyCertUntrusted: FindingCode = "policy-cert.untrusted"
    public static let policyCertNameMismatch: FindingCode = "policy-cert.name-mismatch"
    public static let policyCertExpired: FindingCode = "policy-cert.expired"
    public static let policyCertExpiring: FindingCode = "policy-cert.expiring"
    public static let mxNone: FindingCode = "mx.none"
    public static let mxNull: FindingCode = "mx.null"
    public static let mxLookupFailed: FindingCode = "mx.lookup-failed"
    public static let mxUnresolvable: FindingCode = "mx.unresolvable"
    public static let mxUnreachable: FindingCode = "mx.unreachable"
    public static let mxStarttlsMissing: FindingCode = "mx.starttls-missing"
    public static let mxTLSFailed: FindingCode = "mx.tls-failed"
    public static let mxTLSVersionOld: FindingCode = "mx.tls-version-old"
    public static let mxCertUntrusted: FindingCode = "mx-cert.untrusted"
    public static let mxCertNameMismatch: FindingCode = "mx-cert.name-mismatch"
    public static let mxCertExpired: FindingCode = "mx-cert.expired"
    public static let mxCertExpiring: FindingCode = "mx-cert.expiring"
    public static let mxNotProbed: FindingCode = "mx.not-probed"
    public static let dnssecUnsigned: FindingCode = "dnssec.unsigned"
    public static let reportMXHostString: FindingCode = "report.mx-host-string"
    public static let reportDateWithoutZone: FindingCode = "report.date-without-zone"
    public static let reportAlternateMemberName: FindingCode = "report.alternate-member-name"
    public static let reportUnknownResultType: FindingCode = "report.unknown-result-type"
    public static let reportUnknownPolicyType: FindingCode = "report.unknown-policy-type"
    public static let reportNullMember: FindingCode = "report.null-member"
    public static let reportMissingMember: FindingCode = "report.missing-member"
    public static let reportDuplicateMember: FindingCode = "report.duplicate-member"
    public static let reportsSoakFailures: FindingCode = "reports.soak-failures"
    public static let reportsSoakFailureRate: FindingCode = "reports.soak-failure-rate"
    public static let reportsNoneDuringSoak: FindingCode = "reports.none-during-soak"
}

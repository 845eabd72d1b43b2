import Testing
@testable import MTASTSCore

/// Finding codes are public interface: documented, stable, unique.
@Suite("Finding catalog")
struct FindingCatalogTests {
    /// Every code the checks must be able to emit.
    static let required: [FindingCode] = [
        "sts-record.missing", "sts-record.multiple", "sts-record.invalid",
        "tlsrpt-record.missing", "tlsrpt-record.multiple", "tlsrpt-record.invalid",
        "policy.syntax", "policy.version", "policy.mode", "policy.max-age", "policy.max-age-short",
        "policy.mx-invalid", "policy.mx-missing", "policy.mx-uncovered", "policy.mx-unused",
        "policy.unknown-field", "policy.duplicate-field", "policy.line-endings", "policy.too-large",
        "policy.host-unresolvable", "policy.fetch-failed", "policy.redirect", "policy.http-status", "policy.content-type",
        "policy-cert.untrusted", "policy-cert.name-mismatch", "policy-cert.expired", "policy-cert.expiring",
        "mx.none", "mx.null", "mx.unreachable", "mx.starttls-missing", "mx.tls-failed",
        "mx-cert.untrusted", "mx-cert.name-mismatch", "mx-cert.expired", "mx-cert.expiring",
        "mx.tls-version-old", "dnssec.unsigned",
    ]

    /// Every `FindingCode` constant declared in the core, spelled out so a rename shows up here.
    static let constants: [FindingCode] = [
        .stsRecordMissing, .stsRecordMultiple, .stsRecordInvalid, .stsRecordLookupFailed, .stsRecordUnknownField,
        .stsRecordDuplicateField, .stsRecordIgnored, .tlsrptRecordMissing, .tlsrptRecordMultiple, .tlsrptRecordInvalid,
        .tlsrptRecordLookupFailed, .tlsrptRecordUnknownField, .policySyntax, .policyVersion, .policyMode, .policyMaxAge,
        .policyMaxAgeShort, .policyMxInvalid, .policyMxMissing, .policyMxUncovered, .policyMxUnused, .policyUnknownField,
        .policyDuplicateField, .policyLineEndings, .policyTooLarge, .policyNotChecked, .policyHostUnresolvable,
        .policyFetchFailed, .policyRedirect, .policyHTTPStatus, .policyContentType, .policyCertUntrusted,
        .policyCertNameMismatch, .policyCertExpired, .policyCertExpiring, .mxNone, .mxNull, .mxLookupFailed,
        .mxUnresolvable, .mxUnreachable, .mxStarttlsMissing, .mxTLSFailed, .mxTLSVersionOld, .mxCertUntrusted,
        .mxCertNameMismatch, .mxCertExpired, .mxCertExpiring, .mxNotProbed, .dnssecUnsigned,
        .reportMXHostString, .reportDateWithoutZone, .reportAlternateMemberName, .reportUnknownResultType,
        .reportUnknownPolicyType, .reportNullMember, .reportMissingMember, .reportDuplicateMember,
        .reportPolicyDomainMissing, .reportNotGzip, .reportMediaType, .reportInvalidIP, .reportSubmitterMismatch,
        .reportDateRangeReversed, .reportMisspelledMember, .reportPolicyStringEncoded,
        .reportPoliciesCapped, .reportFailureDetailsCapped, .reportResultTypesCapped, .reportFindingsCapped, .reportRawNotKept,
        .reportsSoakFailures, .reportsSoakFailureRate, .reportsNoneDuringSoak,
        .policyIDNotBumped, .policyIDBumpedUnchanged, .rolloutNotLive, .rolloutSoakShort, .rolloutCachedPolicy,
        .rolloutRemovalWait, .checkResolverUnreachable, .checkLookupFailed, .checkSMTPBlocked,
        .daneMismatch, .daneTLSAIndeterminate, .daneUnusableOnly, .daneInsecureTLSA, .daneSingleKey, .daneFullCertificate, .daneEmptyDigest,
    ]

    @Test("codes are unique")
    func unique() {
        let codes = FindingCatalog.all.map(\.code)
        #expect(Set(codes).count == codes.count)
    }

    @Test("every required code is in the catalog", arguments: required)
    func requiredPresent(_ code: FindingCode) {
        #expect(FindingCatalog.entry(for: code) != nil)
    }

    @Test("the catalog holds exactly the declared constants")
    func catalogMatchesConstants() {
        #expect(Set(FindingCatalog.all.map(\.code)) == Set(Self.constants))
        #expect(Set(Self.constants).count == Self.constants.count)
    }

    @Test("codes are dotted lower case: area.name, letters, digits and hyphens", arguments: FindingCatalog.all.map(\.code))
    func shape(_ code: FindingCode) {
        let parts = code.rawValue.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 2, "one dot")
        for part in parts {
            #expect(!part.isEmpty)
            #expect(part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
            #expect(part.first != "-" && part.last != "-")
        }
        #expect(code.area == String(parts[0]))
    }

    @Test("every entry has a title, a remedy and an RFC reference", arguments: FindingCatalog.all)
    func entryComplete(_ entry: FindingCatalog.Entry) {
        #expect(!entry.title.isEmpty)
        #expect(!entry.remedy.isEmpty)
        #expect(entry.rfc.hasPrefix("RFC "))
    }

    @Test("a Finding takes the catalog's severity, remedy and RFC unless given")
    func findingDefaults() throws {
        let entry = try #require(FindingCatalog.entry(for: .mxCertExpiring))
        let finding = Finding(code: .mxCertExpiring, subject: "mx", message: "m")
        #expect(finding.severity == entry.severity)
        #expect(finding.remedy == entry.remedy)
        #expect(finding.rfc == entry.rfc)
        let overridden = Finding(code: .mxCertExpiring, severity: .info, subject: "mx", message: "m", remedy: "r", rfc: "RFC 1")
        #expect(overridden.severity == .info)
        #expect(overridden.remedy == "r")
        #expect(overridden.rfc == "RFC 1")
    }

    @Test("an unknown code defaults to error with no remedy")
    func unknownCode() {
        let finding = Finding(code: "made.up", subject: "s", message: "m")
        #expect(finding.severity == .error)
        #expect(finding.remedy == "")
    }

    @Test("usual severities of the codes that gate enforce", arguments: [
        (FindingCode.stsRecordMultiple, Severity.error), (.stsRecordInvalid, .error), (.stsRecordMissing, .warning),
        (.policyMxUncovered, .error), (.policyMxUnused, .warning), (.policyMaxAgeShort, .warning),
        (.mxCertExpired, .error), (.mxCertExpiring, .warning), (.mxTLSVersionOld, .warning), (.dnssecUnsigned, .info),
        (.policyLineEndings, .info), (.mxNull, .warning),
    ])
    func severities(_ code: FindingCode, _ severity: Severity) {
        #expect(FindingCatalog.entry(for: code)?.severity == severity)
    }

    @Test("every code belongs to a pane", arguments: [
        (FindingCode.stsRecordMissing, FindingGroup.dns), (.tlsrptRecordInvalid, .dns), (.dnssecUnsigned, .dns),
        (.mxNone, .dns), (.mxNull, .dns), (.mxLookupFailed, .dns), (.mxUnresolvable, .dns),
        (.policyMxUncovered, .policy), (.policyFetchFailed, .policy),
        (.policyCertExpired, .certificates), (.mxCertNameMismatch, .certificates),
        (.mxStarttlsMissing, .mx), (.mxTLSVersionOld, .mx), (.mxUnreachable, .mx),
    ])
    func group(_ code: FindingCode, _ group: FindingGroup) {
        #expect(code.group == group)
    }

    @Test("severity order and worstSeverity / bySeverity")
    func severityOrder() {
        #expect(Severity.info < .warning && Severity.warning < .error)
        let findings = [
            Finding(code: .dnssecUnsigned, subject: "a", message: "1"),
            Finding(code: .mxNone, subject: "b", message: "2"),
            Finding(code: .policyMxUnused, subject: "c", message: "3"),
            Finding(code: .mxCertExpired, subject: "d", message: "4"),
        ]
        #expect(findings.worstSeverity == .error)
        #expect([Finding]().worstSeverity == nil)
        #expect(findings.bySeverity.map(\.message) == ["2", "4", "3", "1"], "stable within a level")
    }
}

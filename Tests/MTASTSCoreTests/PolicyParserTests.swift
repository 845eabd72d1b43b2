import Foundation
import Testing
@testable import MTASTSCore

/// Lines joined with LF, with a final LF.
func lf(_ lines: String...) -> String { lines.map { $0 + "\n" }.joined() }

/// The policy file, RFC 8461 §3.2:
///
/// ```
/// sts-policy-record        = sts-policy-field *WSP *(sts-policy-term sts-policy-field *WSP) [sts-policy-term]
/// sts-policy-term          = LF / CRLF
/// sts-policy-field-delim   = ":" *WSP
/// sts-policy-version-value = %s"STSv1"
/// sts-policy-mode-value    = %s"testing" / %s"enforce" / %s"none"
/// sts-policy-mx-value      = ["*."] Domain
/// sts-policy-max-age-value = 1*10(DIGIT)     ; "maximum value of 31557600"
/// sts-policy-ext-name      = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
/// ```
@Suite("Policy parser (RFC 8461 §3.2)")
struct PolicyParserTests {
    static let rfcExample = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmx: backupmx.example.com\r\nmax_age: 604800\r\n"

    @Test("the RFC's example policy")
    func rfcExamplePolicy() throws {
        let result = PolicyParser.parse(Self.rfcExample)
        #expect(result.findings.isEmpty, "\(result.findings.summary)")
        let policy = try #require(result.value)
        #expect(policy == STSPolicy(mode: .enforce, maxAge: 604_800, mx: ["mail.example.com", "*.example.net", "backupmx.example.com"]))
    }

    static let good: [GoodInput<STSPolicy>] = [
        GoodInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: 86400"),
                  STSPolicy(mode: .testing, maxAge: 86_400, mx: ["mail.example.com"]), "LF line endings"),
        GoodInput("version: STSv1\r\nmode: testing\r\nmx: mail.example.com\r\nmax_age: 86400\r\n",
                  STSPolicy(mode: .testing, maxAge: 86_400, mx: ["mail.example.com"]), "CRLF line endings"),
        GoodInput("version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 86400",
                  STSPolicy(mode: .testing, maxAge: 86_400, mx: ["mail.example.com"]), "no final line terminator"),
        GoodInput("version:STSv1\nmode:\ttesting\nmx:  \t *.example.com\nmax_age:86400\n",
                  STSPolicy(mode: .testing, maxAge: 86_400, mx: ["*.example.com"]), "`:` followed by any *WSP, or none"),
        GoodInput("version: STSv1 \nmode: testing\t\nmx: mail.example.com  \nmax_age: 86400 \n",
                  STSPolicy(mode: .testing, maxAge: 86_400, mx: ["mail.example.com"]), "trailing *WSP after a field"),
        GoodInput(lf("mx: mail.example.com", "max_age: 86400", "mode: testing", "version: STSv1"),
                  STSPolicy(mode: .testing, maxAge: 86_400, mx: ["mail.example.com"]), "fields in any order"),
        GoodInput(lf("version: STSv1", "mode: none", "max_age: 86400"),
                  STSPolicy(mode: .none, maxAge: 86_400, mx: []), "mode none needs no mx"),
        GoodInput(lf("version: STSv1", "mode: testing", "mx: MAIL.Example.COM", "max_age: 0"),
                  STSPolicy(mode: .testing, maxAge: 0, mx: ["MAIL.Example.COM"]), "max_age 0, mx kept as written"),
        GoodInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: 31557600"),
                  STSPolicy(mode: .testing, maxAge: 31_557_600, mx: ["mail.example.com"]), "max_age at the maximum"),
        GoodInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: 0000086400"),
                  STSPolicy(mode: .testing, maxAge: 86_400, mx: ["mail.example.com"]), "10 digits with leading zeros"),
        GoodInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: 86400", "more: ext e  ns ion", "note: Grüße"),
                  STSPolicy(mode: .testing, maxAge: 86_400, mx: ["mail.example.com"],
                            extensions: [NameValue(name: "more", value: "ext e  ns ion"), NameValue(name: "note", value: "Grüße")]),
                  "extension values may hold inner spaces and UTF-8"),
        GoodInput(lf("version: STSv1", "mode: testing", "mx: mx-1.example.com", "mx: 1mx.example.com", "max_age: 86400"),
                  STSPolicy(mode: .testing, maxAge: 86_400, mx: ["mx-1.example.com", "1mx.example.com"]), "hyphens and leading digits in labels"),
    ]

    @Test("valid policies parse with no error", arguments: good)
    func validPolicy(_ row: GoodInput<STSPolicy>) throws {
        let result = PolicyParser.parse(row.input)
        #expect(result.findings.errors.isEmpty, "\(result.findings.summary)")
        #expect(result.isValid)
        #expect(try #require(result.value) == row.expected)
    }

    static let long63 = String(repeating: "a", count: 63)

    static let bad: [BadInput] = [
        BadInput("", .policySyntax, "empty body"),
        BadInput("version: STSv1\rmode: testing\rmx: mail.example.com\rmax_age: 86400\r", .policyLineEndings, "CR-only line endings"),
        BadInput(lf("version: STSv1", "mode: testing\rmx: mail.example.com", "max_age: 86400"), .policyLineEndings, "bare CR inside a line"),
        BadInput(lf("version: STSv1", " mode: testing", "mx: mail.example.com", "max_age: 86400"), .policySyntax, "leading space"),
        BadInput(lf("version: STSv1", "\tmode: testing", "mx: mail.example.com", "max_age: 86400"), .policySyntax, "leading tab"),
        BadInput(lf("version: STSv1", "mode : testing", "mx: mail.example.com", "max_age: 86400"), .policySyntax, "space before `:`"),
        BadInput(lf("version: STSv1", "mode testing", "mx: mail.example.com", "max_age: 86400"), .policySyntax, "no `:`"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: 86400", "ext:"), .policySyntax, "empty extension value"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: 86400", "a12345678901234567890123456789012: 1"),
                 .policySyntax, "extension name of 33 characters"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: 86400", "_bad: test"), .policySyntax,
                 "extension name must start with ALPHA / DIGIT"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: 86400", "x-note: a\u{1}b"), .policySyntax,
                 "control character in an extension value"),
        BadInput(lf("mode: testing", "mx: mail.example.com", "max_age: 86400"), .policyVersion, "no version"),
        BadInput(lf("version: STSv2", "mode: testing", "mx: mail.example.com", "max_age: 86400"), .policyVersion, "version STSv2"),
        BadInput(lf("version: STSv10", "mode: testing", "mx: mail.example.com", "max_age: 86400"), .policyVersion, "version STSv10"),
        BadInput(lf("version: stsv1", "mode: testing", "mx: mail.example.com", "max_age: 86400"), .policyVersion, "version is case-sensitive"),
        BadInput(lf("version: STSv1", "mx: mail.example.com", "max_age: 86400"), .policyMode, "no mode"),
        BadInput(lf("version: STSv1", "Mode: testing", "mx: mail.example.com", "max_age: 86400"), .policyMode, "`Mode:` is another field"),
        BadInput(lf("version: STSv1", "mode: Enforce", "mx: mail.example.com", "max_age: 86400"), .policyMode, "mode values are case-sensitive"),
        BadInput(lf("version: STSv1", "mode: TESTING", "mx: mail.example.com", "max_age: 86400"), .policyMode, "upper-case mode"),
        BadInput(lf("version: STSv1", "mode: strict", "mx: mail.example.com", "max_age: 86400"), .policyMode, "unknown mode"),
        BadInput(lf("version: STSv1", "mode:", "mx: mail.example.com", "max_age: 86400"), .policyMode, "empty mode"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com"), .policyMaxAge, "no max_age"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: 9999999999"), .policyMaxAge,
                 "10 digits but above 31557600"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: 31557601"), .policyMaxAge, "one above the maximum"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: 10000000000"), .policyMaxAge, "11 digits"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: 01234567890"), .policyMaxAge,
                 "11 digits with a leading zero"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: +5"), .policyMaxAge, "a sign is not a DIGIT"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: -1"), .policyMaxAge, "negative"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: 86400s"), .policyMaxAge, "a unit"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: 1e5"), .policyMaxAge, "exponent"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: 86 400"), .policyMaxAge, "inner space"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: ٨٦٤٠٠"), .policyMaxAge, "non-ASCII digits"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age:"), .policyMaxAge, "empty max_age"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max-age: 86400"), .policyMaxAge,
                 "`max-age` is another field, so max_age is missing"),
        BadInput(lf("version: STSv1", "mode: testing", "max_age: 86400"), .policyMxMissing, "testing without mx"),
        BadInput(lf("version: STSv1", "mode: enforce", "max_age: 86400"), .policyMxMissing, "enforce without mx"),
        BadInput(lf("version: STSv1", "mode: testing", "nmx: mail.example.com", "max_age: 86400"), .policyMxMissing,
                 "`nmx` is another field, so there is no mx"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: *.*.example.com", "max_age: 86400"), .policyMxInvalid, "two wildcard labels"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: **.example", "max_age: 86400"), .policyMxInvalid, "`**` label"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail*.example.com", "max_age: 86400"), .policyMxInvalid, "partial-label wildcard"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail.*.example.com", "max_age: 86400"), .policyMxInvalid, "wildcard not leftmost"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: *", "max_age: 86400"), .policyMxInvalid, "bare `*`"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: 192.0.2.1", "max_age: 86400"), .policyMxInvalid, "IPv4 address"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: [192.0.2.1]", "max_age: 86400"), .policyMxInvalid, "IPv4 address literal"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: 2001:db8::1", "max_age: 86400"), .policyMxInvalid, "IPv6 address"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: [IPv6:2001:db8::1]", "max_age: 86400"), .policyMxInvalid, "IPv6 address literal"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: bücher.example", "max_age: 86400"), .policyMxInvalid, "U-label"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: -mail.example.com", "max_age: 86400"), .policyMxInvalid, "label starts with `-`"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: test.example-", "max_age: 86400"), .policyMxInvalid, "label ends with `-`"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail_1.example.com", "max_age: 86400"), .policyMxInvalid, "underscore"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail..example.com", "max_age: 86400"), .policyMxInvalid, "empty label"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: .example.com", "max_age: 86400"), .policyMxInvalid, "leading dot"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: mail example.com", "max_age: 86400"), .policyMxInvalid, "inner space"),
        BadInput(lf("version: STSv1", "mode: testing", "mx: \(long63)a.example.com", "max_age: 86400"), .policyMxInvalid, "64-octet label"),
        BadInput(lf("version: STSv1", "mode: testing", "mx:", "max_age: 86400"), .policyMxInvalid, "empty mx"),
        BadInput(lf("version: STSv1", "mode: testing", "mode: enforce", "mx: mail.example.com", "max_age: 86400"),
                 .policyDuplicateField, "mode given twice with different values"),
    ]

    @Test("invalid policies are not valid and carry the expected error", arguments: bad)
    func invalidPolicy(_ row: BadInput) {
        let result = PolicyParser.parse(row.input)
        #expect(!result.isValid)
        #expect(result.findings.with(row.code).contains { $0.severity == .error }, "\(result.findings.summary)")
    }

    @Test("a 64-octet label passes, 63 is the limit")
    func labelLimit() {
        let result = PolicyParser.parse(lf("version: STSv1", "mode: testing", "mx: \(Self.long63).example.com", "max_age: 86400"))
        #expect(result.isValid, "\(result.findings.summary)")
    }

    @Test("an unusable field is reported once, not also as missing")
    func unusableNotMissing() {
        let result = PolicyParser.parse(lf("version: STSv1", "mode: testing", "mx: mail.example.com", "max_age: +5"))
        #expect(result.findings.with(.policyMaxAge).count == 1)
        #expect(result.findings.first?.subject == "line 4")
    }
}

@Suite("Policy parser: line endings, BOM, blank lines, size")
struct PolicyBodyShapeTests {
    static let policy = STSPolicy(mode: .testing, maxAge: 86_400, mx: ["mail.example.com", "*.example.net"])

    @Test("LF, CRLF and mixed endings give the same policy; only mixing is noted", arguments: [
        ("version: STSv1\nmode: testing\nmx: mail.example.com\nmx: *.example.net\nmax_age: 86400\n", false),
        ("version: STSv1\r\nmode: testing\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 86400\r\n", false),
        ("version: STSv1\r\nmode: testing\nmx: mail.example.com\r\nmx: *.example.net\nmax_age: 86400", true),
        ("version: STSv1\r\nmode: testing\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 86400", false),
    ])
    func lineEndings(_ body: String, _ mixed: Bool) throws {
        let result = PolicyParser.parse(body)
        #expect(try #require(result.value) == Self.policy)
        #expect(result.findings.codes == (mixed ? [.policyLineEndings] : []))
        #expect(result.findings.allSatisfy { $0.severity == .info })
    }

    @Test("a UTF-8 BOM is an error, and the rest of the file is still read")
    func byteOrderMark() throws {
        let body = [0xEF, 0xBB, 0xBF] + Array("version: STSv1\nmode: testing\nmx: mail.example.com\nmx: *.example.net\nmax_age: 86400\n".utf8)
        let result = PolicyParser.parse(body)
        #expect(result.findings.codes == [.policySyntax])
        #expect(result.findings.first?.severity == .error)
        #expect(result.findings.first?.subject == "line 1")
        #expect(result.findings.first?.message.contains("byte-order mark") == true)
        #expect(try #require(result.value) == Self.policy)
        #expect(!result.isValid)
    }

    @Test("a BOM in the String form too")
    func byteOrderMarkInText() {
        let result = PolicyParser.parse("\u{FEFF}version: STSv1\nmode: none\nmax_age: 86400\n")
        #expect(result.findings.codes == [.policySyntax])
    }

    @Test("blank lines: an error each (mox rejects the file); the policy is still read for the report", arguments: [
        "version: STSv1\n\nmode: testing\nmx: mail.example.com\nmx: *.example.net\nmax_age: 86400\n",
        "version: STSv1\nmode: testing\nmx: mail.example.com\nmx: *.example.net\nmax_age: 86400\n\n",
        "version: STSv1\r\nmode: testing\r\n   \r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 86400\r\n",
    ])
    func blankLines(_ body: String) throws {
        let result = PolicyParser.parse(body)
        #expect(result.findings.codes == [.policySyntax])
        #expect(result.findings.first?.severity == .error)
        #expect(!result.isValid)
        #expect(try #require(result.value) == Self.policy)
    }

    @Test("a bare CR is an error; the CR stays in the value senders read")
    func bareCR() {
        let result = PolicyParser.parse("version: STSv1\nmode: testing\r\rmx: mail.example.com\nmax_age: 86400\n")
        #expect(result.findings.with(.policyLineEndings).contains { $0.severity == .error && $0.subject == "line 2" })
        #expect(result.value == nil)
    }

    @Test("a CR before the end of an unterminated last line is a bare CR")
    func trailingCR() {
        let result = PolicyParser.parse("version: STSv1\nmode: none\nmax_age: 86400\r")
        #expect(result.findings.with(.policyLineEndings).contains { $0.severity == .error })
    }

    @Test("a line that is not UTF-8 is a syntax error with the line number")
    func invalidUTF8() {
        let body = Array("version: STSv1\nmode: none\n".utf8) + [0x78, 0x3A, 0x20, 0xFF, 0xFE, 0x0A] + Array("max_age: 86400\n".utf8)
        let result = PolicyParser.parse(body)
        #expect(result.findings.with(.policySyntax).map(\.subject) == ["line 3"])
        #expect(!result.isValid)
    }

    @Test("a 70 KiB body is policy.too-large", arguments: [70 * 1024, PolicyParser.maxBodySize + 1])
    func tooLarge(_ size: Int) {
        let head = "version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 86400\nx-pad: "
        let body = head + String(repeating: "a", count: size - head.utf8.count - 1) + "\n"
        #expect(body.utf8.count == size)
        let result = PolicyParser.parse(body)
        #expect(result.findings.with(.policyTooLarge).map(\.severity) == [.error])
        #expect(!result.isValid)
    }

    @Test("exactly 64 KiB is not too large")
    func exactlyLimit() {
        let head = "version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 86400\nx-pad: "
        let body = head + String(repeating: "a", count: PolicyParser.maxBodySize - head.utf8.count - 1) + "\n"
        #expect(body.utf8.count == PolicyParser.maxBodySize)
        #expect(!PolicyParser.parse(body).findings.contains(.policyTooLarge))
    }
}

@Suite("Policy parser: duplicates, typos, modes (RFC 8461 §3.2)")
struct PolicyFieldTests {
    /// RFC 8461 §3.2: "If any non-repeated field -- i.e., all fields excluding "mx" -- is
    /// duplicated, all entries except for the first SHALL be ignored."
    @Test("duplicate fields: the first value wins", arguments: [
        (lf("version: STSv1", "mode: testing", "mode: enforce", "mx: a.example.com", "max_age: 86400"),
         STSPolicy(mode: .testing, maxAge: 86_400, mx: ["a.example.com"]), Severity.error),
        (lf("version: STSv1", "mode: enforce", "mode: testing", "mx: a.example.com", "max_age: 1209600"),
         STSPolicy(mode: .enforce, maxAge: 1_209_600, mx: ["a.example.com"]), Severity.error),
        (lf("version: STSv1", "mode: testing", "mx: a.example.com", "max_age: 86400", "max_age: 1"),
         STSPolicy(mode: .testing, maxAge: 86_400, mx: ["a.example.com"]), Severity.error),
        (lf("version: STSv1", "version: STSv1", "mode: none", "max_age: 86400"),
         STSPolicy(mode: .none, maxAge: 86_400, mx: []), Severity.warning),
        (lf("version: STSv1", "mode: none", "max_age: 86400", "x: 1", "x: 1"),
         STSPolicy(mode: .none, maxAge: 86_400, mx: [], extensions: [NameValue(name: "x", value: "1")]), Severity.warning),
    ])
    func duplicates(_ body: String, _ expected: STSPolicy, _ severity: Severity) throws {
        let result = PolicyParser.parse(body)
        #expect(try #require(result.value) == expected)
        let duplicate = result.findings.with(.policyDuplicateField)
        #expect(duplicate.map(\.severity) == [severity], "\(result.findings.summary)")
    }

    @Test("a repeated mx pattern is listed once, as info")
    func repeatedMX() throws {
        let result = PolicyParser.parse(lf("version: STSv1", "mode: testing", "mx: a.example.com", "mx: A.Example.com.", "max_age: 86400"))
        #expect(try #require(result.value).mx == ["a.example.com"])
        #expect(result.findings.with(.policyDuplicateField).map(\.severity) == [.info])
    }

    @Test("misspelt field names are warned about as the field they fail to set", arguments: [
        ("nmx: mail.example.com", "mx"), ("mxx: mail.example.com", "mx"), ("max-age: 86400", "max_age"),
        ("Max_Age: 86400", "max_age"), ("maxage: 86400", "max_age"), ("Mode: testing", "mode"), ("mdoe: testing", "mode"),
        ("Version: STSv1", "version"),
    ])
    func typos(_ line: String, _ intended: String) {
        let result = PolicyParser.parse(lf("version: STSv1", "mode: testing", "mx: a.example.com", "max_age: 86400", line))
        let typo = result.findings.with(.policyUnknownField)
        #expect(typo.count == 1)
        #expect(typo.first?.severity == .warning)
        #expect(typo.first?.message.contains("misspelt `\(intended)`") == true, "\(typo.summary)")
        #expect(typo.first?.remedy.hasPrefix("Write `\(intended):") == true)
    }

    @Test("an unrelated extension field is info")
    func unrelatedExtension() throws {
        let result = PolicyParser.parse(lf("version: STSv1", "mode: testing", "mx: a.example.com", "max_age: 86400", "contact: admin"))
        #expect(result.findings.codes == [.policyUnknownField])
        #expect(result.findings.first?.severity == .info)
        #expect(try #require(result.value).extensions == [NameValue(name: "contact", value: "admin")])
    }

    @Test("`mode: Enforce` suggests the lower-case value")
    func modeCaseRemedy() {
        let result = PolicyParser.parse(lf("version: STSv1", "mode: Enforce", "mx: a.example.com", "max_age: 86400"))
        let mode = result.findings.with(.policyMode)
        #expect(mode.count == 1)
        #expect(mode.first?.remedy == "Write `mode: enforce`.")
        #expect(mode.first?.subject == "line 2")
    }

    @Test("mode none without mx is valid; testing without mx is policy.mx-missing")
    func modeNoneWithoutMX() {
        let none = PolicyParser.parse(lf("version: STSv1", "mode: none", "max_age: 86400"))
        #expect(none.isValid)
        #expect(none.findings.isEmpty)
        let testing = PolicyParser.parse(lf("version: STSv1", "mode: testing", "max_age: 86400"))
        #expect(testing.value == nil)
        #expect(testing.findings.codes == [.policyMxMissing])
    }

    @Test("enforce with max_age under a week is a warning, not an error", arguments: [(0, true), (604_799, true), (604_800, false)])
    func shortMaxAge(_ maxAge: Int, _ short: Bool) {
        let result = PolicyParser.parse(lf("version: STSv1", "mode: enforce", "mx: a.example.com", "max_age: \(maxAge)"))
        #expect(result.isValid)
        #expect(result.findings.contains(.policyMaxAgeShort) == short)
        #expect(result.findings.with(.policyMaxAgeShort).allSatisfy { $0.severity == .warning })
    }

    @Test("a U-label in mx is an error whose remedy gives the A-label", arguments: [
        ("bücher.example", "xn--bcher-kva.example"),
        ("*.bücher.example", "*.xn--bcher-kva.example"),
        ("mail.BÜCHER.example", "mail.xn--bcher-kva.example"),
    ])
    func uLabel(_ pattern: String, _ aLabel: String) {
        let result = PolicyParser.parse(lf("version: STSv1", "mode: testing", "mx: \(pattern)", "max_age: 86400"))
        let invalid = result.findings.with(.policyMxInvalid)
        #expect(invalid.count == 1)
        #expect(invalid.first?.severity == .error)
        #expect(invalid.first?.remedy.contains("`\(aLabel)`") == true, "\(invalid.first?.remedy ?? "")")
        #expect(result.value == nil)
    }

    @Test("a trailing dot in mx is a warning; the pattern is kept")
    func trailingDot() throws {
        let result = PolicyParser.parse(lf("version: STSv1", "mode: testing", "mx: mail.example.com.", "max_age: 86400"))
        #expect(result.findings.with(.policyMxInvalid).map(\.severity) == [.warning])
        #expect(try #require(result.value).mx == ["mail.example.com."])
    }

    @Test("an invalid mx next to a valid one: the valid one is kept, the policy is not valid")
    func oneInvalidMX() throws {
        let result = PolicyParser.parse(lf("version: STSv1", "mode: testing", "mx: 192.0.2.1", "mx: a.example.com", "max_age: 86400"))
        #expect(try #require(result.value).mx == ["a.example.com"])
        #expect(!result.isValid)
    }

    @Test("the policy text writer puts mx before max_age and ends every line")
    func policyText() {
        let policy = STSPolicy(mode: .enforce, maxAge: 604_800, mx: ["a.example.com", "*.example.net"],
                               extensions: [NameValue(name: "x", value: "1")])
        #expect(policy.text(terminator: "\n") == "version: STSv1\nmode: enforce\nmx: a.example.com\nmx: *.example.net\nmax_age: 604800\nx: 1\n")
        #expect(policy.text() == policy.text(terminator: "\n").replacingOccurrences(of: "\n", with: "\r\n"))
    }
}

@Suite("Policy parser: duplicate extension fields")
struct PolicyDuplicateExtensionTests {
    @Test("a repeated extension field with another value is only a warning: senders ignore extensions")
    func duplicateExtension() {
        let result = PolicyParser.parse("version: STSv1\nmode: none\nmax_age: 86400\nnote: a\nnote: b\n")
        #expect(result.findings.with(.policyDuplicateField).first?.severity == .warning)
        #expect(result.isValid)
    }
}

import Testing
@testable import MTASTSCore

/// The `_smtp._tls` TXT record, RFC 8460 §3:
///
/// ```
/// tlsrpt-record = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
/// field-delim   = *WSP ";" *WSP
/// tlsrpt-rua    = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
/// tlsrpt-uri    = URI   ; "mailto:" (RFC 6068) or "https:" (RFC 7230)
/// ```
@Suite("TLS-RPT record parser (RFC 8460 §3)")
struct TLSRPTRecordParserTests {
    static let good: [GoodInput<[String]>] = [
        GoodInput("v=TLSRPTv1; rua=mailto:tlsrpt@example.com", ["mailto:tlsrpt@example.com"], "the RFC's mailto example"),
        GoodInput("v=TLSRPTv1; rua=https://reporting.example.com/v1/tlsrpt", ["https://reporting.example.com/v1/tlsrpt"], "the RFC's https example"),
        GoodInput("v=TLSRPTv1;rua=mailto:a@example.com", ["mailto:a@example.com"], "no spaces"),
        GoodInput("v=TLSRPTv1 ; rua=mailto:a@example.com;", ["mailto:a@example.com"], "WSP before `;` and a final `;`"),
        GoodInput("v=TLSRPTv1; rua=mailto:a@example.com,https://r.example.net/x",
                  ["mailto:a@example.com", "https://r.example.net/x"], "two URIs"),
        GoodInput("v=TLSRPTv1; rua=mailto:a@example.com , https://r.example.net/x",
                  ["mailto:a@example.com", "https://r.example.net/x"], "two URIs with *WSP around the comma"),
        GoodInput("v=TLSRPTv1; rua=mailto:a@example.com\t,\thttps://r.example.net/x",
                  ["mailto:a@example.com", "https://r.example.net/x"], "tabs around the comma"),
        GoodInput("v=TLSRPTv1; rua=mailto:a@example.com?subject=tlsrpt", ["mailto:a@example.com?subject=tlsrpt"], "mailto with hfields"),
        GoodInput("v=TLSRPTv1; rua=MAILTO:a@example.com", ["MAILTO:a@example.com"], "URI schemes are case-insensitive (RFC 3986 §3.1)"),
        GoodInput("v=TLSRPTv1; rua=https://r.example.net:8443/x?y=1", ["https://r.example.net:8443/x?y=1"], "https with port and query"),
    ]

    @Test("valid records parse with no error", arguments: good)
    func validRecord(_ row: GoodInput<[String]>) throws {
        let result = TLSRPTRecordParser.parseRecord(row.input)
        #expect(result.findings.errors.isEmpty, "\(result.findings.summary)")
        #expect(try #require(result.value).rua == row.expected)
        #expect(result.findings.isEmpty, "\(result.findings.summary)")
    }

    static let bad: [BadInput] = [
        BadInput("v=TLSRPTv1", .tlsrptRecordInvalid, "no field, so no rua"),
        BadInput("v=TLSRPTv1;", .tlsrptRecordInvalid, "no rua"),
        BadInput("v=TLSRPTv1; ext=1", .tlsrptRecordInvalid, "an extension but no rua"),
        BadInput("v=TLSRPTv1; RUA=mailto:a@example.com", .tlsrptRecordInvalid, "`rua=` is case-sensitive"),
        BadInput("v=TLSRPTv1; rua=", .tlsrptRecordInvalid, "empty rua"),
        BadInput("v=TLSRPTv1; rua=mailto:", .tlsrptRecordInvalid, "`mailto:` without an address"),
        BadInput("v=TLSRPTv1; rua=mailto:@example.com", .tlsrptRecordInvalid, "`mailto:` without a local part"),
        BadInput("v=TLSRPTv1; rua=mailto:tlsrpt", .tlsrptRecordInvalid, "`mailto:` without a domain"),
        BadInput("v=TLSRPTv1; rua=http://r.example.net/x", .tlsrptRecordInvalid, "plain `http:` is not allowed"),
        BadInput("v=TLSRPTv1; rua=https://", .tlsrptRecordInvalid, "`https:` without a host"),
        BadInput("v=TLSRPTv1; rua=https:r.example.net", .tlsrptRecordInvalid, "`https:` without `//`"),
        BadInput("v=TLSRPTv1; rua=ftp://r.example.net/x", .tlsrptRecordInvalid, "an unsupported scheme"),
        BadInput("v=TLSRPTv1; rua=tlsrpt@example.com", .tlsrptRecordInvalid, "no scheme"),
        BadInput("v=TLSRPTv1; rua=mailto:a b@example.com", .tlsrptRecordInvalid, "a space must be percent-encoded"),
        BadInput("v=TLSRPTv1; rua=,", .tlsrptRecordInvalid, "only a stray comma"),
        BadInput("v=TLSRPTv1 rua=mailto:a@example.com", .tlsrptRecordInvalid, "no `;` after the version"),
        BadInput("v=TLSRPTv1; rua=mailto:a@example.com ", .tlsrptRecordInvalid, "trailing WSP without a final `;`"),
    ]

    /// TLS-RPT never changes delivery, so a record senders discard is a warning, as a missing
    /// one is (`tlsrpt-record.missing`); the value is `nil` all the same.
    @Test("invalid records give no value and the expected finding, a warning", arguments: bad)
    func invalidRecord(_ row: BadInput) {
        let result = TLSRPTRecordParser.parseRecord(row.input)
        #expect(result.value == nil)
        #expect(!result.isValid)
        #expect(result.findings.contains(row.code), "\(result.findings.summary)")
        #expect(result.findings.errors.isEmpty, "\(result.findings.summary)")
        #expect(result.findings.with(row.code).allSatisfy { $0.severity == .warning })
    }

    @Test("mixed usable and unusable URIs: the usable ones are kept, the others are warnings")
    func mixedURIs() throws {
        let result = TLSRPTRecordParser.parseRecord(
            "v=TLSRPTv1; rua=http://r.example.net/x, mailto:a@example.com, ftp://x.example, https://r.example.net/y")
        #expect(try #require(result.value).rua == ["mailto:a@example.com", "https://r.example.net/y"])
        let warnings = result.findings.with(.tlsrptRecordInvalid)
        #expect(warnings.map(\.severity) == [.warning, .warning])
        #expect(Set(warnings.map(\.subject)) == ["http://r.example.net/x", "ftp://x.example"])
        #expect(warnings.first?.message.contains("http:") == true)
    }

    @Test("a stray comma after a URI is a warning, the URI is kept")
    func strayComma() throws {
        let result = TLSRPTRecordParser.parseRecord("v=TLSRPTv1; rua=mailto:a@example.com,")
        #expect(try #require(result.value).rua == ["mailto:a@example.com"])
        #expect(result.findings.map(\.severity) == [.warning])
    }

    @Test("extension fields are kept and reported as info")
    func extensionField() throws {
        let result = TLSRPTRecordParser.parseRecord("v=TLSRPTv1; rua=mailto:a@example.com; ext=1")
        #expect(try #require(result.value).extensions == [NameValue(name: "ext", value: "1")])
        #expect(result.findings.codes == [.tlsrptRecordUnknownField])
        #expect(result.findings.first?.severity == .info)
    }

    @Test("`RUA=` gets a case hint")
    func ruaCaseHint() {
        let result = TLSRPTRecordParser.parseRecord("v=TLSRPTv1; RUA=mailto:a@example.com")
        let hint = result.findings.with(.tlsrptRecordUnknownField)
        #expect(hint.first?.severity == .warning)
        #expect(hint.first?.message.contains("case-sensitive") == true)
    }

    @Test("the record text of a TLSRPTRecord parses back to it")
    func textRoundTrip() throws {
        let record = TLSRPTRecord(rua: ["mailto:a@example.com", "https://r.example.net/x"])
        #expect(record.text == "v=TLSRPTv1; rua=mailto:a@example.com,https://r.example.net/x")
        #expect(try #require(TLSRPTRecordParser.parseRecord(record.text).value) == record)
    }
}

@Suite("TLS-RPT record set (RFC 8460 §3)")
struct TLSRPTRecordSetTests {
    @Test("split strings are joined without spaces")
    func split() throws {
        let result = TLSRPTRecordParser.parse(rrset: [TXTRecord(strings: ["v=TLSRPTv1; ", "rua=mailto:a@example.com"])])
        #expect(try #require(result.value).rua == ["mailto:a@example.com"])
    }

    @Test("no record: tlsrpt-record.missing, a warning")
    func missing() {
        let result = TLSRPTRecordParser.parse(rrset: [])
        #expect(result.findings.codes == [.tlsrptRecordMissing])
        #expect(result.findings.first?.severity == .warning)
    }

    @Test("other records are discarded silently")
    func others() throws {
        let result = TLSRPTRecordParser.parse(rrset: [TXTRecord("v=spf1 -all"), TXTRecord("v=TLSRPTv1; rua=mailto:a@example.com")])
        #expect(try #require(result.value).rua == ["mailto:a@example.com"])
        #expect(result.findings.isEmpty)
    }

    @Test("two records: tlsrpt-record.multiple, no reports")
    func multiple() {
        let result = TLSRPTRecordParser.parse(rrset: [
            TXTRecord("v=TLSRPTv1; rua=mailto:a@example.com"), TXTRecord("v=TLSRPTv1; rua=mailto:b@example.com"),
        ])
        #expect(result.value == nil)
        #expect(result.findings.with(.tlsrptRecordMultiple).map(\.severity) == [.warning])
    }

    @Test("a near miss is reported as invalid, not missing", arguments: [
        " v=TLSRPTv1; rua=mailto:a@example.com", "V=TLSRPTV1; rua=mailto:a@example.com",
    ])
    func nearMiss(_ text: String) {
        let result = TLSRPTRecordParser.parse(rrset: [TXTRecord(text)])
        #expect(result.value == nil)
        #expect(result.findings.codes == [.tlsrptRecordInvalid])
    }
}

/// RFC 8460 §3: "records that do not begin with `v=TLSRPTv1;` are discarded" before the count.
@Suite("TLS-RPT record set: near misses (RFC 8460 §3)")
struct TLSRPTRecordNearMissTests {
    static let valid = "v=TLSRPTv1; rua=mailto:a@example.com"

    @Test("a stray record that does not begin with `v=TLSRPTv1;` beside a valid one leaves exactly one record", arguments: [
        ("v=TLSRPTv1", "bare `v=TLSRPTv1`"),
        ("v=TLSRPTv1 ", "bare `v=TLSRPTv1`"),
        ("v=TLSRPTv1 rua=mailto:b@example.com", "followed by \"rua=mailto:b"),
        ("v=TLSRPTv1,rua=mailto:b@example.com", "followed by \",rua=mailto:"),
        (" v=TLSRPTv1; rua=mailto:b@example.com", "begins with white space"),
        ("v=tlsrptv1; rua=mailto:b@example.com", "case-sensitive"),
    ])
    func strayVersionBesideValid(_ stray: String, _ reason: String) throws {
        for rrset in [[stray, Self.valid], [Self.valid, stray]] {
            let result = TLSRPTRecordParser.parse(rrset: rrset.map { TXTRecord($0) })
            #expect(try #require(result.value).rua == ["mailto:a@example.com"], "\(result.findings.summary)")
            #expect(!result.findings.contains(.tlsrptRecordMultiple))
            let stray = result.findings.with(.tlsrptRecordInvalid)
            #expect(stray.map(\.severity) == [.warning], "\(result.findings.summary)")
            #expect(stray.first?.message.contains(reason) == true, "\(result.findings.summary)")
            #expect(stray.first?.message.contains("use the other record") == true)
        }
    }

    @Test("a bare `v=TLSRPTv1` alone: no reports, tlsrpt-record.invalid (a warning) and not missing")
    func bareVersionAlone() {
        let result = TLSRPTRecordParser.parse(rrset: [TXTRecord("v=TLSRPTv1")])
        #expect(result.value == nil)
        #expect(result.findings.codes == [.tlsrptRecordInvalid])
        #expect(result.findings.first?.severity == .warning)
        #expect(result.findings.first?.message.contains("send no reports") == true)
    }

    @Test("records that begin with `v=TLSRPTv1;` are counted even when invalid", arguments: ["v=TLSRPTv1;", "v=TLSRPTv1 ; rua="])
    func invalidCandidateIsCounted(_ second: String) {
        let result = TLSRPTRecordParser.parse(rrset: [TXTRecord(Self.valid), TXTRecord(second)])
        #expect(result.value == nil)
        #expect(result.findings.with(.tlsrptRecordMultiple).map(\.severity) == [.warning])
    }

    @Test("isCandidate: `v=TLSRPTv1`, any WSP, `;`", arguments: [
        ("v=TLSRPTv1;", true), ("v=TLSRPTv1 ; rua=x", true), ("v=TLSRPTv1", false), ("v=TLSRPTv1 rua=x", false),
        ("v=TLSRPTv10;", false), ("V=TLSRPTv1;", false),
    ])
    func candidate(_ text: String, _ expected: Bool) {
        #expect(TLSRPTRecordParser.isCandidate(text) == expected)
    }
}

/// RFC 8460 §3: `tlsrpt-uri = URI` (RFC 3986); "commas (ASCII 0x2C) and exclamation points
/// (ASCII 0x21) MUST be encoded"; `rua=` is followed directly by the URI; only `mailto:` and
/// `https:` are used.
@Suite("TLS-RPT report URIs (RFC 8460 §3, RFC 3986)")
struct TLSRPTReportURITests {
    struct Case: Sendable, CustomTestStringConvertible {
        var rua: String
        var message: String
        var remedy: String
        var testDescription: String { rua }
        init(_ rua: String, _ message: String, _ remedy: String) {
            self.rua = rua
            self.message = message
            self.remedy = remedy
        }
    }

    static let unusable: [Case] = [
        Case("<mailto:a@example.com>", "inside `<` `>`", "Write `mailto:a@example.com` without them."),
        Case("\"mailto:a@example.com\"", "inside `\"` `\"`", "Write `mailto:a@example.com` without them."),
        Case(" mailto:a@example.com", "white space between `rua=` and the URI", "Write `rua=mailto:a@example.com`"),
        Case("\tmailto:a@example.com", "white space between `rua=` and the URI", "Write `rua=mailto:a@example.com`"),
        Case("mailto:a@example.com mailto:b@example.com", "separated by white space",
             "Write `rua=mailto:a@example.com,mailto:b@example.com`."),
        Case("mailto:a b@example.com", "white space inside the URI", "Write `mailto:a%20b@example.com`"),
        Case("mailto:a@example.com!10m", "no DMARC-style size limit", "Write `mailto:a@example.com`."),
        Case("mailto:a!b@example.com", "`!` must be percent-encoded", "Write `%21` for each `!`: `mailto:a%21b@example.com`."),
        Case("https://r.example.net/<x>", "`<` is not allowed in a URI", "`%3C`"),
        Case("https://r.example.net/a|b", "`|` is not allowed in a URI", "`%7C`"),
        Case("https://r.example.net/%zz", "`%` must begin a percent-encoding", "`%25`"),
        Case("https://r.example.net/50%", "`%` must begin a percent-encoding", "`%25`"),
        Case("mailto:tlsrpt@bücher.example", "non-ASCII", "Write `mailto:tlsrpt@xn--bcher-kva.example`."),
        Case("https://bücher.example/r", "non-ASCII", "Write `https://xn--bcher-kva.example/r`."),
        Case("tlsrpt@example.com", "no URI scheme", "Write `mailto:tlsrpt@example.com`."),
        Case("1mailto:a@example.com", "no URI scheme", "mailto:"),
        Case("ftp://r.example.net/x", "not `mailto:` or `https:`", "`mailto:` or `https:`"),
        Case("http://r.example.net/x", "plain `http:`", "`https://r.example.net/x`"),
    ]

    @Test("a URI outside the URI grammar or the RFC 8460 rules is unusable: a warning that says what and how to fix it",
          arguments: unusable)
    func unusableURI(_ row: Case) {
        let result = TLSRPTRecordParser.parseRecord("v=TLSRPTv1; rua=" + row.rua)
        #expect(result.value == nil, "\(result.findings.summary)")
        #expect(result.findings.errors.isEmpty)
        let uri = result.findings.with(.tlsrptRecordInvalid).first { $0.message.hasPrefix("report URI is unusable") }
        #expect(uri?.severity == .warning)
        #expect(uri?.message.contains(row.message) == true, "\(result.findings.summary)")
        #expect(uri?.remedy.contains(row.remedy) == true, "\(uri?.remedy ?? "no finding")")
        #expect(result.findings.contains { $0.message.contains("no usable") })
    }

    @Test("beside a usable URI, an unusable one is dropped with a warning and the record stays valid")
    func unusableBesideUsable() throws {
        let result = TLSRPTRecordParser.parseRecord("v=TLSRPTv1; rua=mailto:a@example.com,<https://r.example.net/x>")
        #expect(try #require(result.value).rua == ["mailto:a@example.com"])
        #expect(result.findings.map(\.severity) == [.warning])
        #expect(result.findings.first?.subject == "<https://r.example.net/x>")
    }

    @Test("a comma inside a `mailto:` URI splits it: the second part is a bare address, and the message says why")
    func commaInsideMailto() throws {
        let result = TLSRPTRecordParser.parseRecord("v=TLSRPTv1; rua=mailto:a@example.com,b@example.com")
        #expect(try #require(result.value).rua == ["mailto:a@example.com"])
        let finding = try #require(result.findings.with(.tlsrptRecordInvalid).first)
        #expect(finding.message.contains("commas separate URIs"))
        #expect(finding.remedy == "Write `mailto:b@example.com`.")
    }

    @Test("a `;` inside a URI ends the field: the rest is outside the record grammar, and the fix names `%3B`")
    func semicolonInsideURI() throws {
        let result = TLSRPTRecordParser.parseRecord("v=TLSRPTv1; rua=mailto:a@example.com;mailto:b@example.com")
        #expect(result.value == nil)
        let finding = try #require(result.findings.with(.tlsrptRecordInvalid).first)
        #expect(finding.severity == .warning)
        #expect(finding.remedy.contains("`%3B`"), "\(finding.remedy)")
    }

    @Test("percent-encoded `,` `!` `;` and every RFC 3986 character are usable", arguments: [
        "mailto:a%2Cb@example.com", "mailto:a%21b@example.com", "https://r.example.net/a%3Bb",
        "https://user@r.example.net:8443/a-b._~:@$&'()*+=/?q=1#f", "mailto:a@example.com?subject=a%20b",
    ])
    func usable(_ uri: String) throws {
        let result = TLSRPTRecordParser.parseRecord("v=TLSRPTv1; rua=" + uri)
        #expect(try #require(result.value).rua == [uri], "\(result.findings.summary)")
        #expect(result.findings.isEmpty, "\(result.findings.summary)")
    }
}

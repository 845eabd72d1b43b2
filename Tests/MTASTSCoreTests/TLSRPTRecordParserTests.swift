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

    @Test("invalid records give no value and the expected finding", arguments: bad)
    func invalidRecord(_ row: BadInput) {
        let result = TLSRPTRecordParser.parseRecord(row.input)
        #expect(result.value == nil)
        #expect(result.findings.with(row.code).contains { $0.severity == .error }, "\(result.findings.summary)")
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
        #expect(result.findings.with(.tlsrptRecordMultiple).map(\.severity) == [.error])
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

import Testing
@testable import MTASTSCore

/// The `_mta-sts` TXT record, RFC 8461 §3.1:
///
/// ```
/// sts-text-record = sts-version 1*(sts-field-delim sts-field) [sts-field-delim]
/// sts-field-delim = *WSP ";" *WSP
/// sts-version     = %s"v=STSv1"
/// sts-id          = %s"id=" 1*32(ALPHA / DIGIT)
/// sts-ext-name    = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
/// sts-ext-value   = 1*(%x21-3A / %x3C / %x3E-7E)
/// ```
@Suite("STS record parser (RFC 8461 §3.1)")
struct STSRecordParserTests {
    static let thirtyTwo = String(repeating: "a1", count: 16)

    static let good: [GoodInput<String>] = [
        GoodInput("v=STSv1; id=20160831085700Z;", "20160831085700Z", "the RFC's example"),
        GoodInput("v=STSv1; id=20160831085700Z", "20160831085700Z", "final delimiter is optional"),
        GoodInput("v=STSv1;id=1", "1", "no spaces around `;`"),
        GoodInput("v=STSv1 ; id=1", "1", "*WSP before `;` is in the ABNF (errata 6285)"),
        GoodInput("v=STSv1; \t id=20160831085700Z  \t;", "20160831085700Z", "tabs and spaces in delimiters"),
        GoodInput("v=STSv1; id=1; ", "1", "final delimiter may carry trailing WSP"),
        GoodInput("v=STSv1; id=\(thirtyTwo)", thirtyTwo, "id of 32 characters is the maximum"),
        GoodInput("v=STSv1; id=a; more=a; ext=2", "a", "extension fields are ignored"),
        GoodInput("v=STSv1; ext.name_1-x=!\"#$%&'()*+,-./:<>?@[]^_`{|}~; id=Z", "Z", "extension before id, every allowed value character"),
    ]

    @Test("valid records parse with no error", arguments: good)
    func validRecord(_ row: GoodInput<String>) throws {
        let result = STSRecordParser.parseRecord(row.input)
        #expect(result.findings.errors.isEmpty, "\(result.findings.summary)")
        #expect(result.isValid)
        let record = try #require(result.value)
        #expect(record.id == row.expected)
        #expect(record.version == "STSv1")
    }

    static let bad: [BadInput] = [
        BadInput("v=STSv1", .stsRecordInvalid, "no field at all, so no id"),
        BadInput("v=STSv1;", .stsRecordInvalid, "delimiter but no id"),
        BadInput("v=STSv1; ext=1", .stsRecordInvalid, "extension but no id"),
        BadInput("v=STSv1; id=", .stsRecordInvalid, "empty id"),
        BadInput("v=STSv1; id=\(thirtyTwo)x", .stsRecordInvalid, "id of 33 characters"),
        BadInput("v=STSv1; id=test-123", .stsRecordInvalid, "`-` is not ALPHA / DIGIT"),
        BadInput("v=STSv1; id=2024.01", .stsRecordInvalid, "`.` is not ALPHA / DIGIT"),
        BadInput("v=STSv1; id=über1", .stsRecordInvalid, "non-ASCII letters are not ALPHA"),
        BadInput("v=STSv1; id=abc def", .stsRecordInvalid, "space inside the id"),
        BadInput("v=STSv1; ID=1", .stsRecordInvalid, "`id=` is case-sensitive (%s), so there is no id"),
        BadInput("v=STSv1 id=1", .stsRecordInvalid, "no `;` between version and field"),
        BadInput("v=STSv1; id=1 ", .stsRecordInvalid, "trailing WSP without a final `;` is outside the ABNF"),
        BadInput("v=STSv1; id=1\t", .stsRecordInvalid, "trailing tab without a final `;`"),
        BadInput("v=STSv1 ", .stsRecordInvalid, "version followed by white space only"),
        BadInput("v=STSv1; id=a;;", .stsRecordInvalid, "empty field between two `;`"),
        BadInput("v=STSv1; id=a; more=", .stsRecordInvalid, "empty extension value"),
        BadInput("v=STSv1; id=a; x=a b", .stsRecordInvalid, "space inside an extension value"),
        BadInput("v=STSv1; id=a; test==", .stsRecordInvalid, "`=` inside an extension value"),
        BadInput("v=STSv1; id=a; a12345678901234567890123456789012=1", .stsRecordInvalid, "extension name of 33 characters"),
        BadInput("v=STSv1; id=a; 1%=a", .stsRecordInvalid, "`%` in an extension name"),
        BadInput("v=STSv1; id=a; _x=a", .stsRecordInvalid, "extension name must start with ALPHA / DIGIT"),
        BadInput("v=STSv1; id=a; novalue", .stsRecordInvalid, "field without `=`"),
        BadInput("v=STSv1; id=1\r\n", .stsRecordInvalid, "CRLF is not part of a TXT record"),
        BadInput(" v=STSv1; id=1", .stsRecordInvalid, "leading space: does not begin with `v=STSv1`"),
        BadInput("V=STSV1; id=1", .stsRecordInvalid, "the version is case-sensitive"),
        BadInput("v=STSv2; id=1", .stsRecordInvalid, "only STSv1 exists"),
    ]

    @Test("invalid records give no value and the expected finding", arguments: bad)
    func invalidRecord(_ row: BadInput) {
        let result = STSRecordParser.parseRecord(row.input)
        #expect(result.value == nil)
        #expect(!result.isValid)
        #expect(result.findings.contains(row.code), "\(result.findings.summary)")
        #expect(result.findings.with(row.code).allSatisfy { $0.severity == .error })
    }

    @Test("an extension field is kept in order and reported as info")
    func extensionField() throws {
        let result = STSRecordParser.parseRecord("v=STSv1; id=a; more=a; ext=2")
        let record = try #require(result.value)
        #expect(record.extensions == [NameValue(name: "more", value: "a"), NameValue(name: "ext", value: "2")])
        #expect(result.findings.codes == [.stsRecordUnknownField, .stsRecordUnknownField])
        #expect(result.findings.allSatisfy { $0.severity == .info })
    }

    @Test("`Id=` is flagged as a likely case mistake, and the record has no id")
    func idCaseHint() {
        let result = STSRecordParser.parseRecord("v=STSv1; Id=1")
        #expect(result.value == nil)
        let hint = result.findings.with(.stsRecordUnknownField)
        #expect(hint.count == 1)
        #expect(hint.first?.severity == .warning)
        #expect(hint.first?.message.contains("case-sensitive") == true)
        #expect(result.findings.contains(.stsRecordInvalid))
    }

    @Test("a repeated id with the same value: the first is used, with a warning")
    func duplicateSameID() throws {
        let result = STSRecordParser.parseRecord("v=STSv1; id=1; id=1")
        #expect(try #require(result.value).id == "1")
        #expect(result.findings.with(.stsRecordDuplicateField).map(\.severity) == [.warning])
    }

    @Test("a repeated id with a different value is an error that names the first value")
    func duplicateDifferentID() {
        let result = STSRecordParser.parseRecord("v=STSv1; id=first; id=second")
        let duplicate = result.findings.with(.stsRecordDuplicateField)
        #expect(duplicate.map(\.severity) == [.error])
        #expect(duplicate.first?.message.contains("first") == true)
        #expect(result.value == nil)
    }

    @Test("a repeated extension field is a warning only")
    func duplicateExtension() throws {
        let result = STSRecordParser.parseRecord("v=STSv1; id=1; x=a; x=b")
        #expect(try #require(result.value).extensions == [NameValue(name: "x", value: "a")])
        #expect(result.findings.with(.stsRecordDuplicateField).map(\.severity) == [.warning])
    }

    @Test("the published text of a record parses back to the same record")
    func recordTextRoundTrip() throws {
        let record = STSRecord(id: "20250101000000ab12", extensions: [NameValue(name: "note", value: "x")])
        #expect(record.text == "v=STSv1; id=20250101000000ab12; note=x;")
        #expect(try #require(STSRecordParser.parseRecord(record.text).value) == record)
    }

    @Test("isValidID: 1 to 32 ASCII letters or digits", arguments: [
        ("1", true), ("abcXYZ019", true), (thirtyTwo, true),
        ("", false), (thirtyTwo + "1", false), ("a-b", false), ("a_b", false), ("a b", false), ("é", false), ("١", false),
    ])
    func validID(_ id: String, _ valid: Bool) {
        #expect(STSRecordParser.isValidID(id) == valid)
    }
}

/// The whole `_mta-sts` RRset (RFC 8461 §3.1): "records that do not begin with `v=STSv1;` are
/// discarded. If the number of resulting records is not one, or if the resulting record is
/// syntactically invalid, senders MUST assume the recipient domain does not have an available
/// MTA-STS Policy. ... If the resulting TXT record contains multiple strings, then the record
/// MUST be treated as if those strings are concatenated without adding spaces."
@Suite("STS record set (RFC 8461 §3.1)")
struct STSRecordSetTests {
    @Test("character-strings are joined without spaces")
    func splitStrings() throws {
        let result = STSRecordParser.parse(rrset: [TXTRecord(strings: ["v=STSv1; ", "id=123;"])])
        #expect(try #require(result.value).id == "123")
        #expect(result.findings.isEmpty)
    }

    @Test("a split in the middle of a token still joins to one record")
    func splitMidToken() throws {
        let result = STSRecordParser.parse(rrset: [TXTRecord(strings: ["v=ST", "Sv1; i", "d=12", "3"])])
        #expect(try #require(result.value).id == "123")
    }

    @Test("joining does not insert a space: `id=12` + `3` is `id=123`, `v=STSv1;` + `id=1` has no space")
    func joinAddsNothing() {
        #expect(TXTRecord(strings: ["v=STSv1;", "id=1"]).text == "v=STSv1;id=1")
    }

    @Test("records not starting with v=STSv1 are ignored, the one STS record is used")
    func othersIgnored() throws {
        let result = STSRecordParser.parse(rrset: [
            TXTRecord("v=spf1 -all"), TXTRecord("google-site-verification=abc"), TXTRecord("v=STSv1; id=1"),
        ])
        #expect(try #require(result.value).id == "1")
        #expect(result.findings.codes == [.stsRecordIgnored, .stsRecordIgnored])
        #expect(result.findings.allSatisfy { $0.severity == .info })
        #expect(result.isValid)
    }

    @Test("no record at all: sts-record.missing, a warning")
    func empty() {
        let result = STSRecordParser.parse(rrset: [])
        #expect(result.value == nil)
        #expect(result.findings.codes == [.stsRecordMissing])
        #expect(result.findings.first?.severity == .warning)
    }

    @Test("only unrelated records: ignored plus missing")
    func onlyUnrelated() {
        let result = STSRecordParser.parse(rrset: [TXTRecord("v=spf1 -all")])
        #expect(result.value == nil)
        #expect(result.findings.codes == [.stsRecordIgnored, .stsRecordMissing])
    }

    @Test("`v=STSv10` does not begin with `v=STSv1;`: discarded, so there is no record")
    func versionPrefixOnly() {
        let result = STSRecordParser.parse(rrset: [TXTRecord("v=STSv10; id=1")])
        #expect(result.value == nil)
        #expect(result.findings.contains(.stsRecordMissing))
        #expect(!result.findings.contains(.stsRecordInvalid))
    }

    @Test("two candidates: sts-record.multiple and no record", arguments: [
        ["v=STSv1; id=1", "v=STSv1; id=2"],
        ["v=STSv1; id=1", "v=STSv1; id=1"],
        ["v=STSv1; id=1", "v=STSv1 ; id=bad-id"],
    ])
    func multiple(_ records: [String]) {
        let result = STSRecordParser.parse(rrset: records.map { TXTRecord($0) })
        #expect(result.value == nil)
        #expect(result.findings.with(.stsRecordMultiple).map(\.severity) == [.error])
    }

    @Test("a near miss alone is reported as invalid, not as missing", arguments: [
        " v=STSv1; id=1", "V=STSV1; id=1", "v=stsv1; id=1", "\tv=STSv1; id=1",
    ])
    func nearMiss(_ text: String) {
        let result = STSRecordParser.parse(rrset: [TXTRecord(text)])
        #expect(result.value == nil)
        #expect(result.findings.codes == [.stsRecordInvalid])
    }

    @Test("a near miss next to a valid record: the valid one is used")
    func nearMissBesideValid() throws {
        let result = STSRecordParser.parse(rrset: [TXTRecord(" v=STSv1; id=1"), TXTRecord("v=STSv1; id=2")])
        #expect(try #require(result.value).id == "2")
        #expect(result.findings.contains(.stsRecordInvalid))
    }

    @Test("one invalid candidate: no record, sts-record.invalid")
    func invalidCandidate() {
        let result = STSRecordParser.parse(rrset: [TXTRecord("v=STSv1; id=bad-id")])
        #expect(result.value == nil)
        #expect(result.findings.with(.stsRecordInvalid).map(\.severity) == [.error])
        #expect(!result.findings.contains(.stsRecordMissing))
    }

    @Test("a bare `v=STSv1` alone is discarded by senders: no policy, sts-record.invalid (error) saying why")
    func bareVersionAlone() {
        let result = STSRecordParser.parse(rrset: [TXTRecord("v=STSv1")])
        #expect(result.value == nil)
        #expect(result.findings.codes == [.stsRecordInvalid])
        #expect(result.findings.first?.severity == .error)
        #expect(result.findings.first?.message.contains("bare `v=STSv1`") == true, "\(result.findings.summary)")
    }

    @Test("findings carry the subject given")
    func subject() {
        let result = STSRecordParser.parse(rrset: [], subject: "_mta-sts.example.org")
        #expect(result.findings.first?.subject == "_mta-sts.example.org")
    }
}

@Suite("STS record set: near misses")
struct STSRecordNearMissTests {
    /// RFC 8461 §3.1: records that do not begin with `v=STSv1;` are discarded *before* the count,
    /// so none of these beside a valid record makes "several records".
    @Test("a stray record that does not begin with `v=STSv1;` beside a valid one leaves exactly one record", arguments: [
        ("v=STSv1", "bare `v=STSv1`"),
        ("v=STSv1 ", "bare `v=STSv1`"),
        ("v=STSv1 id=2", "followed by \"id=2\""),
        ("v=STSv1,id=2", "followed by \",id=2\""),
        ("v=STSv1\tid=2", "followed by \"id=2\""),
        ("v=STSv1:id=2", "followed by \":id=2\""),
    ])
    func strayVersionBesideValid(_ stray: String, _ reason: String) throws {
        for rrset in [[stray, "v=STSv1; id=1"], ["v=STSv1; id=1", stray]] {
            let result = STSRecordParser.parse(rrset: rrset.map { TXTRecord($0) })
            #expect(try #require(result.value).id == "1", "\(result.findings.summary)")
            #expect(!result.findings.contains(.stsRecordMultiple))
            #expect(result.isValid)
            let stray = result.findings.with(.stsRecordInvalid)
            #expect(stray.map(\.severity) == [.warning], "\(result.findings.summary)")
            #expect(stray.first?.message.contains(reason) == true, "\(result.findings.summary)")
            #expect(stray.first?.remedy.hasPrefix("Delete this record") == true)
        }
    }

    @Test("records that do begin with `v=STSv1;` (or `v=STSv1 ;`) are counted, even when invalid", arguments: [
        "v=STSv1;", "v=STSv1 ;", "v=STSv1\t; id=", "v=STSv1;id=2 x",
    ])
    func invalidCandidateIsCounted(_ second: String) {
        let result = STSRecordParser.parse(rrset: [TXTRecord("v=STSv1; id=1"), TXTRecord(second)])
        #expect(result.value == nil)
        #expect(result.findings.with(.stsRecordMultiple).map(\.severity) == [.error])
    }

    @Test("isCandidate: `v=STSv1`, any WSP, `;`", arguments: [
        ("v=STSv1;", true), ("v=STSv1; id=1", true), ("v=STSv1 ;id=1", true), ("v=STSv1 \t ;", true),
        ("v=STSv1", false), ("v=STSv1 ", false), ("v=STSv1 id=1", false), ("v=STSv1,", false), ("v=STSv10;", false),
        (" v=STSv1;", false), ("V=STSv1;", false), ("", false),
    ])
    func candidate(_ text: String, _ expected: Bool) {
        #expect(STSRecordParser.isCandidate(text) == expected)
    }

    @Test("a near miss alone means no policy (error); beside a valid record senders ignore it (warning)")
    func nearMissSeverity() {
        let alone = STSRecordParser.parse(rrset: [TXTRecord(" v=STSv1; id=1")])
        #expect(alone.value == nil)
        #expect(alone.findings.with(.stsRecordInvalid).first?.severity == .error)
        let beside = STSRecordParser.parse(rrset: [TXTRecord(" v=STSv1; id=1"), TXTRecord("v=STSv1; id=2")])
        #expect(beside.value?.id == "2")
        #expect(beside.findings.with(.stsRecordInvalid).first?.severity == .warning)
        #expect(beside.isValid)
    }
}

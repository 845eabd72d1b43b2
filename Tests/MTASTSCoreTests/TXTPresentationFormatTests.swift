import Testing
@testable import MTASTSCore

/// TXT records as `dig` and zone files print them (RFC 1035 §5.1): quoted character-strings
/// separated by white space, `\"`, `\\` and `\DDD` escapes.
@Suite("TXT presentation format (RFC 1035 §5.1)")
struct TXTPresentationFormatTests {
    static let good: [GoodInput<[String]>] = [
        GoodInput(#""v=STSv1; id=123;""#, ["v=STSv1; id=123;"], "one quoted string"),
        GoodInput(#""v=STSv1; " "id=123;""#, ["v=STSv1; ", "id=123;"], "two strings, as dig prints a split record"),
        GoodInput("  \"a\"\t\"b\"  ", ["a", "b"], "spaces and tabs around and between strings"),
        GoodInput(#""a""b""#, ["a", "b"], "no white space between strings"),
        GoodInput(#""""#, [""], "one empty string"),
        GoodInput(#""say \"hi\"""#, [#"say "hi""#], #"\" is a quote"#),
        GoodInput(#""a\\b""#, [#"a\b"#], #"\\ is a backslash"#),
        GoodInput(#""v=STSv1\059 id=1""#, ["v=STSv1; id=1"], #"\059 is `;`"#),
        GoodInput(#""\000\255""#, ["\u{0}\u{FFFD}"], #"\DDD of any byte; 0xFF alone is not UTF-8"#),
        GoodInput(#""b\195\188cher""#, ["bücher"], #"\DDD bytes forming UTF-8"#),
        GoodInput(#""\a""#, ["a"], #"\X is X"#),
        GoodInput("v=STSv1; id=1", ["v=STSv1; id=1"], "an unquoted value is one string, as typed"),
        GoodInput(" v=STSv1; id=1", [" v=STSv1; id=1"], "an unquoted value keeps its leading space for the record check"),
        GoodInput("\"" + String(repeating: "x", count: 255) + "\"", [String(repeating: "x", count: 255)], "255 bytes is the maximum"),
    ]

    @Test("parses", arguments: good)
    func parses(_ row: GoodInput<[String]>) throws {
        #expect(try TXTPresentationFormat.parse(row.input).strings == row.expected)
    }

    static let bad: [Rejected] = [
        Rejected(#""unterminated"#, "no closing quote"),
        Rejected(#""a\"#, "escape at the very end"),
        Rejected(#""a" b"#, "unquoted text after a quoted string"),
        Rejected(#""\25""#, #"\DDD needs three digits"#),
        Rejected(#""\2""#, #"\D at the end"#),
        Rejected(#""\256""#, #"\256 is not a byte"#),
        Rejected(#""\999""#, #"\999 is not a byte"#),
        Rejected("\"" + String(repeating: "x", count: 256) + "\"", "a character-string holds at most 255 bytes"),
        Rejected("\"" + String(repeating: "ü", count: 128) + "\"", "256 bytes of UTF-8 in 128 characters"),
    ]

    @Test("rejects", arguments: bad)
    func rejects(_ row: Rejected) {
        #expect(throws: TXTPresentationFormat.ParseError.self) {
            try TXTPresentationFormat.parse(row.input)
        }
    }

    @Test("a split record read from dig output parses as an STS record")
    func digOutputToRecord() throws {
        let record = try TXTPresentationFormat.parse(#""v=STSv1; " "id=123;""#)
        #expect(try #require(STSRecordParser.parse(rrset: [record]).value).id == "123")
    }

    @Test("the error message names the problem")
    func message() {
        #expect(throws: TXTPresentationFormat.ParseError.self) { try TXTPresentationFormat.parse(#""abc"#) }
        do {
            _ = try TXTPresentationFormat.parse(#""\256""#)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("256"))
        }
    }
}

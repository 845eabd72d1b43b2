import Testing
@testable import MTASTSCore

/// The JSON reader behind report parsing (RFC 8259).
@Suite("JSON value parser (RFC 8259)")
struct JSONValueParserTests {
    func parse(_ text: String) -> Result<JSONValue, JSONSyntaxError> { JSONValueParser.parse(Array(text.utf8)) }

    @Test("values of every type, members in order, numbers as written")
    func values() throws {
        let value = try parse(#" {"b": [1, -2.5e3, true, false, null], "a": "x"} "#).get()
        #expect(value == .object([
            JSONMember(name: "b", value: .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])),
            JSONMember(name: "a", value: .string("x")),
        ]))
    }

    @Test("escapes, \\u escapes and surrogate pairs decode; a lone surrogate becomes U+FFFD")
    func escapes() throws {
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#).get() == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(try parse(#""\u00e9\u20AC""#).get() == .string("é€"))
        #expect(try parse(#""\ud83d\ude00""#).get() == .string("😀"))
        #expect(try parse(#""\ud83d!""#).get() == .string("\u{FFFD}!"))
    }

    @Test("a UTF-8 byte-order mark is skipped")
    func bom() throws {
        #expect(try JSONValueParser.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8)).get() == .object([]))
    }

    @Test("invalid UTF-8 in a string is an error")
    func invalidUTF8() {
        let result = JSONValueParser.parse(Array(#"{"a": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8))
        guard case .failure(let error) = result else { Issue.record("accepted"); return }
        #expect(error.reason.contains("UTF-8"))
        #expect(error.path.description == "$.a")
    }

    @Test("paths of odd member names are bracketed")
    func oddNames() {
        guard case .failure(let error) = parse(#"{"a b": {"c": [1, x]}}"#) else { Issue.record("accepted"); return }
        #expect(error.path.description == #"$["a b"].c[1]"#)
        #expect(error.line == 1 && error.column == 19)
    }

    @Test("limits: string length and depth")
    func limits() {
        let limits = JSONValueParser.Limits(maxDepth: 3, maxStringBytes: 4)
        guard case .failure(let long) = JSONValueParser.parse(Array(#"["12345"]"#.utf8), limits: limits) else {
            Issue.record("accepted"); return
        }
        #expect(long.reason.contains("longer than 4 bytes"))
        #expect(throws: Never.self) { try JSONValueParser.parse(Array(#"[["1234"]]"#.utf8), limits: limits).get() }
        guard case .failure(let deep) = JSONValueParser.parse(Array("[[[[]]]]".utf8), limits: limits) else {
            Issue.record("accepted"); return
        }
        #expect(deep.reason.contains("deeper than 3"))
    }
}

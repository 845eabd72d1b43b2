import Foundation
import Testing
@testable import MTASTSIngest

/// MIME reading (RFC 2045, RFC 2046, RFC 2231) as far as report mails need it.
@Suite("MIME")
struct MIMETests {
    @Test("header fields: folded lines are unfolded, names are case-insensitive, LF and CRLF both work")
    func headers() {
        for eol in ["\r\n", "\n"] {
            let text = ["Subject: one", "\ttwo", "  three", "content-TYPE: text/plain", "Bad line", "", "body"].joined(separator: eol)
            let (headers, body) = MIMEHeaders.split(Array(text.utf8)[...])
            #expect(headers["subject"] == "one two three")
            #expect(headers["Content-Type"] == "text/plain")
            #expect(headers.fields.count == 2)
            #expect(Array(body) == Array("body".utf8))
        }
    }

    @Test("parameters: quoted, unquoted, comments, trailing semicolon")
    func parameters() {
        let value = MIMEHeaderValue(parsing: #"Multipart/Report; report-type=tlsrpt; boundary="a;b \"c\"" (comment); charset = utf-8;"#)
        #expect(value.value == "multipart/report")
        #expect(value.parameters["report-type"] == "tlsrpt")
        #expect(value.parameters["boundary"] == #"a;b "c""#)
        #expect(value.parameters["charset"] == "utf-8")
    }

    @Test("RFC 2231: charset'language'percent, continuations, mixed encoded and plain segments", arguments: [
        (#"attachment; filename*=UTF-8''r%C3%A9port%20x.json.gz"#, "réport x.json.gz"),
        (#"attachment; filename*=iso-8859-1'en'r%E9port.json"#, "réport.json"),
        (#"attachment; filename*0="google.com!example.com!"; filename*1="1749859200!1749945599.json.gz""#,
         "google.com!example.com!1749859200!1749945599.json.gz"),
        (#"attachment; filename*0*=UTF-8''a%20b; filename*1=" c"; filename*2*=%21.gz"#, "a b c!.gz"),
        (#"attachment; filename="plain.json"; filename*=UTF-8''better.json"#, "better.json"),
    ])
    func rfc2231(_ text: String, _ expected: String) {
        #expect(MIMEHeaderValue(parsing: text).parameters["filename"] == expected)
    }

    @Test("base64: line breaks and junk skipped, padding optional, URL-safe alphabet")
    func base64() {
        #expect(TransferDecoding.base64(Array("aGVs\r\nbG8g\nd29y bGQ=".utf8)[...]) == Array("hello world".utf8))
        #expect(TransferDecoding.base64(Array("aGVsbG8".utf8)[...]) == Array("hello".utf8))
        #expect(TransferDecoding.base64(Array("-_8".utf8)[...]) == [0xFB, 0xFF])
    }

    @Test("quoted-printable: =XX, soft breaks, trailing white space, a stray = kept")
    func quotedPrintable() {
        let text = "{\"a\":=20\"caf=C3=A9\",   \r\n\"b\": \"lo=\r\nng\" =zz}"
        #expect(String(decoding: TransferDecoding.quotedPrintable(Array(text.utf8)[...]), as: UTF8.self)
            == "{\"a\": \"café\",\r\n\"b\": \"long\" =zz}")
    }

    @Test("multipart: parts split at delimiter lines only; preamble and epilogue dropped; nested multiparts")
    func multipart() throws {
        let inner = "Content-Type: multipart/alternative; boundary=in\r\n\r\n--in\r\nContent-Type: text/plain\r\n\r\nplain\r\n--in\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--in--"
        let message = Samples.message(multipartType: "multipart/mixed", boundary: "out", parts: [
            (headers: "Content-Type: text/plain", body: "not a delimiter:\r\n--out-more\r\n --out\r\nend"),
            (headers: inner.components(separatedBy: "\r\n\r\n")[0], body: inner.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")),
        ])
        let root = try MIMEEntity.parse(message[...]).get()
        #expect(root.parts.count == 2)
        #expect(String(decoding: root.parts[0].body, as: UTF8.self) == "not a delimiter:\r\n--out-more\r\n --out\r\nend")
        #expect(root.leaves.map(\.contentType.value) == ["text/plain", "text/plain", "text/html"])
        #expect(String(decoding: root.leaves[2].body, as: UTF8.self) == "<p>html</p>")
    }

    @Test("a multipart without close delimiter ends at the end of the data")
    func unclosed() throws {
        let text = "Content-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain\n\none\n--x\nContent-Type: application/json\n\n{}\n"
        let root = try MIMEEntity.parse(Array(text.utf8)[...]).get()
        #expect(root.parts.count == 2)
        #expect(String(decoding: root.parts[1].body, as: UTF8.self) == "{}\n")
    }

    @Test("a part with no header fields is text/plain (RFC 2045 §5.2)")
    func noHeaders() throws {
        let text = "Content-Type: multipart/mixed; boundary=x\n\n--x\n\nbare body\n--x--\n"
        let root = try MIMEEntity.parse(Array(text.utf8)[...]).get()
        #expect(root.parts[0].contentType.value == "text/plain")
        #expect(String(decoding: root.parts[0].body, as: UTF8.self) == "bare body")
    }

    @Test("nesting deeper than the limit is an error, not a crash")
    func depth() {
        var text = ""
        for level in 0..<40 { text += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n" }
        text += "Content-Type: text/plain\n\nx\n"
        guard case .malformedMessage? = MIMEEntity.parse(Array(text.utf8)[...]).failureValue else {
            Issue.record("accepted 40 levels"); return
        }
    }
}

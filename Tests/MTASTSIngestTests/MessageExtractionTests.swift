import Foundation
import Testing
@testable import MTASTSIngest
@testable import MTASTSCore

/// Every packaging of a report in a mail (RFC 8460 §5.3 and what senders do instead).
@Suite("Report mails")
struct MessageExtractionTests {
    struct Packaging: Sendable, CustomTestStringConvertible {
        var message: [UInt8]
        var contentType: String
        var reason: String
        var testDescription: String { reason }
    }

    static let json = Samples.json(org: "Org", id: "id-1")
    static let gzip = Samples.gzip(json)

    static let packagings: [Packaging] = [
        Packaging(message: Samples.message(parts: [Samples.textPart, (
            headers: "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment;\r\n filename=\"x.json.gz\"",
            body: Samples.base64(gzip))]), contentType: "application/tlsrpt+gzip", reason: "multipart/report, tlsrpt+gzip, base64"),
        Packaging(message: Samples.message(parts: [Samples.textPart, (
            headers: "Content-Type: application/tlsrpt+json\r\nContent-Transfer-Encoding: base64",
            body: Samples.base64(json))]), contentType: "application/tlsrpt+json", reason: "multipart/report, tlsrpt+json, base64"),
        Packaging(message: Samples.message(parts: [Samples.textPart, (
            headers: "Content-Type: application/tlsrpt+json\r\nContent-Transfer-Encoding: 8bit",
            body: String(decoding: json, as: UTF8.self))]), contentType: "application/tlsrpt+json", reason: "multipart/report, tlsrpt+json, 8bit"),
        Packaging(message: Samples.message(multipartType: "multipart/mixed", parts: [Samples.textPart, (
            headers: "Content-Type: application/json; name=report.json\r\nContent-Transfer-Encoding: base64",
            body: Samples.base64(json))]), contentType: "application/json", reason: "multipart/mixed, application/json"),
        Packaging(message: Samples.message(multipartType: "multipart/mixed", parts: [Samples.textPart, (
            headers: "Content-Type: application/gzip\r\nContent-Transfer-Encoding: base64",
            body: Samples.base64(gzip))]), contentType: "application/gzip", reason: "multipart/mixed, application/gzip"),
        Packaging(message: Samples.message(multipartType: "multipart/mixed", parts: [Samples.textPart, (
            headers: "Content-Type: application/octet-stream; name=\"report.json\"\r\nContent-Transfer-Encoding: base64",
            body: Samples.base64(json))]), contentType: "application/octet-stream", reason: "octet-stream with a .json name"),
        Packaging(message: Samples.message(multipartType: "multipart/mixed", parts: [Samples.textPart, (
            headers: "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename*=UTF-8''google.com%21example.com%211.json.gz",
            body: Samples.base64(gzip))]), contentType: "application/octet-stream", reason: "octet-stream with an RFC 2231 .gz name"),
        Packaging(message: Samples.message(multipartType: "multipart/mixed", parts: [Samples.textPart, (
            headers: "Content-Type: application/tlsrpt+json\r\nContent-Transfer-Encoding: quoted-printable",
            body: String(decoding: json, as: UTF8.self).replacingOccurrences(of: "=", with: "=3D")
                .replacingOccurrences(of: ",\"", with: ",=\r\n\""))]), contentType: "application/tlsrpt+json", reason: "quoted-printable JSON with soft breaks"),
        Packaging(message: Array(("From: r@s.example\nSubject: report\nMIME-Version: 1.0\nContent-Type: application/tlsrpt+json\n\n"
            + String(decoding: json, as: UTF8.self)).utf8), contentType: "application/tlsrpt+json", reason: "the whole message is the report, LF lines"),
        Packaging(message: Array(("From MAILER-DAEMON Sat Jun 14 06:00:00 2025\nFrom: r@s.example\nContent-Type: application/tlsrpt+gzip\nContent-Transfer-Encoding: base64\n\n"
            + Samples.base64(gzip)).utf8), contentType: "application/tlsrpt+gzip", reason: "an MDA's From_ line before the headers"),
        Packaging(message: Samples.message(multipartType: "multipart/mixed", parts: [Samples.textPart, (
            headers: "Content-Type: message/rfc822",
            body: String(decoding: Samples.reportMail(org: "Org", id: "id-1"), as: UTF8.self))]),
            contentType: "application/tlsrpt+gzip", reason: "a report mail forwarded as message/rfc822"),
        Packaging(message: Samples.message(multipartType: "multipart/mixed", parts: [
            (headers: "Content-Type: application/json\r\nContent-Transfer-Encoding: base64", body: Samples.base64(Array("{\"other\": true}".utf8))),
            (headers: "Content-Type: application/tlsrpt+json", body: String(decoding: json, as: UTF8.self)),
        ]), contentType: "application/tlsrpt+json", reason: "a tlsrpt part is preferred over an earlier generic JSON part"),
    ]

    @Test("the report is found and parsed", arguments: packagings)
    func packaging(_ row: Packaging) throws {
        let decoded = ReportDecoder.decode(row.message, limits: IngestLimits())
        let parsed = try decoded.result.get()
        #expect(parsed.report.organizationName == "Org")
        #expect(parsed.report.reportID == "id-1")
        #expect(parsed.raw == Self.json)
        #expect(decoded.message?.contentType == row.contentType)
    }

    @Test("message fields of RFC 8460 §5.3 are kept")
    func info() throws {
        let decoded = ReportDecoder.decode(Samples.reportMail(), limits: IngestLimits())
        let info = try #require(decoded.message)
        #expect(info.reportDomain == "example.com")
        #expect(info.reportSubmitter == "sender.example")
        #expect(info.messageID == "<m1@sender.example>")
        #expect(info.filename == "r.json.gz")
    }

    @Test("no report part: the error lists the parts seen")
    func noReport() {
        let message = Samples.message(multipartType: "multipart/mixed", parts: [Samples.textPart, (
            headers: "Content-Type: application/pdf; name=\"invoice.pdf\"\r\nContent-Transfer-Encoding: base64", body: "JVBERi0=")])
        let error = ReportDecoder.decode(message, limits: IngestLimits()).result.failureValue
        #expect(error == .noReport("parts seen: text/plain, application/pdf (invoice.pdf)"))
    }

    @Test("octet-stream without a .json or .gz name is not taken")
    func octetStreamWithoutName() {
        let message = Samples.message(multipartType: "multipart/mixed", parts: [(
            headers: "Content-Type: application/octet-stream; name=data.bin\r\nContent-Transfer-Encoding: base64", body: Samples.base64(Self.json))])
        guard case .noReport? = ReportDecoder.decode(message, limits: IngestLimits()).result.failureValue else {
            Issue.record("took an unnamed octet-stream"); return
        }
    }

    @Test("invalid JSON inside a valid mail is a report error with line and column")
    func invalidJSONInMail() {
        let message = Samples.message(parts: [Samples.textPart, (
            headers: "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64",
            body: Samples.base64(Samples.gzip(Array("{\"organization-name\": \"Org\",, }".utf8))))])
        guard case .invalidReport(let error)? = ReportDecoder.decode(message, limits: IngestLimits()).result.failureValue else {
            Issue.record("not a report error"); return
        }
        #expect(error.kind == .invalidJSON)
        #expect(error.line == 1 && error.column == 29)
    }

    @Test("truncated gzip inside a mail is reported as such")
    func truncatedInMail() {
        let gzip = Self.gzip
        let message = Samples.message(parts: [(
            headers: "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64",
            body: Samples.base64(Array(gzip.prefix(gzip.count - 10))))])
        #expect(ReportDecoder.decode(message, limits: IngestLimits()).result.failureValue == .truncatedGzip)
    }

    @Test("text that is neither JSON, gzip nor a message")
    func notAMessage() {
        guard case .malformedMessage? = ReportDecoder.decode(Array("just some words".utf8), limits: IngestLimits()).result.failureValue else {
            Issue.record("accepted"); return
        }
        guard case .malformedMessage? = ReportDecoder.decode([], limits: IngestLimits()).result.failureValue else {
            Issue.record("accepted empty"); return
        }
    }
}

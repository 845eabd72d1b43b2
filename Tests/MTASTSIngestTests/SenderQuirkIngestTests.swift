import Foundation
import Testing
@testable import MTASTSIngest
@testable import MTASTSCore

/// What real senders get wrong around the report (issue 10, item 5): the file name, the
/// part's media type, the mail's headers. The report is kept; the finding says what was off.
@Suite("Report packaging quirks")
struct SenderQuirkIngestTests {
    static let json = Samples.json(org: "Google Inc.", id: "2025-06-14T00:00:00Z_example.com")

    /// A Google-style report mail whose one report part has `headers` and `body`.
    static func mail(submitter: String = "google.com", partHeaders: String, body: String) -> [UInt8] {
        let text = String(decoding: Samples.message(parts: [Samples.textPart, (headers: partHeaders, body: body)]), as: UTF8.self)
            .replacingOccurrences(of: "TLS-Report-Submitter: sender.example", with: "TLS-Report-Submitter: \(submitter)")
        return Array(text.utf8)
    }

    // MARK: 2. .json.gz that is plain JSON

    @Test("a .json.gz file holding plain JSON is read, with report.not-gzip naming the file")
    func plainJSONFileNamedGz() throws {
        let directory = try Samples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = "google.com!example.com!1749859200!1749945599.json.gz"
        let path = directory.appendingPathComponent(name).path
        try Data(Self.json).write(to: URL(fileURLWithPath: path))
        var ingester = ReportIngester()
        let items = ingester.ingestAll(paths: [path])
        let parsed = try #require(items.first?.parsed, "\(items.map(\.summaryLine))")
        #expect(parsed.raw == Self.json)
        #expect(parsed.findings.map(\.code) == [.reportNotGzip])
        let finding = parsed.findings[0]
        #expect(finding.subject == name)
        #expect(finding.severity == .info && finding.rfc.hasPrefix("RFC 8460 §5.1"))
        #expect(finding.evidence.hasPrefix(#"{"organization-name":"Google Inc.""#), "\(finding.evidence)")
    }

    @Test("a real .json.gz and a plain .json file raise nothing")
    func honestFiles() throws {
        let directory = try Samples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let gz = directory.appendingPathComponent("a.json.gz"), plain = directory.appendingPathComponent("b.json")
        try Data(Samples.gzip(Samples.json(id: "a"))).write(to: gz)
        try Data(Samples.json(id: "b")).write(to: plain)
        var ingester = ReportIngester()
        let items = ingester.ingestAll(paths: [gz.path, plain.path])
        #expect(items.map { $0.parsed?.findings.map(\.code) } == [[], []])
    }

    @Test("a part typed application/tlsrpt+gzip whose body is plain JSON is read, with report.not-gzip")
    func plainJSONPartTypedGzip() throws {
        let message = Self.mail(
            partHeaders: "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"google.com!example.com!1749859200!1749945599.json.gz\"",
            body: Samples.base64(Self.json))
        let parsed = try ReportDecoder.decode(message, limits: IngestLimits()).result.get()
        #expect(parsed.raw == Self.json)
        #expect(parsed.findings.map(\.code) == [.reportNotGzip])
        #expect(parsed.findings[0].subject == "Content-Type: application/tlsrpt+gzip")
    }

    // MARK: 3. application/tlsrpt without +json

    @Test("a part typed application/tlsrpt is taken, by its content", arguments: [true, false])
    func tlsrptWithoutSuffix(_ gzipped: Bool) throws {
        let message = Self.mail(
            partHeaders: "Content-Type: application/tlsrpt; name=\"report\"\r\nContent-Transfer-Encoding: base64",
            body: Samples.base64(gzipped ? Samples.gzip(Self.json) : Self.json))
        let decoded = ReportDecoder.decode(message, limits: IngestLimits())
        let parsed = try decoded.result.get()
        #expect(parsed.raw == Self.json)
        #expect(decoded.message?.contentType == "application/tlsrpt")
        #expect(parsed.findings.map(\.code) == [.reportMediaType])
        let finding = parsed.findings[0]
        #expect(finding.subject == "Content-Type" && finding.evidence == #"application/tlsrpt; name="report""#)
        #expect(finding.severity == .info && finding.rfc == "RFC 8460 §5.3")
    }

    @Test("a part typed application/tlsrpt+json is preferred over an earlier application/tlsrpt one")
    func suffixedPreferred() throws {
        let message = Samples.message(parts: [
            (headers: "Content-Type: application/tlsrpt", body: String(decoding: Samples.json(id: "bare"), as: UTF8.self)),
            (headers: "Content-Type: application/tlsrpt+json", body: String(decoding: Samples.json(id: "suffixed"), as: UTF8.self)),
        ])
        let parsed = try ReportDecoder.decode(message, limits: IngestLimits()).result.get()
        #expect(parsed.report.reportID == "suffixed")
        #expect(!parsed.findings.contains(.reportMediaType))
    }

    // MARK: 5. TLS-Report-Submitter vs contact-info

    @Test("TLS-Report-Submitter that differs from the contact-info domain: report.submitter-mismatch")
    func submitterMismatch() throws {
        let message = Self.mail(
            submitter: "mail-relay.example", partHeaders: "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64",
            body: Samples.base64(Samples.gzip(Self.json)))
        let parsed = try ReportDecoder.decode(message, limits: IngestLimits()).result.get()
        #expect(parsed.findings.map(\.code) == [.reportSubmitterMismatch])
        let finding = parsed.findings[0]
        #expect(finding.subject == "TLS-Report-Submitter")
        #expect(finding.message.contains("`mail-relay.example`") && finding.message.contains("`google.com`"))
        #expect(finding.evidence == "TLS-Report-Submitter: mail-relay.example; contact-info: smtp-tls-reporting@google.com")
        #expect(finding.severity == .info && finding.rfc == "RFC 8460 §5.3")
    }

    @Test("a matching submitter (any case, trailing dot) raises nothing", arguments: ["google.com", "Google.COM.", " google.com "])
    func submitterMatches(_ submitter: String) throws {
        let message = Self.mail(
            submitter: submitter, partHeaders: "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64",
            body: Samples.base64(Samples.gzip(Self.json)))
        #expect(try ReportDecoder.decode(message, limits: IngestLimits()).result.get().findings.isEmpty)
    }

    @Test("the example mail (contact-info as a mailto: URI) matches its submitter")
    func exampleMail() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/reports/mail.example.net-example.com-2025-06-14.eml")
        let parsed = try ReportDecoder.decode(Array(try Data(contentsOf: url)), limits: IngestLimits()).result.get()
        #expect(!parsed.findings.contains(.reportSubmitterMismatch), "\(parsed.findings.map(\.message))")
        #expect(parsed.report.contactDomain == "mail.example.net")
    }

    // MARK: 1. (in a mail) no-policy-found without policy-domain

    @Test("a Postfix no-policy-found report in a mail takes its domain from TLS-Report-Domain")
    func noPolicyDomainFromMail() throws {
        let report = """
            {"organization-name":"mail.sender.example","date-range":{"start-datetime":"2025-06-14T00:00:00Z",\
            "end-datetime":"2025-06-14T23:59:59Z"},"contact-info":"postmaster@sender.example",\
            "report-id":"2025-06-14T00:00:00Z_example.com","policies":[{"policy":{"policy-type":"no-policy-found"},\
            "summary":{"total-successful-session-count":12,"total-failure-session-count":0}}]}
            """
        let message = Self.mail(
            submitter: "sender.example", partHeaders: "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64",
            body: Samples.base64(Samples.gzip(Array(report.utf8))))
        let decoded = ReportDecoder.decode(message, limits: IngestLimits())
        let parsed = try decoded.result.get()
        #expect(decoded.message?.reportDomain == "example.com")
        #expect(parsed.report.policies[0].policy.domain == "example.com")
        #expect(parsed.findings.map(\.code) == [.reportPolicyDomainMissing])
        #expect(parsed.findings[0].message.contains("TLS-Report-Domain"))
    }

    @Test("packaging findings come before the report's own")
    func order() throws {
        let report = Samples.reportJSON(id: "o").replacingOccurrences(of: "\"receiving-mx-hostname\"", with: "\"receiving-mx-host-name\"")
        let message = Self.mail(
            submitter: "other.example", partHeaders: "Content-Type: application/tlsrpt\r\nContent-Transfer-Encoding: base64",
            body: Samples.base64(Array(report.utf8)))
        let parsed = try ReportDecoder.decode(message, limits: IngestLimits()).result.get()
        #expect(parsed.findings.map(\.code) == [.reportMediaType, .reportMisspelledMember, .reportSubmitterMismatch])
        #expect(parsed.report.policies[0].failureDetails[0].receivingMXHostname == "mx1.example.com")
    }
}

import Foundation
import Testing
@testable import MTASTSIngest
@testable import MTASTSCore

/// Report JSON, messages and files for the ingest tests, built at test time.
enum Samples {
    static func reportJSON(org: String = "Google Inc.", id: String = "2025-06-14T00:00:00Z_example.com", failures: Int = 3) -> String {
        """
        {"organization-name":"\(org)","date-range":{"start-datetime":"2025-06-14T00:00:00Z","end-datetime":"2025-06-14T23:59:59Z"},\
        "contact-info":"smtp-tls-reporting@google.com","report-id":"\(id)","policies":[{"policy":{"policy-type":"sts",\
        "policy-string":["version: STSv1","mode: testing","mx: mx1.example.com","max_age: 86400"],"policy-domain":"example.com",\
        "mx-host":["mx1.example.com"]},"summary":{"total-successful-session-count":100,"total-failure-session-count":\(failures)},\
        "failure-details":[{"result-type":"certificate-expired","receiving-mx-hostname":"mx1.example.com","failed-session-count":\(failures)}]}]}
        """
    }

    static func json(org: String = "Google Inc.", id: String = "r1") -> [UInt8] { Array(reportJSON(org: org, id: id).utf8) }

    static func gzip(_ bytes: [UInt8]) -> [UInt8] { try! GzipDeflater.compress(bytes) }

    static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    /// A report mail: `parts` are (headers, body) pairs inside a multipart of `multipartType`.
    static func message(
        multipartType: String = #"multipart/report; report-type="tlsrpt""#, boundary: String = "b0undary",
        parts: [(headers: String, body: String)], extraHeaders: String = ""
    ) -> [UInt8] {
        var text = """
            From: reports@sender.example\r
            To: tlsrpt@example.com\r
            Subject: Report Domain: example.com\r
            Message-ID: <m1@sender.example>\r
            TLS-Report-Domain: example.com\r
            TLS-Report-Submitter: sender.example\r
            \(extraHeaders)MIME-Version: 1.0\r
            Content-Type: \(multipartType);\r
            \tboundary="\(boundary)"\r
            \r
            preamble\r

            """
        for part in parts {
            text += "--\(boundary)\r\n\(part.headers)\r\n\r\n\(part.body)\r\n"
        }
        text += "--\(boundary)--\r\nepilogue\r\n"
        return Array(text.utf8)
    }

    static let textPart = (headers: "Content-Type: text/plain; charset=us-ascii", body: "This is an aggregate TLS report.")

    /// The usual packaging (RFC 8460 §5.3): multipart/report, base64 gzip attachment.
    static func reportMail(org: String = "Google Inc.", id: String = "r1") -> [UInt8] {
        message(parts: [textPart, (
            headers: "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"r.json.gz\"",
            body: base64(gzip(json(org: org, id: id))))])
    }

    /// A fresh empty directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension IngestItem {
    var summaryLine: String { "\(source): \(error.map { "\($0)" } ?? (isDuplicate ? "duplicate" : "report"))" }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

import Foundation
import MTASTSCore

/// Writes a synthetic mbox of TLS-RPT report messages (RFC 8460 §5.3 packaging, RFC 4155
/// framing) for benchmarks and demos: varied senders, policies and failures, gzip and JSON
/// attachments, mboxrd-quoted `From ` lines in the text part, and a duplicate every 50th
/// message. The output is deterministic for a seed and written as it is generated.
public enum SyntheticMbox {
    public struct Stats: Sendable, Hashable {
        public var messages = 0
        public var bytes = 0
        /// Messages that repeat an earlier report (same organization and report-id).
        public var duplicates = 0
    }

    struct Sender {
        var organization: String
        var contact: String
        var domain: String
    }

    static let senders = [
        Sender(organization: "Google Inc.", contact: "smtp-tls-reporting@google.com", domain: "google.com"),
        Sender(organization: "Microsoft Corporation", contact: "tlsrpt-noreply@microsoft.com", domain: "microsoft.com"),
        Sender(organization: "Yahoo Inc.", contact: "tlsrpt@yahooinc.example", domain: "yahooinc.example"),
        Sender(organization: "Comcast", contact: "tlsrpt@comcast.example", domain: "comcast.example"),
        Sender(organization: "mail.example.net", contact: "postmaster@mail.example.net", domain: "mail.example.net"),
    ]

    public static func write(messages: Int, to path: String, seed: UInt64 = 8460) throws -> Stats {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw IngestError.unreadable("\(path): cannot create") }
        defer { try? handle.close() }
        var stats = Stats()
        var generator = SplitMix64(seed: seed)
        var buffer: [UInt8] = []
        var previous: (json: String, index: Int)?
        for index in 1...max(1, messages) {
            var json = report(index: index, generator: &generator)
            // A duplicate is the previous report mailed again, by the same sender.
            var senderIndex = index
            if index % 50 == 0, let previous {
                json = previous.json
                senderIndex = previous.index
                stats.duplicates += 1
            }
            previous = (json, senderIndex)
            buffer += try message(index: index, json: json, sender: senderIndex, generator: &generator)
            stats.messages += 1
            if buffer.count > 1 << 20 {
                try handle.write(contentsOf: buffer)
                stats.bytes += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        stats.bytes += buffer.count
        return stats
    }

    /// One report (RFC 8460 §4.4), in the member order Google and Microsoft use.
    static func report(index: Int, generator: inout SplitMix64) -> String {
        let sender = senders[index % senders.count]
        let domainNumber = Int(generator.next() % 500)
        let domain = "domain\(domainNumber).example"
        let day = 1 + (index / 400) % 28
        let start = "2025-06-\(day < 10 ? "0" : "")\(day)T00:00:00Z"
        let end = "2025-06-\(day < 10 ? "0" : "")\(day)T23:59:59Z"
        let failureTypes = ["certificate-expired", "certificate-host-mismatch", "starttls-not-supported",
                            "certificate-not-trusted", "validation-failure", "sts-policy-fetch-error", "sts-webpki-invalid"]
        var policies: [String] = []
        for policyNumber in 0..<(1 + Int(generator.next() % 2)) {
            let mx = ["mx1.\(domain)", "mx2.\(domain)"]
            var details: [String] = []
            let failureCount = generator.next() % 4 == 0 ? Int(generator.next() % 4) + 1 : 0
            var failed = 0
            for _ in 0..<failureCount {
                let sessions = Int(generator.next() % 40) + 1
                failed += sessions
                let type = failureTypes[Int(generator.next() % UInt64(failureTypes.count))]
                let host = mx[Int(generator.next() % 2)]
                details.append("""
                    {"result-type":"\(type)","sending-mta-ip":"203.0.113.\(generator.next() % 250 + 1)",\
                    "receiving-mx-hostname":"\(host)","receiving-ip":"198.51.100.\(generator.next() % 250 + 1)",\
                    "failed-session-count":\(sessions)\(type == "validation-failure" ? ",\"failure-reason-code\":\"X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY\"" : "")}
                    """)
            }
            let successful = Int(generator.next() % 5000)
            let policyType = policyNumber == 0 ? "sts" : "no-policy-found"
            let policy = policyType == "sts"
                ? """
                {"policy-type":"sts","policy-string":["version: STSv1","mode: testing","mx: \(mx[0])","mx: \(mx[1])","max_age: 86400"],\
                "policy-domain":"\(domain)","mx-host":["\(mx[0])","\(mx[1])"]}
                """
                : "{\"policy-type\":\"no-policy-found\",\"policy-domain\":\"\(domain)\"}"
            policies.append("""
                {"policy":\(policy),"summary":{"total-successful-session-count":\(successful),\
                "total-failure-session-count":\(failed)}\(details.isEmpty ? "" : ",\"failure-details\":[" + details.joined(separator: ",") + "]")}
                """)
        }
        return """
            {"organization-name":"\(sender.organization)","date-range":{"start-datetime":"\(start)","end-datetime":"\(end)"},\
            "contact-info":"\(sender.contact)","report-id":"\(start)_\(domain)_\(index)","policies":[\(policies.joined(separator: ","))]}
            """
    }

    /// One report mail as RFC 8460 §5.3 describes it, framed for an mbox: From_ line, CRLF
    /// lines turned to LF as mbox files on Unix hold them, `>From ` quoting, blank line after.
    /// `sender` picks the sender (by default the one of report `index`).
    static func message(index: Int, json: String, sender senderIndex: Int? = nil, generator: inout SplitMix64) throws -> [UInt8] {
        let sender = senders[(senderIndex ?? index) % senders.count]
        let gzip = index % 5 != 0
        let payload = gzip ? try GzipDeflater.compress(Array(json.utf8)) : Array(json.utf8)
        let base64 = Data(payload).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
        let boundary = "----=_Part_\(index)_\(generator.next() % 1_000_000)"
        let filename = "\(sender.domain)!example.com!\(1_749_945_600 + index)!\(1_750_031_999 + index).json\(gzip ? ".gz" : "")"
        let text = """
            From: TLS reporting <\(sender.contact)>
            To: tlsrpt@example.com
            Subject: Report Domain: example.com Submitter: \(sender.domain) Report-ID: <\(index)@\(sender.domain)>
            Date: Sat, 14 Jun 2025 06:\(String(format: "%02d", index % 60)):00 +0000
            Message-ID: <tlsrpt-\(index)@\(sender.domain)>
            TLS-Report-Domain: example.com
            TLS-Report-Submitter: \(sender.domain)
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type="tlsrpt";
             boundary="\(boundary)"

            --\(boundary)
            Content-Type: text/plain; charset="us-ascii"

            This is an aggregate TLS report from \(sender.domain).
            From now on, reports arrive daily.
            >From lines like the one above are quoted in mbox files.

            --\(boundary)
            Content-Type: application/tlsrpt+\(gzip ? "gzip" : "json")
            Content-Transfer-Encoding: base64
            Content-Disposition: attachment;
             filename="\(filename)"

            \(base64)
            --\(boundary)--
            """
        var out = Array("From \(sender.contact) Sat Jun 14 06:00:00 2025\n".utf8)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.drop(while: { $0 == ">" }).hasPrefix("From ") { out.append(UInt8(ascii: ">")) }
            out += Array(line.utf8)
            out.append(0x0A)
        }
        out.append(0x0A)
        return out
    }
}

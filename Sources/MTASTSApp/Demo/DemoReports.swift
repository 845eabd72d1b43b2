import Foundation
import MTASTSCore

/// TLS-RPT reports for `mtasts demo`: daily aggregate reports (RFC 8460 §4) from well-known
/// senders over the last 30 days, generated from a seed so every run shows the same numbers.
/// Failures follow the demo domains' faults: `certificate-expired` at the MX whose certificate
/// expired three days ago, `starttls-not-supported` at the MX without STARTTLS, and so on.
enum DemoReports {
    struct Sender {
        var organization: String
        var contact: String
        var ipPrefix: String
        /// Relative volume of mail.
        var weight: Int
    }

    static let senders = [
        Sender(organization: "google.com", contact: "smtp-tls-reporting@google.com", ipPrefix: "209.85.220.", weight: 40),
        Sender(organization: "microsoft.com", contact: "tlsrpt-noreply@microsoft.com", ipPrefix: "40.107.22.", weight: 30),
        Sender(organization: "mail.ru", contact: "tlsrpt@corp.mail.ru", ipPrefix: "94.100.180.", weight: 8),
        Sender(organization: "yahoo.com", contact: "tlsrpt@yahooinc.com", ipPrefix: "98.136.96.", weight: 6),
    ]

    /// A domain's reported fault: from `fromDay` days ago on, a share of sessions at `mx` fail.
    struct Fault {
        var type: TLSRPTResultType
        var mx: String
        var share: Double
        var fromDaysAgo: Int
        var reason: String
    }

    /// Domain → (daily sessions at full weight, faults).
    static let domains: [(domain: String, mx: [String], volume: Int, faults: [Fault])] = [
        ("example.org", ["mx1.example.org", "mx2.example.org"], 900, []),
        ("example.com", ["mx1.example.com", "mx2.example.com"], 400, []),
        ("shop.example", ["mx.hosted-mail.example"], 300, []),
        ("old.example", ["mail.old.example"], 250, [
            Fault(type: .certificateExpired, mx: "mail.old.example", share: 1.0, fromDaysAgo: 3, reason: "X509_V_ERR_CERT_HAS_EXPIRED"),
        ]),
        ("nostarttls.example", ["smtp.nostarttls.example"], 120, [
            Fault(type: .starttlsNotSupported, mx: "smtp.nostarttls.example", share: 1.0, fromDaysAgo: 40, reason: "STARTTLS not offered in EHLO"),
        ]),
        ("typo.example", ["mx1.typo.example", "mx2.typo.example"], 200, [
            Fault(type: .validationFailure, mx: "mx2.typo.example", share: 0.5, fromDaysAgo: 40, reason: "MX not in STS policy"),
        ]),
        ("redirect.example", ["mx.hosted-mail.example"], 150, [
            Fault(type: .stsPolicyFetchError, mx: "mx.hosted-mail.example", share: 0.3, fromDaysAgo: 12, reason: "HTTP 301"),
        ]),
        ("wildcard.example", ["a.b.mail.wildcard.example"], 100, [
            Fault(type: .certificateHostMismatch, mx: "a.b.mail.wildcard.example", share: 0.6, fromDaysAgo: 40, reason: "MX does not match *.mail.wildcard.example"),
        ]),
        ("html.example", ["mx.hosted-mail.example"], 80, [
            Fault(type: .stsPolicyInvalid, mx: "mx.hosted-mail.example", share: 0.2, fromDaysAgo: 20, reason: "Content-Type text/html"),
        ]),
    ]

    /// The reports of the last 30 days before `now` (each sender, each domain, most days).
    static func reports(now: Date, seed: UInt64 = 8460) -> [ParsedTLSRPTReport] {
        var random = SplitMix64(seed: seed)
        let today = UTCDay(now)
        var out: [ParsedTLSRPTReport] = []
        for daysAgo in (1...30).reversed() {
            let day = today.adding(-daysAgo)
            for entry in domains {
                for sender in senders {
                    // Small senders skip some days; google and microsoft report daily.
                    if sender.weight < 10 && random.next() % 3 == 0 { continue }
                    let sessions = max(1, entry.volume * sender.weight / 100 + Int(random.next() % 40))
                    var failed = 0
                    var details: [TLSRPTFailureDetail] = []
                    for fault in entry.faults where daysAgo <= fault.fromDaysAgo {
                        let count = max(1, Int(Double(sessions) * fault.share * (0.7 + Double(random.next() % 30) / 100)))
                        failed += count
                        let split = count > 3 ? [count / 2, count - count / 2] : [count]
                        for (index, part) in split.enumerated() {
                            details.append(TLSRPTFailureDetail(
                                resultType: fault.type, sendingMTAIP: sender.ipPrefix + String(10 + (random.next() % 200)),
                                receivingMXHostname: fault.mx, receivingIP: "192.0.2.\(20 + index)", failedSessions: part,
                                additionalInformation: "https://\(sender.organization)/tlsrpt/\(fault.type.rawValue)",
                                failureReasonCode: fault.reason))
                        }
                    }
                    let policy = TLSRPTPolicy(
                        type: .sts, strings: ["version: STSv1", "mode: testing"] + entry.mx.map { "mx: \($0)" },
                        domain: entry.domain, mxHosts: entry.mx)
                    let report = TLSRPTReport(
                        organizationName: sender.organization,
                        dateRange: .init(start: day.start, end: day.adding(1).start.addingTimeInterval(-1)),
                        contactInfo: sender.contact, reportID: "\(day.string)T00:00:00Z_\(entry.domain)_\(sender.organization)",
                        policies: [TLSRPTPolicyResult(
                            policy: policy, summary: TLSRPTSummary(successfulSessions: max(sessions - failed, 0), failedSessions: failed),
                            failureDetails: details)])
                    let raw = Array(TLSRPTReportWriter.json(report).utf8)
                    out.append(ParsedTLSRPTReport(report: report, findings: [], raw: raw))
                }
            }
        }
        return out
    }
}

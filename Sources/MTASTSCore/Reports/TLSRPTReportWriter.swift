import Foundation

/// Writes a report as RFC 8460 §4.4 JSON (the member names senders use, `mx-host` as an array,
/// `additional-information`), e.g. for demos and tests; the parser reads it back unchanged.
public enum TLSRPTReportWriter {
    public static func json(_ report: TLSRPTReport) -> String {
        var members = [
            "\"organization-name\":\(quote(report.organizationName))",
            "\"date-range\":{\"start-datetime\":\(quote(dateTime(report.dateRange.start))),\"end-datetime\":\(quote(dateTime(report.dateRange.end)))}",
        ]
        if let contact = report.contactInfo { members.append("\"contact-info\":\(quote(contact))") }
        members.append("\"report-id\":\(quote(report.reportID))")
        members.append("\"policies\":[" + report.policies.map(policy).joined(separator: ",") + "]")
        return "{" + members.joined(separator: ",") + "}"
    }

    static func policy(_ result: TLSRPTPolicyResult) -> String {
        let p = result.policy
        var policy = ["\"policy-type\":\(quote(p.type.rawValue))"]
        if !p.strings.isEmpty { policy.append("\"policy-string\":[" + p.strings.map(quote).joined(separator: ",") + "]") }
        policy.append("\"policy-domain\":\(quote(p.domain))")
        if !p.mxHosts.isEmpty { policy.append("\"mx-host\":[" + p.mxHosts.map(quote).joined(separator: ",") + "]") }
        var out = [
            "\"policy\":{" + policy.joined(separator: ",") + "}",
            "\"summary\":{\"total-successful-session-count\":\(result.summary.successfulSessions),\"total-failure-session-count\":\(result.summary.failedSessions)}",
        ]
        if !result.failureDetails.isEmpty {
            out.append("\"failure-details\":[" + result.failureDetails.map(detail).joined(separator: ",") + "]")
        }
        return "{" + out.joined(separator: ",") + "}"
    }

    static func detail(_ d: TLSRPTFailureDetail) -> String {
        var out = ["\"result-type\":\(quote(d.resultType.rawValue))"]
        func add(_ name: String, _ value: String?) { if let value { out.append("\"\(name)\":\(quote(value))") } }
        add("sending-mta-ip", d.sendingMTAIP)
        add("receiving-mx-hostname", d.receivingMXHostname)
        add("receiving-mx-helo", d.receivingMXHelo)
        add("receiving-ip", d.receivingIP)
        out.append("\"failed-session-count\":\(d.failedSessions)")
        add("additional-information", d.additionalInformation)
        add("failure-reason-code", d.failureReasonCode)
        return "{" + out.joined(separator: ",") + "}"
    }

    /// RFC 3339 `date-time` in UTC, whole seconds (Foundation's ISO 8601 style).
    static func dateTime(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// A JSON string (RFC 8259 §7), escaped by Foundation's encoder.
    static func quote(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}

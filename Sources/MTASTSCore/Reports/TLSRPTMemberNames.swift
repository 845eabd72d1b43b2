/// The member names RFC 8460 §4.4 gives each object of a report (with the RFC's other
/// spellings, §4.3), so that a near miss a sender writes (`receiving-mx-host-name`,
/// `sending-mta-ip-address`, `start-date-time`) is recognised instead of silently dropping
/// what it holds.
enum TLSRPTMemberNames {
    static let report = ["organization-name", "date-range", "contact-info", "report-id", "policies"]
    static let dateRange = ["start-datetime", "end-datetime"]
    static let policyResult = ["policy", "summary", "failure-details"]
    static let policy = ["policy-type", "policy-string", "policy-domain", "mx-host", "mx-host-pattern"]
    static let summary = ["total-successful-session-count", "total-failure-session-count"]
    static let failureDetail = [
        "result-type", "sending-mta-ip", "receiving-mx-hostname", "receiving-mx-helo", "receiving-ip",
        "failed-session-count", "additional-information", "additional-info-uri", "failure-reason-code",
    ]

    /// The member of `known` that `name` was probably meant to be, `nil` for a known name or an
    /// extension member: the same name in another case or with `_` or `.` for `-`, one or two
    /// typing errors away (``FieldNameSimilarity``), or a known name with a word added after a
    /// separator (`sending-mta-ip-address`).
    static func intended(_ name: String, among known: [String]) -> String? {
        guard !known.contains(name) else { return nil }
        if let guess = FieldNameSimilarity.likelyIntended(name, among: known) { return guess }
        let folded = FieldNameSimilarity.fold(name)
        return known.filter { folded.hasPrefix(FieldNameSimilarity.fold($0) + "_") }.max { $0.count < $1.count }
    }
}

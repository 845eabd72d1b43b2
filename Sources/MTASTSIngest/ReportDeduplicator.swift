import MTASTSCore

/// Remembers the reports of one run by (organization-name, report-id) (RFC 8460 §4.4: the
/// report-id is unique per sender), so a report mailed twice, or to two `rua` addresses,
/// counts once. Storage does its own check across runs.
public struct ReportDeduplicator: Sendable {
    private var firstSource: [TLSRPTReportKey: String] = [:]

    public init() {}

    /// The source the key was first seen at, or `nil` (and the key is remembered) if it is new.
    public mutating func check(_ key: TLSRPTReportKey, source: String) -> String? {
        if let first = firstSource[key] { return first }
        firstSource[key] = source
        return nil
    }
}

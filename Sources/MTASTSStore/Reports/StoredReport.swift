import Foundation
import MTASTSCore

/// A stored report with what was kept around it.
public struct StoredReport: Codable, Sendable, Hashable {
    public var report: TLSRPTReport
    /// The quirks found when it was read (`report.*`).
    public var findings: [Finding]
    /// Where it came from (file, `mbox#n`, `stdin`).
    public var source: String?
    public var ingestedAt: Date
    /// The sender's JSON as received.
    public var raw: String

    public init(report: TLSRPTReport, findings: [Finding], source: String?, ingestedAt: Date, raw: String) {
        self.report = report
        self.findings = findings
        self.source = source
        self.ingestedAt = ingestedAt
        self.raw = raw
    }
}

/// A report that was accepted: the normalised report, the quirks found on the way (findings
/// with `report.*` codes) and the exact bytes the sender wrote, kept for storage and for
/// re-parsing when the parser learns more (DESIGN: "keep the raw JSON").
public struct ParsedTLSRPTReport: Sendable, Hashable {
    public var report: TLSRPTReport
    public var findings: [Finding]
    /// The JSON as received (after any gzip and transfer decoding).
    public var raw: [UInt8]

    public init(report: TLSRPTReport, findings: [Finding], raw: [UInt8]) {
        self.report = report
        self.findings = findings
        self.raw = raw
    }
}

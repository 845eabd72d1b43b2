import MTASTSCore

/// The result for one file or message: a report, a duplicate of one seen earlier in the same
/// run, or the reason it could not be read.
public struct IngestItem: Sendable {
    public enum Outcome: Sendable {
        case report(ParsedTLSRPTReport)
        /// Same organization and report-id as `firstSource` (RFC 8460 §4.4: the report-id is
        /// unique per sender), so counted once.
        case duplicate(ParsedTLSRPTReport, firstSource: String)
        case failure(IngestError)
    }

    /// Where the item came from: `reports/a.json.gz`, `tlsrpt.mbox#17`, `Maildir/cur/1718…`,
    /// `stdin`.
    public var source: String
    public var outcome: Outcome
    /// The mail around the report, when the item was a message.
    public var message: MessageInfo?

    public init(source: String, outcome: Outcome, message: MessageInfo? = nil) {
        self.source = source
        self.outcome = outcome
        self.message = message
    }

    /// The report, also for a duplicate.
    public var parsed: ParsedTLSRPTReport? {
        switch outcome {
        case .report(let parsed), .duplicate(let parsed, _): parsed
        case .failure: nil
        }
    }

    public var error: IngestError? {
        if case .failure(let error) = outcome { return error }
        return nil
    }

    public var isDuplicate: Bool {
        if case .duplicate = outcome { return true }
        return false
    }
}

/// Counts of one ingest run.
public struct IngestSummary: Codable, Sendable, Hashable {
    public var items = 0
    public var reports = 0
    public var duplicates = 0
    public var failures = 0

    public init() {}

    mutating func count(_ item: IngestItem) {
        items += 1
        switch item.outcome {
        case .report: reports += 1
        case .duplicate: duplicates += 1
        case .failure: failures += 1
        }
    }
}

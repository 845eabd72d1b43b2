import Foundation
import MTASTSIngest

/// The limits of the internet-facing listener: every request is bounded in size and time, so
/// a slow or hostile client costs a bounded amount and cannot starve the others.
public struct ServeLimits: Sendable, Hashable {
    /// Largest request body (a compressed report); larger ones get 413 without being read.
    public var requestBodyBytes: Int
    /// What a gzip report may inflate to (RFC 8460 §5.3); a bomb stops there (413).
    public var decompressedBytes: Int
    /// Request header limits (field size, list size, count).
    public var headerFieldBytes: Int
    public var headerListBytes: Int
    public var headerFieldCount: Int
    /// From accepting the connection (or the end of the previous answer) until the whole next
    /// request has arrived: a client that drips bytes is cut off here, not held for ever.
    public var requestSeconds: Double
    /// A kept-alive connection with nothing to say is closed after this.
    public var idleSeconds: Double
    /// Reports per client: a burst, then one per `1/reportsPerSecond` seconds.
    public var reportBurst: Double
    public var reportsPerSecond: Double

    public init(
        requestBodyBytes: Int = 2 * 1024 * 1024, decompressedBytes: Int = 10 * 1024 * 1024,
        headerFieldBytes: Int = 8 * 1024, headerListBytes: Int = 16 * 1024, headerFieldCount: Int = 64,
        requestSeconds: Double = 10, idleSeconds: Double = 30, reportBurst: Double = 30, reportsPerSecond: Double = 1
    ) {
        self.requestBodyBytes = requestBodyBytes
        self.decompressedBytes = decompressedBytes
        self.headerFieldBytes = headerFieldBytes
        self.headerListBytes = headerListBytes
        self.headerFieldCount = headerFieldCount
        self.requestSeconds = requestSeconds
        self.idleSeconds = idleSeconds
        self.reportBurst = reportBurst
        self.reportsPerSecond = reportsPerSecond
    }

    /// The ingest limits a posted report is decoded under.
    public var ingest: IngestLimits {
        IngestLimits(messageBytes: requestBodyBytes, decompressedBytes: decompressedBytes)
    }
}

/// Limits that keep ingestion bounded on hostile or broken input.
public struct IngestLimits: Sendable, Hashable {
    /// The largest single message or report file read (mbox messages are cut off at this size
    /// while streaming, never held whole).
    public var messageBytes: Int
    /// The most bytes a gzip report may inflate to (RFC 8460 §5.3 `application/tlsrpt+gzip`);
    /// decompression stops as soon as it is passed, so a gzip bomb costs at most this much.
    public var decompressedBytes: Int
    /// How much of an mbox is read at a time.
    public var readChunkBytes: Int
    /// The most concatenated gzip members one report may have (RFC 1952 §2.2); senders write
    /// one. Empty members inflate to nothing, so without this cap 40 MB of them cost half a
    /// minute of zlib restarts.
    public var gzipMembers: Int

    public init(
        messageBytes: Int = 50 * 1024 * 1024, decompressedBytes: Int = 20 * 1024 * 1024, readChunkBytes: Int = 1024 * 1024,
        gzipMembers: Int = 16
    ) {
        self.messageBytes = messageBytes
        self.decompressedBytes = decompressedBytes
        self.readChunkBytes = readChunkBytes
        self.gzipMembers = gzipMembers
    }
}

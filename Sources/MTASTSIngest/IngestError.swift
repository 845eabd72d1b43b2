import MTASTSCore

/// Why one file or message did not give a report. Each error belongs to one item; the other
/// items of the same run still go in.
public enum IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file or directory cannot be read at all (missing, permissions, not a maildir).
    case unreadable(String)
    /// A message or file is over ``IngestLimits/messageBytes``.
    case messageTooLarge(limit: Int)
    /// A gzip report inflates past ``IngestLimits/decompressedBytes`` (a gzip bomb, or just too big).
    case decompressedTooLarge(limit: Int)
    /// The gzip stream ends before its end marker and trailer (RFC 1952 §2.2).
    case truncatedGzip
    /// The gzip data is corrupt (bad header, bad deflate data, CRC or length mismatch).
    case corruptGzip(String)
    /// The gzip data holds more members than ``IngestLimits/gzipMembers`` (RFC 1952 §2.2
    /// allows concatenated members; senders write one, millions of empty ones only cost time).
    case tooManyGzipMembers(limit: Int)
    /// A maildir entry that is not a regular file (a FIFO, socket or device): opening it could
    /// block for ever or read without end, so it is skipped and named.
    case notAFile(String)
    /// A message holds no part that is a TLS-RPT report (RFC 8460 §5.3); the reason lists
    /// the parts seen.
    case noReport(String)
    /// The message's MIME structure cannot be read (RFC 2045, RFC 2046).
    case malformedMessage(String)
    /// The JSON is not a valid report (RFC 8460 §4.4).
    case invalidReport(TLSRPTReportError)

    /// A stable short name for scripts and JSON output.
    public var kind: String {
        switch self {
        case .unreadable: "unreadable"
        case .messageTooLarge: "message-too-large"
        case .decompressedTooLarge: "decompressed-too-large"
        case .truncatedGzip: "truncated-gzip"
        case .corruptGzip: "corrupt-gzip"
        case .tooManyGzipMembers: "too-many-gzip-members"
        case .notAFile: "not-a-file"
        case .noReport: "no-report"
        case .malformedMessage: "malformed-message"
        case .invalidReport(let error): error.kind.rawValue
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let reason): "cannot read: \(reason)"
        case .messageTooLarge(let limit): "larger than \(limit) bytes (\(mebibytes(limit)))"
        case .decompressedTooLarge(let limit):
            "the gzip data inflates to more than \(limit) bytes (\(mebibytes(limit))); decompression stopped"
        case .truncatedGzip: "the gzip data is truncated: the stream ends before its end marker and trailer"
        case .corruptGzip(let reason): "the gzip data is corrupt: \(reason)"
        case .tooManyGzipMembers(let limit):
            "the gzip data holds more than \(limit) concatenated members (RFC 1952 §2.2); senders write one; decompression stopped"
        case .notAFile(let what): "skipped: \(what), not a regular file; only regular files are read from a maildir"
        case .noReport(let reason): "no TLS-RPT report in the message: \(reason)"
        case .malformedMessage(let reason): "unreadable message structure: \(reason)"
        case .invalidReport(let error): "not a valid TLS-RPT report: \(error)"
        }
    }

    private func mebibytes(_ bytes: Int) -> String {
        bytes % (1024 * 1024) == 0 ? "\(bytes / (1024 * 1024)) MiB" : "\(bytes / 1024) KiB"
    }
}

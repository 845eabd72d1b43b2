/// Finds the report in a mail message (RFC 8460 §5.3): a `multipart/report` with
/// `report-type="tlsrpt"` whose report part is `application/tlsrpt+json` or
/// `application/tlsrpt+gzip`, or what real senders and forwarders produce instead:
/// `multipart/mixed`, the report as the whole message, `application/json`,
/// `application/gzip`, `application/octet-stream` with a `.json` or `.gz` file name, a report
/// inside a forwarded `message/rfc822`.
public enum MessageReportExtractor {
    /// A report part, still to be decompressed (if gzip) and parsed.
    public struct Payload: Sendable {
        /// The part's body with the transfer encoding undone.
        public var bytes: [UInt8]
        public var info: MessageInfo
    }

    /// How a part qualifies, best first.
    enum Candidate: Int, Comparable {
        case tlsrpt = 0
        case generic = 1

        static func < (a: Candidate, b: Candidate) -> Bool { a.rawValue < b.rawValue }
    }

    public static func extract(_ message: [UInt8], limits: MIMEEntity.Limits = MIMEEntity.Limits()) -> Result<Payload, IngestError> {
        let root: MIMEEntity
        switch MIMEEntity.parse(message[...], limits: limits) {
        case .success(let entity): root = entity
        case .failure(let error): return .failure(error)
        }
        if root.headers.fields.isEmpty {
            return .failure(.malformedMessage("no header fields: not a mail message, a JSON report or gzip data"))
        }
        let leaves = root.leaves
        let ranked = leaves.enumerated().compactMap { index, leaf in classify(leaf).map { (index, $0, leaf) } }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        guard let (_, _, part) = ranked.first else {
            let seen = leaves.map { leaf in leaf.contentType.value + (leaf.filename.map { " (\($0))" } ?? "") }
            return .failure(.noReport("parts seen: " + (seen.isEmpty ? "none" : seen.joined(separator: ", "))))
        }
        var info = MessageInfo(headers: root.headers)
        info.contentType = part.contentType.value
        info.filename = part.filename
        return .success(Payload(bytes: part.decodedBody, info: info))
    }

    static func classify(_ part: MIMEEntity) -> Candidate? {
        switch part.contentType.value {
        case "application/tlsrpt+json", "application/tlsrpt+gzip": return .tlsrpt
        case "application/json", "application/gzip", "application/x-gzip": return .generic
        case "application/octet-stream":
            let name = (part.filename ?? "").lowercased()
            return name.hasSuffix(".json") || name.hasSuffix(".gz") || name.hasSuffix(".gzip") ? .generic : nil
        default: return nil
        }
    }
}

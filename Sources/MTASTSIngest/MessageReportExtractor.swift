import MTASTSCore

/// Finds the report in a mail message (RFC 8460 §5.3): a `multipart/report` with
/// `report-type="tlsrpt"` whose report part is `application/tlsrpt+json` or
/// `application/tlsrpt+gzip`, or what real senders and forwarders produce instead:
/// `multipart/mixed`, the report as the whole message, `application/tlsrpt` without the
/// `+json` or `+gzip` suffix (noted as `report.media-type`), `application/json`,
/// `application/gzip`, `application/octet-stream` with a `.json` or `.gz` file name, a report
/// inside a forwarded `message/rfc822`.
public enum MessageReportExtractor {
    /// A report part, still to be decompressed (if gzip) and parsed.
    public struct Payload: Sendable {
        /// The part's body with the transfer encoding undone.
        public var bytes: [UInt8]
        public var info: MessageInfo
        /// What is off about the packaging (`report.media-type`), for the report's findings.
        public var findings: [Finding] = []
    }

    /// How a part qualifies, best first.
    enum Candidate: Int, Comparable {
        case tlsrpt = 0
        /// `application/tlsrpt`: the RFC's type without its `+json` / `+gzip` suffix.
        case tlsrptWithoutSuffix = 1
        case generic = 2

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
        guard let (_, candidate, part) = ranked.first else {
            let seen = leaves.map { leaf in leaf.contentType.value + (leaf.filename.map { " (\($0))" } ?? "") }
            return .failure(.noReport("parts seen: " + (seen.isEmpty ? "none" : seen.joined(separator: ", "))))
        }
        var info = MessageInfo(headers: root.headers)
        info.contentType = part.contentType.value
        info.filename = part.filename
        var payload = Payload(bytes: part.decodedBody, info: info)
        if candidate == .tlsrptWithoutSuffix {
            payload.findings.append(Finding(
                code: .reportMediaType, subject: "Content-Type",
                message: "the report part is typed `\(part.contentType.value)`; RFC 8460 §5.3 names "
                    + "`application/tlsrpt+json` or `application/tlsrpt+gzip`; read as gzip or JSON by its content",
                evidence: part.headers["Content-Type"] ?? part.contentType.value))
        }
        return .success(payload)
    }

    static func classify(_ part: MIMEEntity) -> Candidate? {
        switch part.contentType.value {
        case "application/tlsrpt+json", "application/tlsrpt+gzip": return .tlsrpt
        case "application/tlsrpt": return .tlsrptWithoutSuffix
        case "application/json", "application/gzip", "application/x-gzip": return .generic
        case "application/octet-stream":
            let name = (part.filename ?? "").lowercased()
            return name.hasSuffix(".json") || name.hasSuffix(".gz") || name.hasSuffix(".gzip") ? .generic : nil
        default: return nil
        }
    }
}

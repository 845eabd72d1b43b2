import MTASTSCore

/// What said a report is gzip before its bytes were looked at: a file name ending in `.gz`
/// (RFC 8460 §5.1: the extension is `json.gz` for a gzip-compressed report) or a part typed
/// `application/tlsrpt+gzip` (RFC 8460 §5.3), `application/gzip` or `application/x-gzip`.
/// Some senders label plain JSON that way; the bytes decide (``ReportDecoder/sniff(_:)``) and
/// the mismatch is a `report.not-gzip` finding.
struct GzipDeclaration {
    /// The file name or content type that declared gzip.
    var subject: String
    /// How it declared it, for the message.
    var claim: String

    static func of(filename: String?, contentType: String?) -> GzipDeclaration? {
        if let contentType, ["application/tlsrpt+gzip", "application/gzip", "application/x-gzip"].contains(contentType) {
            return GzipDeclaration(subject: "Content-Type: \(contentType)", claim: "typed `\(contentType)`")
        }
        if let filename {
            let name = filename.split(separator: "/").last.map(String.init) ?? filename
            let lower = name.lowercased()
            if lower.hasSuffix(".gz") || lower.hasSuffix(".gzip") {
                return GzipDeclaration(subject: name, claim: "named `\(name)`")
            }
        }
        return nil
    }

    /// The finding for a declared-gzip report whose bytes are the JSON itself.
    func finding(json: [UInt8]) -> Finding {
        let start = String(decoding: json.prefix(48), as: UTF8.self)
            .map { $0.isNewline ? " " : String($0) }.joined()
        return Finding(
            code: .reportNotGzip, subject: subject,
            message: "the report is \(claim), but its bytes are plain JSON, not gzip (RFC 8460 §5.1, §5.3); read as JSON",
            evidence: start + (json.count > 48 ? "…" : ""))
    }
}

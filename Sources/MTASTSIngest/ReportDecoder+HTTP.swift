import MTASTSCore

extension ReportDecoder {
    /// A report POSTed to an `https:` rua URI (RFC 8460 §3, §5.4): the body is the report,
    /// `application/tlsrpt+json` or gzip-compressed `application/tlsrpt+gzip` (RFC 8460 §5.3,
    /// §6.4). The bytes decide between the two, as for files; a gzip type on plain JSON is a
    /// `report.not-gzip` finding. `contentType` is the media type without parameters.
    public static func posted(_ bytes: [UInt8], contentType: String, limits: IngestLimits) -> Result<ParsedTLSRPTReport, IngestError> {
        guard !bytes.isEmpty else { return .failure(.malformedMessage("the request body is empty")) }
        guard bytes.count <= limits.messageBytes else { return .failure(.messageTooLarge(limit: limits.messageBytes)) }
        switch sniff(bytes) {
        case .gzip, .json:
            return payload(bytes, limits: limits, declaredGzip: GzipDeclaration.of(filename: nil, contentType: contentType))
        case .message, .empty:
            return .failure(.malformedMessage("the body is neither a JSON report nor gzip (RFC 8460 §5.3)"))
        }
    }
}

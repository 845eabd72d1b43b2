import MTASTSCore

/// Turns the bytes of one item into a report: gzip (RFC 8460 §5.3 `application/tlsrpt+gzip`)
/// is recognised by its magic bytes and inflated under the cap, JSON is parsed (RFC 8460 §4.4),
/// anything else is read as a mail message and its report part extracted. The bytes decide,
/// not the name: a `.json.gz` file or gzip-typed part holding plain JSON is read as JSON
/// (`report.not-gzip`). For a mail, the packaging's findings come first in the report's
/// findings, and a `TLS-Report-Submitter` that does not match `contact-info` is noted
/// (``TLSRPTSubmitterRule`` in the core).
public enum ReportDecoder {
    /// What one item decoded to, before duplicate detection.
    public struct Decoded: Sendable {
        public var result: Result<ParsedTLSRPTReport, IngestError>
        public var message: MessageInfo?
    }

    /// Decodes one item. `filename` is the name of the file it was read from, if any.
    public static func decode(_ bytes: [UInt8], limits: IngestLimits, filename: String? = nil) -> Decoded {
        switch sniff(bytes) {
        case .gzip, .json:
            let declaration = GzipDeclaration.of(filename: filename, contentType: nil)
            return Decoded(result: payload(bytes, limits: limits, declaredGzip: declaration), message: nil)
        case .message:
            switch MessageReportExtractor.extract(bytes) {
            case .success(let payload):
                let info = payload.info
                let declaration = GzipDeclaration.of(filename: info.filename, contentType: info.contentType)
                let result = self.payload(payload.bytes, limits: limits, declaredGzip: declaration, reportDomain: info.reportDomain)
                    .map { parsed in
                        var parsed = parsed
                        parsed.findings.insert(contentsOf: payload.findings, at: 0)
                        if let mismatch = TLSRPTSubmitterRule.finding(parsed.report, submitter: info.reportSubmitter) {
                            parsed.findings.append(mismatch)
                        }
                        return parsed
                    }
                return Decoded(result: result, message: info)
            case .failure(let error):
                return Decoded(result: .failure(error), message: nil)
            }
        case .empty:
            return Decoded(result: .failure(.malformedMessage("the input is empty")), message: nil)
        }
    }

    /// A report attachment or file: gzip or JSON. `reportDomain` is the mail's
    /// `TLS-Report-Domain` (for a `no-policy-found` policy without `policy-domain`).
    public static func payload(_ bytes: [UInt8], limits: IngestLimits, reportDomain: String? = nil) -> Result<ParsedTLSRPTReport, IngestError> {
        payload(bytes, limits: limits, declaredGzip: nil, reportDomain: reportDomain)
    }

    static func payload(
        _ bytes: [UInt8], limits: IngestLimits, declaredGzip: GzipDeclaration?, reportDomain: String? = nil
    ) -> Result<ParsedTLSRPTReport, IngestError> {
        var json = bytes
        let isGzip = GzipInflater.isGzip(bytes)
        if isGzip {
            switch GzipInflater.inflate(bytes, limit: limits.decompressedBytes, maxMembers: limits.gzipMembers) {
            case .success(let inflated): json = inflated
            case .failure(let error): return .failure(error)
            }
        }
        return TLSRPTReportParser.parse(json, limits: TLSRPTReportParser.Limits(maxBytes: limits.decompressedBytes), reportDomain: reportDomain)
            .mapError { .invalidReport($0) }
            .map { parsed in
                guard !isGzip, let declaredGzip else { return parsed }
                var parsed = parsed
                parsed.findings.insert(declaredGzip.finding(json: json), at: 0)
                return parsed
            }
    }

    enum Kind {
        case gzip
        case json
        case message
        case empty
    }

    /// gzip magic; `{` or `[` after white space (and a UTF-8 BOM); anything else is a message.
    static func sniff(_ bytes: [UInt8]) -> Kind {
        if GzipInflater.isGzip(bytes) { return .gzip }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        guard index < bytes.count else { return .empty }
        return bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") ? .json : .message
    }
}

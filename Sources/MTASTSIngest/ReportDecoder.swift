import MTASTSCore

/// Turns the bytes of one item into a report: gzip (RFC 8460 §5.3 `application/tlsrpt+gzip`)
/// is recognised by its magic bytes and inflated under the cap, JSON is parsed (RFC 8460 §4.4),
/// anything else is read as a mail message and its report part extracted.
public enum ReportDecoder {
    /// What one item decoded to, before duplicate detection.
    public struct Decoded: Sendable {
        public var result: Result<ParsedTLSRPTReport, IngestError>
        public var message: MessageInfo?
    }

    public static func decode(_ bytes: [UInt8], limits: IngestLimits) -> Decoded {
        switch sniff(bytes) {
        case .gzip, .json:
            return Decoded(result: payload(bytes, limits: limits), message: nil)
        case .message:
            switch MessageReportExtractor.extract(bytes) {
            case .success(let payload):
                return Decoded(result: self.payload(payload.bytes, limits: limits), message: payload.info)
            case .failure(let error):
                return Decoded(result: .failure(error), message: nil)
            }
        case .empty:
            return Decoded(result: .failure(.malformedMessage("the input is empty")), message: nil)
        }
    }

    /// A report attachment or file: gzip or JSON.
    public static func payload(_ bytes: [UInt8], limits: IngestLimits) -> Result<ParsedTLSRPTReport, IngestError> {
        var json = bytes
        if GzipInflater.isGzip(bytes) {
            switch GzipInflater.inflate(bytes, limit: limits.decompressedBytes) {
            case .success(let inflated): json = inflated
            case .failure(let error): return .failure(error)
            }
        }
        return TLSRPTReportParser.parse(json, limits: TLSRPTReportParser.Limits(maxBytes: limits.decompressedBytes))
            .mapError { .invalidReport($0) }
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

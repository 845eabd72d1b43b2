/// A message or body part (RFC 2045 §2.4) with its sub-parts when it is a multipart
/// (RFC 2046 §5.1) or an enclosed message (`message/rfc822`, RFC 2046 §5.2.1, as when a
/// report is forwarded). Bodies stay as slices of the message bytes until decoded.
public struct MIMEEntity: Sendable {
    public struct Limits: Sendable, Hashable {
        /// Deepest nesting of multiparts and enclosed messages.
        public var maxDepth: Int
        /// Most parts in one message.
        public var maxParts: Int

        public init(maxDepth: Int = 16, maxParts: Int = 10_000) {
            self.maxDepth = maxDepth
            self.maxParts = maxParts
        }
    }

    public var headers: MIMEHeaders
    /// `Content-Type`; `text/plain` when absent (RFC 2045 §5.2).
    public var contentType: MIMEHeaderValue
    /// `Content-Transfer-Encoding`, lower case; `7bit` when absent (RFC 2045 §6.1).
    public var transferEncoding: String
    /// The body as written, still transfer-encoded.
    public var body: ArraySlice<UInt8>
    /// Sub-parts of a multipart, or the enclosed message of a `message/rfc822`.
    public var parts: [MIMEEntity]

    /// `Content-Disposition: …; filename=` (RFC 2183 §2.3), else `Content-Type: …; name=`.
    public var filename: String? {
        let disposition = headers["Content-Disposition"].map(MIMEHeaderValue.init(parsing:))
        return disposition?.parameters["filename"] ?? contentType.parameters["name"]
    }

    /// The body with its transfer encoding undone (RFC 2045 §6).
    public var decodedBody: [UInt8] { TransferDecoding.decode(body, encoding: transferEncoding) }

    /// The parts that hold content, depth first in document order.
    public var leaves: [MIMEEntity] { parts.isEmpty ? [self] : parts.flatMap(\.leaves) }

    /// Parses a whole message or part. Never fails on sloppy input: a multipart without
    /// boundary is kept as a leaf, a missing close delimiter ends the multipart at the end of
    /// the data; only the limits raise an error.
    public static func parse(_ bytes: ArraySlice<UInt8>, limits: Limits = Limits()) -> Result<MIMEEntity, IngestError> {
        var count = 0
        do throws(IngestError) {
            return .success(try parse(bytes, depth: 0, count: &count, limits: limits))
        } catch {
            return .failure(error)
        }
    }

    static func parse(_ bytes: ArraySlice<UInt8>, depth: Int, count: inout Int, limits: Limits) throws(IngestError) -> MIMEEntity {
        count += 1
        guard count <= limits.maxParts else { throw .malformedMessage("more than \(limits.maxParts) MIME parts") }
        guard depth <= limits.maxDepth else { throw .malformedMessage("MIME parts nested deeper than \(limits.maxDepth) levels") }
        let (headers, body) = MIMEHeaders.split(bytes)
        let contentType = headers["Content-Type"].map(MIMEHeaderValue.init(parsing:))
            ?? MIMEHeaderValue(value: "text/plain", parameters: [:])
        let encoding = (headers["Content-Transfer-Encoding"] ?? "7bit").trimmingWhitespace.lowercased()
        var entity = MIMEEntity(headers: headers, contentType: contentType, transferEncoding: encoding, body: body, parts: [])
        if contentType.value.hasPrefix("multipart/"), let boundary = contentType.parameters["boundary"], !boundary.isEmpty {
            for part in split(body, boundary: boundary) {
                entity.parts.append(try parse(part, depth: depth + 1, count: &count, limits: limits))
            }
        } else if contentType.value == "message/rfc822" {
            let enclosed = entity.decodedBody
            entity.parts = [try parse(enclosed[...], depth: depth + 1, count: &count, limits: limits)]
        }
        return entity
    }

    /// The body parts of a multipart (RFC 2046 §5.1.1): between delimiter lines
    /// `--boundary` (optionally followed by white space), up to the close delimiter
    /// `--boundary--`. The line break before a delimiter belongs to the delimiter. Preamble
    /// and epilogue are dropped.
    static func split(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var closed = false
        ByteLines.forEach(in: body) { content, full in
            guard ByteLines.hasPrefix(body, content, delimiter) else { return true }
            var rest = (content.lowerBound + delimiter.count)..<content.upperBound
            let closing = ByteLines.hasPrefix(body, rest, [0x2D, 0x2D])
            if closing { rest = (rest.lowerBound + 2)..<rest.upperBound }
            guard ByteLines.isBlank(body, rest) else { return true }
            if let start = partStart {
                var end = content.lowerBound
                if end > start, body[end - 1] == 0x0A { end -= 1 }
                if end > start, body[end - 1] == 0x0D { end -= 1 }
                parts.append(body[start..<end])
            }
            partStart = full.upperBound
            closed = closing
            return !closing
        }
        // No close delimiter (a cut-off message): the last part runs to the end.
        if !closed, let start = partStart, start < body.endIndex { parts.append(body[start...]) }
        return parts
    }
}

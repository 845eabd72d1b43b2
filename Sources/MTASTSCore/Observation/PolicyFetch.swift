import Foundation

/// The HTTPS exchange for `https://mta-sts.<domain>/.well-known/mta-sts.txt` (RFC 8461 §3.3),
/// recorded, not judged.
public struct PolicyFetch: Codable, Sendable, Hashable {
    public var url: String
    /// The address connected to.
    public var address: String?
    public var elapsedMilliseconds: Int?
    public var status: Int?
    public var headers: [NameValue]
    /// The body bytes read (at most the limit; see `bodyTruncated`).
    public var body: [UInt8]?
    /// The server sent more than the probe's limit; reading stopped.
    public var bodyTruncated: Bool
    /// The `Location` of a 3xx answer; never followed.
    public var redirectLocation: String?
    public var tls: TLSObservation?
    public var failure: ProbeFailure?

    public init(
        url: String, address: String? = nil, elapsedMilliseconds: Int? = nil, status: Int? = nil,
        headers: [NameValue] = [], body: [UInt8]? = nil, bodyTruncated: Bool = false,
        redirectLocation: String? = nil, tls: TLSObservation? = nil, failure: ProbeFailure? = nil
    ) {
        self.url = url
        self.address = address
        self.elapsedMilliseconds = elapsedMilliseconds
        self.status = status
        self.headers = headers
        self.body = body
        self.bodyTruncated = bodyTruncated
        self.redirectLocation = redirectLocation
        self.tls = tls
        self.failure = failure
    }

    /// The first header named `name`, case-insensitively (RFC 9110 §5.1).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    enum CodingKeys: String, CodingKey {
        case url, address, elapsedMilliseconds, status, headers, body, bodyEncoding, bodyTruncated,
            redirectLocation, tls, failure
    }

    /// The body is written as text when it is UTF-8 (readable recorded observations) and as
    /// base64 otherwise; `bodyEncoding` says which.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(url, forKey: .url)
        try c.encodeIfPresent(address, forKey: .address)
        try c.encodeIfPresent(elapsedMilliseconds, forKey: .elapsedMilliseconds)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encode(headers, forKey: .headers)
        if let body {
            if let text = String(validating: body, as: UTF8.self) {
                try c.encode(text, forKey: .body)
                try c.encode("utf8", forKey: .bodyEncoding)
            } else {
                try c.encode(Data(body).base64EncodedString(), forKey: .body)
                try c.encode("base64", forKey: .bodyEncoding)
            }
        }
        try c.encode(bodyTruncated, forKey: .bodyTruncated)
        try c.encodeIfPresent(redirectLocation, forKey: .redirectLocation)
        try c.encodeIfPresent(tls, forKey: .tls)
        try c.encodeIfPresent(failure, forKey: .failure)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        url = try c.decode(String.self, forKey: .url)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        elapsedMilliseconds = try c.decodeIfPresent(Int.self, forKey: .elapsedMilliseconds)
        status = try c.decodeIfPresent(Int.self, forKey: .status)
        headers = try c.decodeIfPresent([NameValue].self, forKey: .headers) ?? []
        if let text = try c.decodeIfPresent(String.self, forKey: .body) {
            switch try c.decodeIfPresent(String.self, forKey: .bodyEncoding) ?? "utf8" {
            case "base64":
                guard let data = Data(base64Encoded: text) else {
                    throw DecodingError.dataCorruptedError(forKey: .body, in: c, debugDescription: "body is not base64")
                }
                body = Array(data)
            case "utf8": body = Array(text.utf8)
            case let other:
                throw DecodingError.dataCorruptedError(
                    forKey: .bodyEncoding, in: c, debugDescription: "unknown bodyEncoding \(other)")
            }
        } else {
            body = nil
        }
        bodyTruncated = try c.decodeIfPresent(Bool.self, forKey: .bodyTruncated) ?? false
        redirectLocation = try c.decodeIfPresent(String.self, forKey: .redirectLocation)
        tls = try c.decodeIfPresent(TLSObservation.self, forKey: .tls)
        failure = try c.decodeIfPresent(ProbeFailure.self, forKey: .failure)
    }
}

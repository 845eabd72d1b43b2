import Foundation

/// One TLSA record (RFC 6698 §2.1) as recorded in presentation form `usage selector type hex`.
public struct TLSARecord: Codable, Sendable, Hashable, CustomStringConvertible {
    /// RFC 6698 §2.1.1, RFC 7218 names: PKIX-TA(0), PKIX-EE(1), DANE-TA(2), DANE-EE(3).
    public var usage: UInt8
    /// RFC 6698 §2.1.2: Cert(0), SPKI(1).
    public var selector: UInt8
    /// RFC 6698 §2.1.3: Full(0), SHA2-256(1), SHA2-512(2).
    public var matchingType: UInt8
    /// The association data, lower-case hex.
    public var data: String

    public init(usage: UInt8, selector: UInt8, matchingType: UInt8, data: String) {
        self.usage = usage
        self.selector = selector
        self.matchingType = matchingType
        self.data = data.lowercased()
    }

    /// Parses `usage selector type hex` (RFC 6698 §2.2); `nil` when it is not that.
    public init?(presentation text: String) {
        let parts = text.split(whereSeparator: \.isWhitespace)
        guard parts.count >= 4, let usage = UInt8(parts[0]), let selector = UInt8(parts[1]), let type = UInt8(parts[2]) else { return nil }
        let hex = parts[3...].joined().lowercased()
        guard hex.count % 2 == 0, hex.allSatisfy(\.isHexDigit) else { return nil }
        self.init(usage: usage, selector: selector, matchingType: type, data: hex)
    }

    /// RFC 7672 §3.1.3: only DANE-TA(2) and DANE-EE(3) are usable for SMTP; PKIX-TA(0) and
    /// PKIX-EE(1) MUST be treated as unusable. Selectors and matching types other than those of
    /// RFC 6698 are unusable too (§2.1.2, §2.1.3).
    public var isUsableForSMTP: Bool {
        (usage == 2 || usage == 3) && selector <= 1 && matchingType <= 2 && !data.isEmpty
            && data.count == expectedLength
    }

    /// Hex length the matching type implies (0 for full data, which has no fixed length).
    var expectedLength: Int {
        switch matchingType {
        case 1: 64
        case 2: 128
        default: data.count
        }
    }

    /// The usage in words (RFC 7218 mnemonics).
    public var usageName: String {
        switch usage {
        case 0: "PKIX-TA"
        case 1: "PKIX-EE"
        case 2: "DANE-TA"
        case 3: "DANE-EE"
        default: "usage \(usage)"
        }
    }

    public var description: String { "\(usage) \(selector) \(matchingType) \(data)" }

    /// Whether this record's association data matches `certificate` (RFC 6698 §2.1.2, §2.1.3).
    /// `nil` when the observation lacks the material to tell (recorded before it was kept).
    public func matches(_ certificate: CertificateInfo) -> Bool? {
        let hex: String?
        switch (selector, matchingType) {
        case (0, 0): hex = certificate.der.map { CertificateHex.of($0) }
        case (0, 1): hex = certificate.sha256
        case (0, 2): hex = certificate.sha512
        case (1, 0): hex = certificate.spki.map { CertificateHex.of($0) }
        case (1, 1): hex = certificate.spkiSHA256
        case (1, 2): hex = certificate.spkiSHA512
        default: return false
        }
        return hex.map { $0.lowercased() == data }
    }

    /// SHA-256 and SHA-512 of nothing: a record holding one is a tooling mistake.
    static let emptyDigests: Set<String> = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
    ]
}

enum CertificateHex {
    static func of(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }
}

/// A stable, dotted, lower-case finding code such as `policy.mx-uncovered`.
///
/// Codes are part of the tool's public interface (the README lists them, scripts match on them),
/// so they are never renamed silently. Every code has an entry in ``FindingCatalog``.
public struct FindingCode: RawRepresentable, Codable, Sendable, Hashable, Comparable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: FindingCode, rhs: FindingCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The part before the first dot: `policy`, `mx-cert`, …
    public var area: String { String(rawValue.prefix { $0 != "." }) }
}

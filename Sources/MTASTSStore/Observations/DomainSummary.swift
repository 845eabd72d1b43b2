import Foundation

/// One line of the domain list: the domain and the summary of its newest observation.
public struct DomainSummary: Codable, Sendable, Hashable {
    public var name: String
    public var addedAt: Date
    public var note: String?
    /// The newest observation's summary; `nil` when the domain was never checked.
    public var latest: ObservationSummary?

    public init(name: String, addedAt: Date, note: String? = nil, latest: ObservationSummary? = nil) {
        self.name = name
        self.addedAt = addedAt
        self.note = note
        self.latest = latest
    }

    /// Writes every member, `null` included, so scripts see a stable shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(addedAt, forKey: .addedAt)
        try c.encode(note, forKey: .note)
        try c.encode(latest, forKey: .latest)
    }
}

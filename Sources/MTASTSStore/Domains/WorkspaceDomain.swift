import Foundation

/// A domain under management.
public struct WorkspaceDomain: Codable, Sendable, Hashable {
    /// Normalised: lower case, no trailing dot.
    public var name: String
    public var addedAt: Date
    /// The operator's remark, if any.
    public var note: String?

    public init(name: String, addedAt: Date, note: String? = nil) {
        self.name = name
        self.addedAt = addedAt
        self.note = note
    }
}

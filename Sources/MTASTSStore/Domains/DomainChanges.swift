/// What ``Workspace/add(domains:note:at:)`` did with each name given.
public struct DomainAddition: Codable, Sendable, Hashable {
    /// Newly added, normalised, in input order.
    public var added: [String]
    /// Already in the workspace (or given twice), normalised.
    public var existing: [String]
    /// Not domain names, as given.
    public var invalid: [String]

    public init(added: [String] = [], existing: [String] = [], invalid: [String] = []) {
        self.added = added
        self.existing = existing
        self.invalid = invalid
    }
}

/// What ``Workspace/remove(domains:)`` did with each name given.
public struct DomainRemoval: Codable, Sendable, Hashable {
    /// Removed with all their observations, normalised.
    public var removed: [String]
    /// Valid names that were not in the workspace, normalised.
    public var missing: [String]
    /// Not domain names, as given.
    public var invalid: [String]

    public init(removed: [String] = [], missing: [String] = [], invalid: [String] = []) {
        self.removed = removed
        self.missing = missing
        self.invalid = invalid
    }
}

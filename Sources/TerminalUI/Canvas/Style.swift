/// What a piece of text means; a colour scheme turns meanings into colours and attributes.
/// Views never name colours (STYLE.md: semantic roles, monochrome fallback).
public enum StyleRole: String, Sendable, CaseIterable, Hashable {
    case normal, title, header, selected, ok, warn, fail, info, pending, muted, accent, border, input, danger
}

/// A role plus emphasis.
public struct Style: Sendable, Hashable {
    public var role: StyleRole
    public var bold: Bool
    public var reverse: Bool

    public init(_ role: StyleRole = .normal, bold: Bool = false, reverse: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
    }

    public static let normal = Style()
    public static func role(_ role: StyleRole) -> Style { Style(role) }
}

import CNcurses

/// Maps style roles to curses colour pairs and attributes. The monochrome scheme uses only
/// bold, reverse and dim, as htop's does, for `NO_COLOR`, `--no-color` and terminals without
/// colours.
public struct ColorScheme: Sendable {
    public enum Kind: Sendable { case colour, monochrome }
    public let kind: Kind

    public init(kind: Kind) { self.kind = kind }

    /// (foreground, background) per role; -1 is the terminal default.
    static let colours: [StyleRole: (Int16, Int16)] = [
        .normal: (-1, -1), .title: (6, -1), .header: (6, -1), .selected: (-1, -1), .ok: (2, -1), .warn: (3, -1),
        .fail: (1, -1), .info: (4, -1), .pending: (5, -1), .muted: (8, -1), .accent: (6, -1), .border: (8, -1),
        .input: (-1, -1), .danger: (7, 1),
    ]

    static func pairNumber(_ role: StyleRole) -> Int16 {
        Int16(StyleRole.allCases.firstIndex(of: role)! + 1)
    }

    /// Registers the colour pairs (after `start_color`).
    func install() {
        guard kind == .colour else { return }
        use_default_colors()
        for role in StyleRole.allCases {
            var (fg, bg) = Self.colours[role]!
            if fg == 8 && cn_colors() < 16 { fg = -1 }
            init_pair(Self.pairNumber(role), fg, bg)
        }
    }

    /// Curses attributes for a style.
    func attributes(_ style: Style) -> Int32 {
        var attrs: Int32 = 0
        switch kind {
        case .colour:
            attrs |= cn_color_pair(Int32(Self.pairNumber(style.role)))
            if style.role == .muted || style.role == .border { attrs |= cn_colors() < 16 ? cn_attr_dim() : 0 }
            if style.role == .fail || style.role == .title { attrs |= cn_attr_bold() }
        case .monochrome:
            switch style.role {
            case .fail, .title, .header, .danger: attrs |= cn_attr_bold()
            case .muted, .border: attrs |= cn_attr_dim()
            case .warn: attrs |= cn_attr_underline()
            default: break
            }
        }
        if style.bold { attrs |= cn_attr_bold() }
        if style.reverse { attrs |= cn_attr_reverse() }
        return attrs
    }
}

/// A key press, decoded from the terminal; the app matches on these, never on raw codes.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Control + letter (`ctrl("d")`); Ctrl-C is `ctrl("c")`.
    case ctrl(Character)
    case function(Int)
    /// The terminal was resized to width × height.
    case resize(width: Int, height: Int)

    public var description: String {
        switch self {
        case .character(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .ctrl(let c): "C-\(c)"
        case .function(let n): "F\(n)"
        case .resize(let w, let h): "resize \(w)x\(h)"
        }
    }

    /// Keys written as in help texts and tests: `"j"`, `"<Enter>"`, `"<Esc>"`, `"<C-d>"`, …
    public static func parse(sequence: String) -> [Key] {
        var keys: [Key] = []
        var rest = Substring(sequence)
        let named: [String: Key] = [
            "Enter": .enter, "Esc": .escape, "Tab": .tab, "S-Tab": .backTab, "BS": .backspace, "Del": .delete,
            "Up": .up, "Down": .down, "Left": .left, "Right": .right, "PgUp": .pageUp, "PgDn": .pageDown,
            "Home": .home, "End": .end, "lt": .character("<"),
        ]
        while let first = rest.first {
            if first == "<", let close = rest.firstIndex(of: ">") {
                let name = String(rest[rest.index(after: rest.startIndex)..<close])
                if let key = named[name] {
                    keys.append(key)
                    rest = rest[rest.index(after: close)...]
                    continue
                }
                if name.hasPrefix("C-"), name.count == 3, let c = name.last {
                    keys.append(.ctrl(c))
                    rest = rest[rest.index(after: close)...]
                    continue
                }
            }
            keys.append(.character(first))
            rest = rest.dropFirst()
        }
        return keys
    }
}

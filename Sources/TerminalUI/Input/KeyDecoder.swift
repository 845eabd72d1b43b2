import CNcurses

/// Turns curses key codes and characters into `Key`s.
enum KeyDecoder {
    static func key(forCode code: Int32, size: (width: Int, height: Int)) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_FIND: return .home
        case KEY_END, KEY_SELECT: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case cn_key_resize(): return .resize(width: size.width, height: size.height)
        default:
            for n in 1...12 where code == cn_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    static func key(forCharacter scalar: Unicode.Scalar) -> Key? {
        switch scalar.value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(scalar.value + 96)!))
        case 0..<32: return nil
        default: return .character(Character(scalar))
        }
    }

    /// Sequences terminals send that the terminfo entry in use may not list, as the bytes after
    /// ESC. Inside tmux with `TERM=xterm-256color`, Home/End arrive as tmux's own `ESC [1~` /
    /// `ESC [4~` while xterm's terminfo says `ESC OH` / `ESC OF`; rxvt sends `ESC [7~` /
    /// `ESC [8~`. They are taught to curses at start (``curses``) and decoded here as well when
    /// curses hands them over byte by byte.
    static let escapeSequences: [String: Key] = [
        "[1~": .home, "[4~": .end, "[7~": .home, "[8~": .end,
        "OH": .home, "OF": .end, "[H": .home, "[F": .end,
        "[5~": .pageUp, "[6~": .pageDown, "[3~": .delete,
        "[A": .up, "[B": .down, "[C": .right, "[D": .left,
        "OA": .up, "OB": .down, "OC": .right, "OD": .left,
        "[Z": .backTab,
    ]

    /// The Home/End sequences curses is taught with `define_key`.
    static let curses: [(sequence: String, code: Int32)] = [
        ("\u{1b}[1~", KEY_HOME), ("\u{1b}[4~", KEY_END), ("\u{1b}[7~", KEY_HOME), ("\u{1b}[8~", KEY_END),
        ("\u{1b}OH", KEY_HOME), ("\u{1b}OF", KEY_END), ("\u{1b}[H", KEY_HOME), ("\u{1b}[F", KEY_END),
    ]

    /// Whether the bytes after ESC are a complete sequence: `O` and one byte, or `[`,
    /// parameters and a final byte (ECMA-48: 0x40–0x7E).
    static func isComplete(afterEscape scalars: [Unicode.Scalar]) -> Bool {
        guard let first = scalars.first else { return false }
        switch first {
        case "O": return scalars.count >= 2
        case "[":
            guard scalars.count >= 2, let last = scalars.last else { return false }
            return (0x40...0x7E).contains(last.value)
        default: return true
        }
    }

    /// The key for ESC followed by `scalars`: a lone ESC is Esc, ESC and one character is that
    /// character (Alt-x), a known sequence its key, and an unknown sequence nothing (never its
    /// bytes typed as text).
    static func key(afterEscape scalars: [Unicode.Scalar]) -> Key? {
        guard let first = scalars.first else { return .escape }
        if scalars.count == 1 { return key(forCharacter: first) }
        guard first == "[" || first == "O" else { return key(forCharacter: first) }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return escapeSequences[text]
    }
}

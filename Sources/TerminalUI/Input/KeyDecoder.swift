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
        case KEY_HOME: return .home
        case KEY_END: return .end
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
}

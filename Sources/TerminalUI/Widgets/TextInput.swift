/// A one-line text field: the filter prompt, the `:` command line, typed confirmations.
public struct TextInput: Sendable, Equatable {
    public var text: String
    /// Cursor position in characters.
    public var cursor: Int
    public var maxLength: Int

    public init(text: String = "", maxLength: Int = 256) {
        self.text = text
        self.cursor = text.count
        self.maxLength = maxLength
    }

    /// Applies an editing key. Returns false for keys that are not editing keys (Enter, Esc, …).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            guard text.count < maxLength, !c.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return true }
            let index = text.index(text.startIndex, offsetBy: cursor)
            text.insert(c, at: index)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            let index = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: index)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(cursor - 1, 0)
        case .right: cursor = min(cursor + 1, text.count)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"):
            text = String(text.dropFirst(cursor))
            cursor = 0
        case .ctrl("w"):
            let before = text.prefix(cursor)
            let trimmed = before.reversed().drop { $0 == " " }.drop { $0 != " " }
            let keep = String(trimmed.reversed())
            text = keep + text.dropFirst(cursor)
            cursor = keep.count
        default: return false
        }
        return true
    }

    /// Draws `prompt` + text in one row, sets the canvas cursor.
    public func draw(into canvas: inout Canvas, x: Int, y: Int, width: Int, prompt: String, style: Style = Style(.input)) {
        let promptWidth = canvas.put(prompt, x: x, y: y, style: Style(.accent, bold: true))
        let room = max(width - promptWidth - 1, 1)
        let visibleStart = max(0, cursor - room)
        let visible = String(text.dropFirst(visibleStart))
        canvas.put(DisplayWidth.truncate(visible, to: room, ellipsis: false), x: x + promptWidth, y: y, style: style)
        let cursorColumn = DisplayWidth.of(String(text.dropFirst(visibleStart).prefix(cursor - visibleStart)))
        canvas.cursor = (x + promptWidth + cursorColumn, y)
    }
}

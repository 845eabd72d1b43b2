/// Selection and scrolling of a list: pure state, updated by keys, kept valid for any count and
/// any visible height (resize keeps the selection).
public struct ListState: Sendable, Equatable {
    public var selected: Int
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Keeps `selected` in `0..<count` and visible in a window of `visible` rows.
    public mutating func clamp(count: Int, visible: Int) {
        guard count > 0 else {
            selected = 0
            offset = 0
            return
        }
        selected = min(max(selected, 0), count - 1)
        let visible = max(visible, 1)
        if selected < offset { offset = selected }
        if selected >= offset + visible { offset = selected - visible + 1 }
        offset = min(max(offset, 0), max(count - visible, 0))
    }

    public mutating func move(by delta: Int, count: Int, visible: Int) {
        selected += delta
        clamp(count: count, visible: visible)
    }

    /// Handles the movement keys operators expect (arrows, j/k, PgUp/PgDn, C-d/C-u, g/G,
    /// Home/End). Returns false for keys it does not handle.
    @discardableResult
    public mutating func handle(_ key: Key, count: Int, visible: Int) -> Bool {
        let page = max(visible - 1, 1)
        switch key {
        case .down, .character("j"): move(by: 1, count: count, visible: visible)
        case .up, .character("k"): move(by: -1, count: count, visible: visible)
        case .pageDown: move(by: page, count: count, visible: visible)
        case .pageUp: move(by: -page, count: count, visible: visible)
        case .ctrl("d"): move(by: max(visible / 2, 1), count: count, visible: visible)
        case .ctrl("u"): move(by: -max(visible / 2, 1), count: count, visible: visible)
        case .home, .character("g"):
            selected = 0
            clamp(count: count, visible: visible)
        case .end, .character("G"):
            selected = count - 1
            clamp(count: count, visible: visible)
        default: return false
        }
        return true
    }
}

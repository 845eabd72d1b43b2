/// Word wrapping for panes: breaks at spaces, hard-breaks words longer than the width, keeps
/// leading indentation on continuation lines.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = String(paragraph.prefix { $0 == " " })
            let indentWidth = min(indent.count, width / 2)
            var line = ""
            var lineWidth = 0
            func flush() {
                out.append(line)
                line = String(repeating: " ", count: indentWidth)
                lineWidth = indentWidth
            }
            line = String(indent.prefix(indentWidth))
            lineWidth = indentWidth
            let words = paragraph.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false)
            var first = true
            for word in words {
                var word = String(word)
                let needsSpace = !first
                first = false
                var w = DisplayWidth.of(word)
                if lineWidth + (needsSpace ? 1 : 0) + w <= width {
                    if needsSpace { line += " "; lineWidth += 1 }
                    line += word
                    lineWidth += w
                    continue
                }
                if lineWidth > indentWidth { flush() }
                while w > width - lineWidth, width - lineWidth > 0 {
                    let piece = DisplayWidth.truncate(word, to: width - lineWidth, ellipsis: false)
                    if piece.isEmpty { break }
                    line += piece
                    word = String(word.dropFirst(piece.count))
                    w = DisplayWidth.of(word)
                    flush()
                }
                line += word
                lineWidth += w
            }
            out.append(line)
        }
        return out
    }
}

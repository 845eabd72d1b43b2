/// Word wrapping for panes: breaks at spaces, hard-breaks words longer than the width, keeps
/// leading indentation on continuation lines.
///
/// Linear in the length of the text: every character is measured once (``DisplayWidth``) and
/// copied once, so a 64 KB word without spaces costs as much as 64 KB of prose.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrap(paragraph: paragraph, width: width, into: &out)
        }
        return out
    }

    private static func wrap(paragraph: Substring, width: Int, into out: inout [String]) {
        let indentCount = paragraph.prefix { $0 == " " }.count
        let indentWidth = min(indentCount, width / 2)
        let indent = String(repeating: " ", count: indentWidth)
        var line = indent
        var lineWidth = indentWidth
        func flush() {
            out.append(line)
            line = indent
            lineWidth = indentWidth
        }
        let body = paragraph.dropFirst(indentCount)
        var first = true
        for word in body.split(separator: " ", omittingEmptySubsequences: false) {
            let needsSpace = !first
            first = false
            let widths = DisplayWidth.columns(of: word)
            let w = widths.reduce(0, +)
            if lineWidth + (needsSpace ? 1 : 0) + w <= width {
                if needsSpace { line += " "; lineWidth += 1 }
                line += word
                lineWidth += w
                continue
            }
            if lineWidth > indentWidth { flush() }
            // Hard break: the longest prefix that fits the room left, then a new line, until
            // the rest fits; each character is looked at once.
            var rest = w
            var start = word.startIndex
            var position = 0
            while rest > width - lineWidth, width - lineWidth > 0 {
                let room = width - lineWidth
                var pieceWidth = 0
                var end = start
                while position < widths.count, pieceWidth + widths[position] <= room {
                    pieceWidth += widths[position]
                    end = word.index(after: end)
                    position += 1
                }
                if end == start { break }  // a wide character on a line with one column left
                line += word[start..<end]
                rest -= pieceWidth
                start = end
                flush()
            }
            line += word[start...]
            lineWidth += rest
        }
        out.append(line)
    }
}

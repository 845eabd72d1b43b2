/// A table with a header row and a selectable body, drawn into a rectangle.
public struct Table {
    public struct Column: Sendable {
        public var title: String
        /// Fixed width, or `nil` to share the remaining width.
        public var width: Int?
        public var alignRight: Bool
        public init(_ title: String, width: Int? = nil, alignRight: Bool = false) {
            self.title = title
            self.width = width
            self.alignRight = alignRight
        }
    }

    /// One cell: text and style.
    public struct Item: Sendable {
        public var text: String
        public var style: Style
        public init(_ text: String, _ style: Style = .normal) {
            self.text = text
            self.style = style
        }
    }

    public var columns: [Column]

    public init(columns: [Column]) { self.columns = columns }

    /// Column widths for `total` columns of screen (one space between columns).
    public func widths(total: Int) -> [Int] {
        let fixed = columns.compactMap(\.width).reduce(0, +) + max(columns.count - 1, 0)
        let flexible = columns.filter { $0.width == nil }.count
        let share = flexible > 0 ? max((total - fixed) / flexible, 4) : 0
        return columns.map { $0.width ?? share }
    }

    /// Draws the header in the first row of `rect` and `rows(index)` for the visible rows,
    /// the selected one highlighted.
    public func draw(into canvas: inout Canvas, rect: Rect, count: Int, state: ListState, focused: Bool = true,
                     row: (Int) -> [Item]) {
        guard rect.height > 0 else { return }
        let widths = widths(total: rect.width)
        var x = rect.x
        for (index, column) in columns.enumerated() {
            canvas.put(align(column.title, widths[index], column.alignRight), x: x, y: rect.y, style: Style(.header, bold: true),
                       clip: rect)
            x += widths[index] + 1
        }
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        for line in 0..<body.height {
            let index = state.offset + line
            guard index < count else { break }
            let y = body.y + line
            let items = row(index)
            var x = body.x
            for (column, item) in items.enumerated() where column < columns.count {
                canvas.put(align(item.text, widths[column], columns[column].alignRight), x: x, y: y, style: item.style,
                           clip: body)
                x += widths[column] + 1
            }
            if index == state.selected {
                canvas.put(">", x: body.x - 1 >= 0 ? body.x - 1 : body.x, y: y, style: Style(.selected, bold: true))
                canvas.restyle(Rect(x: body.x, y: y, width: body.width, height: 1)) { style in
                    var style = style
                    style.reverse = focused
                    style.bold = true
                    return style
                }
            }
        }
    }

    func align(_ text: String, _ width: Int, _ right: Bool) -> String {
        let cut = DisplayWidth.truncate(text, to: width)
        let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
        return right ? padding + cut : cut + padding
    }
}

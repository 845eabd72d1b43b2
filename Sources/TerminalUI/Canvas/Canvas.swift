/// A grid of styled cells: every screen is drawn into one, then the backend paints it (or a
/// test reads it as text). Drawing outside the canvas is clipped, never a crash.
public struct Canvas: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var character: Character
        public var style: Style
        /// The right half of a wide character drawn in the cell before.
        public var isContinuation: Bool

        public static let blank = Cell(character: " ", style: .normal, isContinuation: false)
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (text input), if anywhere.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (lhs: Canvas, rhs: Canvas) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursor?.x == rhs.cursor?.x && lhs.cursor?.y == rhs.cursor?.y
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Writes `text` at (x, y), clipped to `clip` (default: the whole canvas). Returns the columns
    /// used. Control characters are shown as `?` so hostile data cannot move the cursor.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, clip: Rect? = nil) -> Int {
        let clip = clip ?? bounds
        guard y >= clip.y, y < clip.maxY, y >= 0, y < height else { return 0 }
        var column = x
        for var character in text {
            var w = DisplayWidth.of(character)
            if character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                character = "?"
                w = 1
            }
            if w == 0 { continue }
            if column + w > clip.maxX || column + w > width { break }
            if column >= clip.x && column >= 0 {
                cells[y * width + column] = Cell(character: character, style: style, isContinuation: false)
                if w == 2 { cells[y * width + column + 1] = Cell(character: " ", style: style, isContinuation: true) }
            }
            column += w
        }
        return column - x
    }

    /// Fills `rect` with `character`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        for row in max(rect.y, 0)..<min(rect.maxY, height) {
            for column in max(rect.x, 0)..<min(rect.maxX, width) {
                cells[row * width + column] = Cell(character: character, style: style, isContinuation: false)
            }
        }
    }

    /// Changes the style of every cell in `rect`, keeping the characters (selection bars).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        for row in max(rect.y, 0)..<min(rect.maxY, height) {
            for column in max(rect.x, 0)..<min(rect.maxX, width) {
                cells[row * width + column].style = transform(cells[row * width + column].style)
            }
        }
    }

    /// A frame around `rect` with an optional title in the top border.
    public mutating func box(_ rect: Rect, title: String? = nil, style: Style = Style(.border), ascii: Bool = false) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let (h, v, tl, tr, bl, br): (String, String, String, String, String, String) =
            ascii ? ("-", "|", "+", "+", "+", "+") : ("─", "│", "┌", "┐", "└", "┘")
        put(tl + String(repeating: h, count: rect.width - 2) + tr, x: rect.x, y: rect.y, style: style)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            put(v, x: rect.x, y: row, style: style)
            put(v, x: rect.maxX - 1, y: row, style: style)
        }
        put(bl + String(repeating: h, count: rect.width - 2) + br, x: rect.x, y: rect.maxY - 1, style: style)
        if let title, rect.width > 4 {
            put(" " + DisplayWidth.truncate(title, to: rect.width - 4) + " ", x: rect.x + 1, y: rect.y,
                style: Style(.title, bold: true))
        }
    }

    /// The rows as plain text, trailing spaces removed: what tests and `Screenshots/*.txt` compare.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                let cell = cells[row * width + column]
                if !cell.isContinuation { line.append(cell.character) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }

    /// The style of the first cell whose text starts at `needle` (tests: "is this word red?").
    public func style(of needle: String) -> Style? {
        for (row, line) in lines.enumerated() {
            guard let range = line.range(of: needle) else { continue }
            let column = DisplayWidth.of(String(line[line.startIndex..<range.lowerBound]))
            return self[column, row].style
        }
        return nil
    }
}

import TerminalUI

/// A small vertical bar chart of per-day counts: one column per day, `rows` lines tall, eighth
/// blocks (▁▂▃▄▅▆▇█) or, with plain glyphs, `.` `:` `#`. Scaled to the largest value; any
/// non-zero value shows at least the lowest mark so a single failure is never invisible.
enum BarChart {
    static func lines(_ values: [Int], rows: Int, ascii: Bool) -> [String] {
        let top = values.max() ?? 0
        let steps = ascii ? 3 : 8
        let units = values.map { value -> Int in
            guard value > 0, top > 0 else { return 0 }
            return max(1, Int((Double(value) / Double(top) * Double(rows * steps)).rounded()))
        }
        return (0..<rows).map { row in
            let base = (rows - 1 - row) * steps
            return String(units.map { unit -> Character in
                let fill = min(max(unit - base, 0), steps)
                if ascii { return fill == 0 ? " " : fill == 1 ? "." : fill == 2 ? ":" : "#" }
                return fill == 0 ? " " : Array("▁▂▃▄▅▆▇█")[fill - 1]
            })
        }
    }
}

/// The conversation as evidence, bounded: at most `limit` entries of at most `lineLimit`
/// characters. When a server talks too much, the first lines (banner, EHLO) and the last lines
/// (where it went wrong, which the findings quote) are kept and the middle is counted.
struct SMTPTranscript: Sendable, Hashable {
    let limit: Int
    let lineLimit: Int
    private var head: [String] = []
    private var tail: [String] = []
    private var omitted = 0

    init(limit: Int = 40, lineLimit: Int = 200) {
        self.limit = max(limit, 4)
        self.lineLimit = max(lineLimit, 16)
    }

    private var headLimit: Int { limit * 2 / 3 }
    /// One entry is kept for the "… omitted" marker.
    private var tailLimit: Int { limit - headLimit - 1 }

    mutating func client(_ line: String) { append("C: " + line) }
    mutating func server(_ line: String) { append("S: " + line) }

    mutating func append(_ entry: String) {
        let entry = SMTPText.truncated(entry, limit: lineLimit)
        if head.count < headLimit {
            head.append(entry)
            return
        }
        tail.append(entry)
        if tail.count > tailLimit {
            tail.removeFirst()
            omitted += 1
        }
    }

    var lines: [String] {
        omitted == 0 ? head + tail : head + ["… \(omitted) line(s) omitted"] + tail
    }
}

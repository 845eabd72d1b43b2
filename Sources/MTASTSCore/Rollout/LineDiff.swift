/// A line-by-line difference, for showing what is live next to what is planned.
public struct DiffLine: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// In both.
        case same
        /// Only in the plan: still to be published.
        case planned
        /// Only live: still to be removed.
        case live
    }
    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    /// `  `, `+ ` (planned) or `- ` (live only) before the text.
    public var rendered: String {
        switch kind {
        case .same: "  " + text
        case .planned: "+ " + text
        case .live: "- " + text
        }
    }
}

public enum LineDiff {
    /// The longest-common-subsequence diff of `live` against `planned`.
    public static func diff(live: [String], planned: [String]) -> [DiffLine] {
        let n = live.count, m = planned.count
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = live[i] == planned[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [DiffLine] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, live[i] == planned[j] {
                out.append(DiffLine(.same, live[i]))
                i += 1
                j += 1
            } else if j < m, i == n || table[i][j + 1] >= table[i + 1][j] {
                out.append(DiffLine(.planned, planned[j]))
                j += 1
            } else {
                out.append(DiffLine(.live, live[i]))
                i += 1
            }
        }
        return out
    }

    /// Lines of a policy file: split at LF, a CR before it dropped, no trailing empty line.
    public static func lines(_ text: String) -> [String] {
        // By scalars: a Swift String treats CRLF as one Character.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line))
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// Guesses which known field an unknown field name was meant to be, so a typo such as
/// `nmx:`, `max-age:` or `Mode:` is reported as the field it silently fails to set.
enum FieldNameSimilarity {
    static func likelyIntended(_ name: String, among known: [String]) -> String? {
        let folded = fold(name)
        if let exact = known.first(where: { fold($0) == folded }) { return exact }
        let lowered = name.lowercased()
        var best: (field: String, distance: Int)?
        for field in known {
            let limit = field.count <= 2 ? 1 : 2
            let distance = editDistance(Array(lowered), Array(field))
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (field, distance) }
        }
        return best?.field
    }

    /// Lower case, `-` and `.` as `_`, so `Max-Age` folds to `max_age`.
    static func fold(_ name: String) -> String {
        String(name.lowercased().map { $0 == "-" || $0 == "." ? "_" : $0 })
    }

    /// Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        guard abs(a.count - b.count) <= 3 else { return abs(a.count - b.count) }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

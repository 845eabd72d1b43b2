/// An `mx` pattern of a policy and the rules for it.
///
/// RFC 8461 §3.2: `sts-policy-mx-value = ["*."] Domain` with `Domain` from RFC 5321 §4.1.2
/// (letter-digit-hyphen labels). RFC 8461 §4.1: "a wildcard matches only a single leftmost
/// label"; matching is case-insensitive.
public enum MXPattern {
    /// A problem with a pattern: a message and whether senders would still use it.
    public struct Problem: Sendable, Equatable {
        public var message: String
        public var severity: Severity
        public var remedy: String?
    }

    /// Checks one pattern against the grammar. Returns the problems, most severe first.
    public static func problems(_ pattern: String) -> [Problem] {
        var problems: [Problem] = []
        var name = Substring(pattern)
        if name.isEmpty {
            return [Problem(message: "empty `mx` value", severity: .error, remedy: nil)]
        }
        let isWildcard = name.hasPrefix("*.")
        if isWildcard { name = name.dropFirst(2) }
        if name.hasSuffix(".") {
            name = name.dropLast()
            problems.append(Problem(
                message: "`\(pattern)` ends with a dot; the grammar has no trailing dot and some senders never match it",
                severity: .warning, remedy: "Write `\(pattern.dropLast())`."))
        }
        if pattern.hasPrefix("[") || HostName.isIPAddress(String(name)) {
            return [Problem(
                message: "`\(pattern)` is an address, not a host name; MX patterns match host names only",
                severity: .error, remedy: "Write the MX host's name, as in the MX record.")]
        }
        if name.unicodeScalars.contains(where: { !$0.isASCII }) {
            let suggestion = HostName.aLabels(String(name)).map { (isWildcard ? "*." : "") + $0 }
            return [Problem(
                message: "`\(pattern)` has non-ASCII characters; MX host names in DNS are A-labels, so this never matches",
                severity: .error,
                remedy: suggestion.map { "Write the A-label form `\($0)`." })]
        }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        for (index, label) in labels.enumerated() {
            if label == "*" {
                return [Problem(
                    message: index == 0 && isWildcard
                        ? "`\(pattern)`: a wildcard covers exactly one label; `*.*.` is not allowed"
                        : labels.count == 1
                            ? "`\(pattern)`: a bare `*` matches nothing; write `*.` followed by a domain"
                            : "`\(pattern)`: `*` is only allowed as the whole leftmost label",
                    severity: .error,
                    remedy: "List the hosts, or use one `*.` for the leftmost label only.")]
            }
            if label.contains("*") {
                return [Problem(
                    message: "`\(pattern)`: `*` must be a whole label, as in `*.example.com`",
                    severity: .error, remedy: nil)]
            }
            if let problem = labelProblem(label) {
                return [Problem(message: "`\(pattern)`: \(problem)", severity: .error, remedy: nil)]
            }
        }
        if name.utf8.count > 253 {
            problems.append(Problem(message: "`\(pattern)` is longer than 253 characters", severity: .error, remedy: nil))
        }
        if isWildcard && labels.count == 1 {
            problems.append(Problem(
                message: "`\(pattern)` covers every host directly under a top-level domain",
                severity: .warning, remedy: "Use a pattern under your own domain."))
        }
        return problems.sorted { $0.severity > $1.severity }
    }

    /// RFC 5321 §4.1.2: `sub-domain = Let-dig [Ldh-str]`, at most 63 octets (RFC 1035 §2.3.4).
    static func labelProblem(_ label: Substring) -> String? {
        if label.isEmpty { return "empty label (two dots in a row, or a leading dot)" }
        if label.utf8.count > 63 { return "label `\(label.prefix(20))…` is longer than 63 characters" }
        if let bad = label.unicodeScalars.first(where: { !($0.isASCIIAlphaNumeric || $0 == "-") }) {
            return "character `\(visible(String(bad)))` is not allowed in a host name (letters, digits, hyphens only)"
        }
        if label.hasPrefix("-") || label.hasSuffix("-") { return "label `\(label)` starts or ends with a hyphen" }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

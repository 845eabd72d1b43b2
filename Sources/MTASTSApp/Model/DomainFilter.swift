import MTASTSCore

/// The `/` filter of the domain list. Terms are ANDed; each is free text (part of the domain
/// name) or a qualifier: `stage:testing`, `status:fail|warn|ok|unchecked`, `code:mx-cert`
/// (prefix of the worst finding's code), `mx:host` (domains using that MX host), `plan:enforce`
/// (the rollout plan's target), `tlsrpt:fail` (failures reported in the last 7 days). `!` before a
/// term inverts it.
public struct DomainFilter: Sendable, Equatable {
    public enum Term: Sendable, Equatable {
        case text(String)
        case stage(String)
        case status(String)
        case code(String)
        case mx(String)
        case plan(String)
        case reported
    }

    public var terms: [(term: Term, inverted: Bool)]
    public var text: String

    public static func == (lhs: DomainFilter, rhs: DomainFilter) -> Bool { lhs.text == rhs.text }

    public init(_ text: String) {
        self.text = text
        terms = text.split(separator: " ").compactMap { raw in
            var word = Substring(raw)
            let inverted = word.hasPrefix("!")
            if inverted { word = word.dropFirst() }
            guard !word.isEmpty else { return nil }
            let lower = word.lowercased()
            let parts = lower.split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                switch parts[0] {
                case "stage": return (.stage(parts[1]), inverted)
                case "status": return (.status(parts[1]), inverted)
                case "code": return (.code(parts[1]), inverted)
                case "mx": return (.mx(parts[1]), inverted)
                case "plan": return (.plan(parts[1]), inverted)
                case "tlsrpt" where parts[1] == "fail": return (.reported, inverted)
                default: break
                }
            }
            return (.text(lower), inverted)
        }
    }

    public var isEmpty: Bool { terms.isEmpty }

    public func matches(_ row: DomainRow) -> Bool {
        terms.allSatisfy { term, inverted in matches(term, row) != inverted }
    }

    func matches(_ term: Term, _ row: DomainRow) -> Bool {
        switch term {
        case .text(let text): return row.name.contains(text)
        case .stage(let stage): return row.stage?.rawValue.hasPrefix(stage) ?? (stage == "unchecked")
        case .status(let status):
            switch status {
            case "fail", "error", "err": return row.worstSeverity == .error
            case "warn", "warning": return row.worstSeverity == .warning
            case "ok": return row.isChecked && row.worstSeverity != .error && row.worstSeverity != .warning
            case "unchecked": return !row.isChecked
            default: return false
            }
        case .code(let code): return row.worstCode?.rawValue.hasPrefix(code) ?? false
        case .mx(let host): return row.mxHosts.contains { $0.contains(host) }
        case .plan(let target): return row.plannedStage?.rawValue.hasPrefix(target) ?? (target == "-")
        case .reported: return (row.reportedFailures ?? 0) > 0
        }
    }
}

import MTASTSCore

/// The `/` filter of the domain list. Terms are ANDed; each is free text (part of the domain
/// name) or a qualifier: `stage:testing`, `status:fail|warn|ok|unchecked`, `code:mx-cert`
/// (prefix of the worst finding's code), `mx:host` (domains using that MX host), `plan:enforce`
/// (the rollout plan's target), `tlsrpt:fail` (failures reported in the last 7 days). `!` before a
/// term inverts it. A term it cannot mean (`stage:enforced`, `sev:error`) is not applied: it is
/// listed in ``problems`` with the values that would be understood.
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
    /// The terms rejected, each with what is valid instead, e.g.
    /// "stage:enforced? one of none testing enforce removing broken unknown unchecked".
    public var problems: [String] = []

    /// The qualifiers understood, in the order help lists them.
    public static let qualifiers = ["stage", "status", "code", "mx", "plan", "tlsrpt"]
    static let stages = LiveStage.allCases.map(\.rawValue) + ["unchecked"]
    static let statuses = ["fail", "error", "err", "warn", "warning", "ok", "unchecked"]
    static let plans = RolloutTarget.allCases.map(\.rawValue) + ["-"]
    static let codeAreas: [String] = {
        var seen: [String] = []
        for entry in FindingCatalog.all where !seen.contains(entry.code.area) { seen.append(entry.code.area) }
        return seen
    }()

    public static func == (lhs: DomainFilter, rhs: DomainFilter) -> Bool { lhs.text == rhs.text }

    public init(_ text: String) {
        self.text = text
        var problems: [String] = []
        terms = text.split(separator: " ").compactMap { raw in
            var word = Substring(raw)
            let inverted = word.hasPrefix("!")
            if inverted { word = word.dropFirst() }
            guard !word.isEmpty else { return nil }
            let lower = word.lowercased()
            let parts = lower.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { return (.text(lower), inverted) }
            let (key, value) = (parts[0], parts[1])
            // Domain names have no colon: a qualifier the filter does not know is a mistake.
            // "stage:enforced? one of none testing …": the stages fit a flash line at 80 columns.
            func reject(_ valid: [String], as label: String = "one of") -> (term: Term, inverted: Bool)? {
                problems.append("\(lower)? \(label) \(valid.joined(separator: " "))")
                return nil
            }
            func known(_ valid: [String]) -> Bool { valid.contains { $0.hasPrefix(value) } }
            guard Self.qualifiers.contains(key) else {
                return reject(Self.qualifiers.map { $0 + ":" }, as: "filters:")
            }
            if value.isEmpty { return reject(Self.values(of: key)) }
            switch key {
            case "stage": return known(Self.stages) ? (.stage(value), inverted) : reject(Self.stages)
            case "status": return known(Self.statuses) ? (.status(value), inverted) : reject(["fail", "warn", "ok", "unchecked"])
            case "code":
                let area = value.split(separator: ".").first.map(String.init) ?? value
                return Self.codeAreas.contains(where: { $0.hasPrefix(area) })
                    ? (.code(value), inverted) : reject(Self.codeAreas, as: "codes start with")
            case "mx": return (.mx(value), inverted)
            case "plan": return known(Self.plans) ? (.plan(value), inverted) : reject(Self.plans)
            default: return value == "fail" ? (.reported, inverted) : reject(["fail"])
            }
        }
        self.problems = problems
    }

    /// What a qualifier accepts, for the message when a value is missing.
    static func values(of key: String) -> [String] {
        switch key {
        case "stage": stages
        case "status": ["fail", "warn", "ok", "unchecked"]
        case "code": codeAreas
        case "plan": plans
        case "tlsrpt": ["fail"]
        default: ["an MX host name"]
        }
    }

    /// One line for the flash: what was rejected and what is valid.
    public var problemText: String? {
        problems.isEmpty ? nil : problems.joined(separator: "; ")
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
            case _ where "fail".hasPrefix(status) || "error".hasPrefix(status): return row.worstSeverity == .error
            case _ where "warning".hasPrefix(status): return row.worstSeverity == .warning
            case _ where "ok".hasPrefix(status): return row.isChecked && row.worstSeverity != .error && row.worstSeverity != .warning
            case _ where "unchecked".hasPrefix(status): return !row.isChecked
            default: return false
            }
        case .code(let code): return row.worstCode?.rawValue.hasPrefix(code) ?? false
        case .mx(let host): return row.mxHosts.contains { $0.contains(host) }
        case .plan(let target): return row.plannedStage?.rawValue.hasPrefix(target) ?? (target == "-")
        case .reported: return (row.reportedFailures ?? 0) > 0
        }
    }
}

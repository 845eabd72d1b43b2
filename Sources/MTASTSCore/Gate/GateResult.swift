/// The verdict of a gate for one move: blockers and unknown parts refuse it by default,
/// warnings need an explicit acknowledgement, notes are for reading.
public struct GateResult: Codable, Sendable, Hashable {
    public var domain: String
    /// The live stage the move starts from (`nil` when never checked).
    public var from: LiveStage?
    public var to: RolloutTarget
    public var blockers: [GateItem]
    public var warnings: [GateItem]
    /// What the checker could not look at: nothing can be decided about it (not the domain's fault).
    public var unknowns: [GateItem]
    public var notes: [GateItem]

    public init(domain: String, from: LiveStage?, to: RolloutTarget, blockers: [GateItem] = [], warnings: [GateItem] = [],
                unknowns: [GateItem] = [], notes: [GateItem] = []) {
        self.domain = domain
        self.from = from
        self.to = to
        self.blockers = blockers
        self.warnings = warnings
        self.unknowns = unknowns
        self.notes = notes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        domain = try c.decode(String.self, forKey: .domain)
        from = try c.decodeIfPresent(LiveStage.self, forKey: .from)
        to = try c.decode(RolloutTarget.self, forKey: .to)
        blockers = try c.decodeIfPresent([GateItem].self, forKey: .blockers) ?? []
        warnings = try c.decodeIfPresent([GateItem].self, forKey: .warnings) ?? []
        unknowns = try c.decodeIfPresent([GateItem].self, forKey: .unknowns) ?? []
        notes = try c.decodeIfPresent([GateItem].self, forKey: .notes) ?? []
    }

    /// Files `items` by kind; a warning or note about what is already a blocker (same code and
    /// subject) is not listed twice.
    mutating func add(_ items: [GateItem]) {
        for item in items {
            switch item.kind {
            case .blocker:
                blockers.append(item)
                warnings.removeAll { $0.code == item.code && $0.subject == item.subject }
                notes.removeAll { $0.code == item.code && $0.subject == item.subject }
            case .unknown: unknowns.append(item)
            case .warning:
                if !blockers.contains(where: { $0.code == item.code && $0.subject == item.subject }) { warnings.append(item) }
            case .note:
                if !blockers.contains(where: { $0.code == item.code && $0.subject == item.subject }) { notes.append(item) }
            }
        }
    }

    /// Runs `rules` over `context` and files their items.
    mutating func apply<Context>(_ rules: [any GateRule<Context>], _ context: Context) {
        for rule in rules { add(rule.items(in: context)) }
    }

    /// Nothing blocks, nothing is unknown and nothing needs acknowledgement.
    public var isClear: Bool { blockers.isEmpty && warnings.isEmpty && unknowns.isEmpty }
    /// Nothing blocks and nothing is unknown (warnings may need acknowledgement).
    public var isPassable: Bool { blockers.isEmpty && unknowns.isEmpty }

    /// The one-word state every surface shows: `ready`, `acknowledge` (warnings), `blocked`,
    /// `unknown` (the checker could not look).
    public var state: GateState {
        if !blockers.isEmpty { return .blocked }
        if !unknowns.isEmpty { return .unknown }
        return warnings.isEmpty ? .ready : .acknowledge
    }

    /// The first reason the move is not simply allowed, for footers ("blocked: mx-cert.expiring").
    public var headline: String {
        switch state {
        case .ready: return "ready"
        case .acknowledge: return "\(warnings.count) warning(s) to acknowledge: " + codes(warnings)
        case .blocked: return "blocked: " + codes(blockers)
        case .unknown: return "not checked: " + codes(unknowns)
        }
    }

    private func codes(_ items: [GateItem]) -> String {
        var seen: Set<FindingCode> = []
        return items.map(\.code).filter { seen.insert($0).inserted }.map(\.rawValue).joined(separator: ", ")
    }
}

/// A gate's verdict in one word.
public enum GateState: String, Codable, Sendable, CaseIterable {
    case ready, acknowledge, blocked, unknown
}

/// One thing a gate says about a move: a blocker (refuses it unless overridden), a warning
/// (needs acknowledgement), a part the checker could not look at (refuses it like a blocker:
/// nothing can be decided), or a note. The finding severity of the same code is the finding's;
/// `kind` is the gate's decision about the move, named by the rule that made it.
public struct GateItem: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case blocker, warning, unknown, note
    }

    public var kind: Kind
    /// The finding code the item is about (`mx-cert.expiring`, `rollout.soak-short`, …).
    public var code: FindingCode
    public var subject: String
    /// Why, in one line.
    public var message: String
    public var evidence: String
    public var remedy: String
    public var rfc: String
    /// The gate rule that raised it (``GateRule/name``).
    public var rule: String

    public init(kind: Kind, code: FindingCode, subject: String, message: String, evidence: String = "",
                remedy: String? = nil, rfc: String? = nil, rule: String) {
        let entry = FindingCatalog.entry(for: code)
        self.kind = kind
        self.code = code
        self.subject = subject
        self.message = message
        self.evidence = evidence
        self.remedy = remedy ?? entry?.remedy ?? ""
        self.rfc = rfc ?? entry?.rfc ?? ""
        self.rule = rule
    }

    /// The item a finding becomes by its severity: error → blocker, unknown → unknown,
    /// warning → warning, info → note.
    public init(_ finding: Finding, rule: String) {
        let kind: Kind
        switch finding.severity {
        case .error: kind = .blocker
        case .unknown: kind = .unknown
        case .warning: kind = .warning
        case .info: kind = .note
        }
        self.init(kind: kind, finding, rule: rule)
    }

    public init(kind: Kind, _ finding: Finding, rule: String, message: String? = nil) {
        self.init(kind: kind, code: finding.code, subject: finding.subject, message: message ?? finding.message,
                  evidence: finding.evidence, remedy: finding.remedy, rfc: finding.rfc, rule: rule)
    }
}

extension Array where Element == GateItem {
    public func contains(_ code: FindingCode) -> Bool { contains { $0.code == code } }
    public func with(_ code: FindingCode) -> [GateItem] { filter { $0.code == code } }
}

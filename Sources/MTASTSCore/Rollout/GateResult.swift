/// The verdict of the gate for one move: blockers refuse it by default, warnings need an
/// explicit acknowledgement, notes are for reading.
public struct GateResult: Codable, Sendable, Hashable {
    public var domain: String
    /// The live stage the move starts from (`nil` when never checked).
    public var from: LiveStage?
    public var to: RolloutTarget
    public var blockers: [Finding]
    public var warnings: [Finding]
    public var notes: [Finding]

    public init(domain: String, from: LiveStage?, to: RolloutTarget, blockers: [Finding] = [], warnings: [Finding] = [], notes: [Finding] = []) {
        self.domain = domain
        self.from = from
        self.to = to
        self.blockers = blockers
        self.warnings = warnings
        self.notes = notes
    }

    /// Sorts findings into blockers, warnings and notes by severity.
    mutating func add(_ findings: [Finding]) {
        for finding in findings {
            switch finding.severity {
            case .error: blockers.append(finding)
            case .warning: warnings.append(finding)
            case .info: notes.append(finding)
            }
        }
    }

    public var isClear: Bool { blockers.isEmpty && warnings.isEmpty }
}

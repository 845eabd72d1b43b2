/// Enforce follows a verified `testing` stage (RFC 8461 §5: in testing, senders deliver anyway
/// and report what would have failed; that is the evidence enforce needs). A domain already in
/// `enforce` passes; a stage the checker could not see is unknown, not a blocker.
struct LiveStageGateRule: GateRule {
    let name = "live-stage"

    func items(in context: ReportGateContext) -> [GateItem] {
        switch context.liveStage {
        case .testing, .enforce:
            return []
        case .unknown:
            return [GateItem(kind: .unknown, code: .rolloutNotLive, subject: context.domain,
                             message: "the live stage could not be checked", rfc: "RFC 8461 §5", rule: name)]
        case .none, .removing, .broken:
            return [GateItem(
                kind: .blocker, code: .rolloutNotLive, subject: context.domain,
                message: "live stage is \(context.liveStage.rawValue): enforce follows a verified testing stage",
                evidence: "live \(context.liveStage.rawValue), expected testing", rule: name)]
        }
    }
}

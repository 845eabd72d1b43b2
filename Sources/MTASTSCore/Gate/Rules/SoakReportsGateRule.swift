/// What senders reported while the domain soaked in `testing` (RFC 8460 §4.3): failures are
/// mail enforce would bounce (``SoakReportRule``: a warning, a blocker above the failure-rate
/// limit, a note when no report arrived).
struct SoakReportsGateRule: GateRule {
    let name = "soak-reports"

    func items(in context: RolloutGateContext) -> [GateItem] {
        guard context.report?.liveStage == .testing else { return [] }
        let input = context.input
        return SoakReportRule.findings(domain: input.domain, totals: input.reportTotals,
                                       blockerFailureRate: input.settings.blockerFailureRate).map { GateItem($0, rule: name) }
    }
}

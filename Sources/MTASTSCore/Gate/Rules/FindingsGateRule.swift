/// Every finding of the check counts with its one severity: an error blocks enforce (senders
/// would refuse or ignore the policy, RFC 8461 §4, §5), a warning needs acknowledgement, a
/// part the checker could not look at leaves the move undecided. Info findings are not listed;
/// DANE findings are ``DANEGateRule``'s.
struct FindingsGateRule: GateRule {
    let name = "findings"

    func items(in context: ReportGateContext) -> [GateItem] {
        context.findings.filter { $0.severity != .info && $0.code.area != "dane" }.map { GateItem($0, rule: name) }
    }
}

/// Every finding of the check counts with its one severity: an error blocks enforce (senders
/// would refuse or ignore the policy, RFC 8461 §4, §5), a warning needs acknowledgement, a
/// part the checker could not look at leaves the move undecided. Info findings are not listed.
struct FindingsGateRule: GateRule {
    let name = "findings"

    func items(in context: ReportGateContext) -> [GateItem] {
        context.findings.filter { $0.severity != .info }.map { finding in
            // RFC 8461 §2: a DANE sender uses DANE, not MTA-STS, for that MX: the MTA-STS mode
            // changes nothing for it, so a DANE failure is a warning about the move, not a blocker.
            if finding.code.area == "dane" && finding.severity == .error {
                return GateItem(kind: .warning, finding, rule: name,
                                message: finding.message + " (DANE senders refuse it regardless of the MTA-STS mode)")
            }
            return GateItem(finding, rule: name)
        }
    }
}

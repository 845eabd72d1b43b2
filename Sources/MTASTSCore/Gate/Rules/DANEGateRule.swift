/// DANE findings and the move to `mode: enforce`: a DANE sender uses DANE, not MTA-STS, for
/// that MX (RFC 8461 §2), so the MTA-STS mode changes nothing for it: a DANE failure is a warning
/// about the move (to acknowledge), not a blocker; DANE warnings stay warnings.
struct DANEGateRule: GateRule {
    let name = "dane"

    func items(in context: ReportGateContext) -> [GateItem] {
        context.findings.filter { $0.code.area == "dane" && $0.severity != .info }.map { finding in
            guard finding.severity == .error else { return GateItem(finding, rule: name) }
            return GateItem(kind: .warning, finding, rule: name,
                            message: finding.message + " (DANE senders refuse it regardless of the MTA-STS mode)")
        }
    }
}

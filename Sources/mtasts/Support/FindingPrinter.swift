import MTASTSCore

/// Prints findings as text: badge, code, subject, message, evidence, fix, RFC.
struct FindingPrinter {
    var style: TextStyle

    func lines(for finding: Finding, indent: String = "  ") -> [String] {
        block(badge: style.badge(finding.severity), code: finding.code, subject: finding.subject, message: finding.message,
              evidence: finding.evidence, remedy: finding.remedy, rfc: finding.rfc, indent: indent)
    }

    /// A gate item: its kind (blocker, warning, not checked, note), code, subject, reason.
    func lines(for item: GateItem, indent: String = "  ") -> [String] {
        block(badge: style.badge(item.kind), code: item.code, subject: item.subject, message: item.message,
              evidence: item.evidence, remedy: item.remedy, rfc: item.rfc, indent: indent)
    }

    private func block(badge: String, code: FindingCode, subject: String, message: String, evidence: String, remedy: String,
                       rfc: String, indent: String) -> [String] {
        var out = ["\(indent)\(badge)  \(style.bold(code.rawValue))  \(subject)"]
        let pad = indent + String(repeating: " ", count: 11)
        out.append(pad + message)
        if !evidence.isEmpty { out.append(pad + style.dim("evidence: ") + evidence) }
        if !remedy.isEmpty { out.append(pad + style.dim("fix:      ") + remedy) }
        if !rfc.isEmpty { out.append(pad + style.dim("see:      ") + rfc) }
        return out
    }

    func print(_ items: [GateItem], indent: String = "  ") {
        for item in items {
            for line in lines(for: item, indent: indent) { Swift.print(line) }
        }
    }

    func print(_ findings: [Finding], indent: String = "  ") {
        for finding in findings.bySeverity {
            for line in lines(for: finding, indent: indent) { Swift.print(line) }
        }
    }

    /// `VALID`/`INVALID` with counts, e.g. `INVALID - 2 errors, 1 warning`.
    func verdict(valid: Bool, findings: [Finding]) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let infos = findings.filter { $0.severity == .info }.count
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        if infos > 0 { counts.append("\(infos) note\(infos == 1 ? "" : "s")") }
        let word = valid ? (warnings > 0 ? style.paint("VALID", .warning) : style.okBadge.replacingOccurrences(of: "OK", with: "VALID"))
            : style.paint("INVALID", .error)
        return word + (counts.isEmpty ? "" : " - " + counts.joined(separator: ", "))
    }
}

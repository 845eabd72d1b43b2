import MTASTSCore

/// Prints findings as text: badge, code, subject, message, evidence, fix, RFC.
struct FindingPrinter {
    var style: TextStyle

    func lines(for finding: Finding, indent: String = "  ") -> [String] {
        var out = ["\(indent)\(style.badge(finding.severity))  \(style.bold(finding.code.rawValue))  \(finding.subject)"]
        let pad = indent + String(repeating: " ", count: 11)
        out.append(pad + finding.message)
        if !finding.evidence.isEmpty { out.append(pad + style.dim("evidence: ") + finding.evidence) }
        if !finding.remedy.isEmpty { out.append(pad + style.dim("fix:      ") + finding.remedy) }
        if !finding.rfc.isEmpty { out.append(pad + style.dim("see:      ") + finding.rfc) }
        return out
    }

    /// A gate item: its kind (blocker, warning, not checked, note), code, subject, reason.
    func lines(for item: GateItem, indent: String = "  ") -> [String] {
        var out = ["\(indent)\(style.badge(item.kind))  \(style.bold(item.code.rawValue))  \(item.subject)"]
        let pad = indent + String(repeating: " ", count: 11)
        out.append(pad + item.message)
        if !item.evidence.isEmpty { out.append(pad + style.dim("evidence: ") + item.evidence) }
        if !item.remedy.isEmpty { out.append(pad + style.dim("fix:      ") + item.remedy) }
        if !item.rfc.isEmpty { out.append(pad + style.dim("see:      ") + item.rfc) }
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
